import type { Field } from './fields.js';

/**
 * Column headings vary from trust to trust (the seeds alone use a dozen for "lead"), so a
 * heading is recognised by what it means, not what it says. Rules are tried in order, on the
 * heading without its parenthesised guidance; the first match wins, so specific rules
 * ("action completed" is progress, "date for completion of action" is a due date) come
 * before the general ones.
 */
const RULES: readonly (readonly [Field, RegExp])[] = [
  ['evidence', /\bevidence\b/],
  ['ref', /^action (no|number|ref|reference|id)\b/],
  ['progress', /^(actions? (completed|taken|undertaken to date)|progress|update|latest update|current position|position|comments?|commentary)\b/],
  ['furtherAction', /^(further actions?|next steps?|outstanding actions?|actions? outstanding|remaining actions?)\b/],
  // A heading that opens with "Action(s)" names the action column, however much guidance follows
  // (seed 003's runs to forty words and mentions measures and monitoring).
  ['action', /^(specific |key |agreed |proposed |planned |smart )?actions?\b(?! (owners?|leads?|by|due|dates?|status|rag|complete|completed|ref|no|number)\b)/],
  ['completed', /\b(date (completed?|closed|achieved|of completion actual)|actual (completion )?date|completed (on|date)|date action completed)\b/],
  ['due', /\b(date|when|deadline|timescales?|target|due|timeframe|time frame|completion by)\b/],
  ['lead', /\b(leads?|responsib\w*|owners?|accountable|person|persons|who)\b/],
  ['status', /\b(status|rag|brag|rating)\b/],
  ['measurement', /\b(measure|measures|measurement|measured|how will)\b/],
  ['outcomes', /\b(outcomes?|indicators?|standards?|impact|expected results?)\b/],
  ['monitoring', /\b(monitoring|evaluation|assurance|oversight)\b/],
  ['reportedTo', /\b(reported to|reporting to|report to|reports to|governance route|committee|forum)\b/],
  ['action', /^(specific |key |agreed |proposed |planned )?actions?\b|\bactions? (to|required|planned|agreed|undertaken)\b/],
  ['finding', /\b(root causes?|contributory|findings?|issues? identified|concerns?|problems?|lessons?|themes?|learning)\b/],
  ['organisation', /^(organisation|organization|agency|provider|body)s?\b/],
  ['number', /^((rec(ommendation)?|item) )?(no|number|num|ref|reference|id)\b|^#$|^(rec|item)$/],
  ['recommendation', /\brecommendations?\b/],
];

export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\brec\./g, 'rec ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** The field a heading names, or null. Long cells are content, not headings. */
export function recogniseHeading(text: string): Field | null {
  const heading = normaliseHeading(text);
  if (heading === '' || heading.split(' ').length > 14 && !/^(specific )?actions?\b/.test(heading)) return null;
  for (const [field, pattern] of RULES) {
    if (pattern.test(heading)) return field;
  }
  return null;
}

/**
 * Reads a row as a header: each cell's field, with repeats after the first left unmapped.
 * Returns null unless the row names at least three different fields including a
 * recommendation or an action — enough that it cannot be an ordinary data row.
 */
export function recogniseHeaderRow(cells: readonly string[]): (Field | null)[] | null {
  const seen = new Set<Field>();
  const fields = cells.map((cell) => {
    const field = recogniseHeading(cell);
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
  const enough = seen.size >= 3 && (seen.has('recommendation') || seen.has('action'));
  return enough ? fields : null;
}
