import type { PlanDraft } from '../model/index.js';
import { PlanDraft as PlanDraftSchema } from '../model/index.js';
import { RowAssembler } from './assemble-rows.js';
import { buildRecommendations } from './build-draft.js';
import { cleanCellText } from './clean-text.js';
import { applyColumnMapping, type ColumnMapping } from './column-mapping.js';
import { recogniseHeaderRow } from './headings.js';
import { readPreamble } from './preamble.js';
import type { SourceBlock, SourceDocument } from './source.js';
import { readTextLayout } from './text-layout.js';

/** Imports text pasted or extracted from a plan document. Pure: the caller reads the file. */
export interface ImportOptions {
  /** A person's correction of how the columns were read (the tab's import preview). */
  mapping?: ColumnMapping;
}

export function importPlanText(text: string, name: string, options: ImportOptions = {}): PlanDraft {
  return importPlanDocument(readTextLayout(text, name), options);
}

/**
 * Imports a plan from paragraphs and rows (DOCX, XLSX, CSV, or text read by `readTextLayout`).
 * Everything in the input ends up in the plan, a warning, or the `discarded` list.
 */
export function importPlanDocument(document: SourceDocument, options: ImportOptions = {}): PlanDraft {
  const headerIndex = document.blocks.findIndex((block) => block.kind === 'row' && recogniseHeaderRow(block.cells.map((c) => cleanCellText(c))) !== null);
  const fallbackTitle = document.name.replace(/\.[a-z0-9]+$/i, '');
  if (headerIndex === -1) return withoutTable(document.blocks, fallbackTitle);
  const headerBlock = document.blocks[headerIndex];
  const headings = headerBlock?.kind === 'row' ? headerBlock.cells.map((c) => cleanCellText(c)) : [];
  const mapped = applyColumnMapping(headings, recogniseHeaderRow(headings) ?? [], options.mapping ?? {});
  const fields = mapped.fields;
  const preamble = readPreamble(document.blocks.slice(0, headerIndex), fallbackTitle);
  const assembler = new RowAssembler({ fields, headings }, document.blocks.slice(headerIndex + 1));
  document.blocks.slice(headerIndex + 1).forEach((block) => { assembler.add(block); });
  const assembled = assembler.result();
  const warnings = [...unmappedHeadingWarnings(headings.filter((heading) => options.mapping?.[heading] !== 'other'), headings, fields, headerBlock?.line ?? null), ...unknownHeadingWarnings(mapped.unknown), ...assembled.warnings];
  const recommendations = buildRecommendations(assembled.recommendations, preamble.ragKey, warnings);
  const organisations = unique([...preamble.organisations, ...recommendations.map((r) => r.organisation)]);
  const forums = unique([...preamble.forums, ...recommendations.flatMap((r) => r.actions.map((a) => a.reportedTo))]);
  return PlanDraftSchema.parse({
    plan: { ...preamble, organisations, forums, columns: headings.map((heading, i) => ({ heading, field: fields[i] ?? null })), statements: [...preamble.statements, ...assembled.loose], status: 'active' },
    recommendations,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    discarded: assembled.discarded,
  });
}

function withoutTable(blocks: readonly SourceBlock[], fallbackTitle: string): PlanDraft {
  const preamble = readPreamble(blocks, fallbackTitle);
  return PlanDraftSchema.parse({
    plan: { ...preamble, status: 'draft' },
    recommendations: [],
    warnings: [{ line: null, code: 'no-header', message: 'No table header was recognised (expected headings such as Recommendation, Action, Lead, Due date). The text is kept as the plan\'s statements.' }],
    discarded: [],
  });
}

function unknownHeadingWarnings(headings: readonly string[]): PlanDraft['warnings'] {
  return headings.map((heading) => ({ line: null, code: 'unmapped-column' as const, message: `The column mapping names "${heading}", which is not a heading of this table; it was ignored.` }));
}

/** Headings nobody recognised (a person who chose "other" for one has seen it: no warning). */
function unmappedHeadingWarnings(unexplained: readonly string[], headings: readonly string[], fields: readonly unknown[], line: number | null): PlanDraft['warnings'] {
  return headings.flatMap((heading, i) =>
    heading !== '' && fields[i] === null && unexplained.includes(heading)
      ? [{ line, code: 'unmapped-column' as const, message: `The column "${heading}" was not recognised; its cells are kept on each action under that heading.` }]
      : [],
  );
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = value?.trim().toLowerCase();
    if (value && key && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen.values()];
}
