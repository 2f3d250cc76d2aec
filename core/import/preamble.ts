import { parseFuzzyDate } from '../dates/parse-fuzzy-date.js';
import type { PlanDetail, PlanFields, RagKeyEntry } from '../model/index.js';
import { normaliseStatus } from '../status/normalise-status.js';
import { cleanCellText, oneLine } from './clean-text.js';
import type { SourceBlock } from './source.js';

/** What the text above a plan's table says about the plan. */
export type Preamble = Pick<PlanFields, 'title' | 'references' | 'sourceReport' | 'published' | 'owner' | 'statements' | 'ragKey' | 'lastUpdated' | 'details' | 'organisations' | 'forums'>;

const REFERENCE_PATTERNS: readonly RegExp[] = [
  /\bSTEIS\b(?:\s+(?:ref(?:erence)?|no\.?|number))?\s*:?\s*\d{4}[/ ]\d{1,6}\b/gi,
  /\bSI\s+\d{4}\/\d{2,4}\s+\d{1,4}\b/g,
  /\b(?:Datix|DCIQ|LfPSE|PSII|Ulysses)\s*(?:ref(?:erence)?|no\.?|id)?\s*:?\s*[A-Z0-9][A-Z0-9/-]{2,}/gi,
];

type LabelKind = 'references' | 'owner' | 'lastUpdated' | 'published' | 'organisations' | 'forums';
const LABELS: readonly (readonly [LabelKind, RegExp])[] = [
  ['lastUpdated', /updated|as at|progress at|date of update|review date/i],
  ['published', /published|report date|date of report/i],
  ['references', /incident|steis|reference|\bref\b|datix|identifier/i],
  ['owner', /lead|owner|accountable|director|responsible/i],
  ['organisations', /organisation|organization|\btrust\b|provider/i],
  ['forums', /reported to|governance|committee|forum|oversight/i],
];

/** Reads the lines above the table. Every line lands somewhere: a field, a detail or a statement. */
export function readPreamble(blocks: readonly SourceBlock[], fallbackTitle: string): Preamble {
  const result: Preamble = {
    title: '', references: [], sourceReport: null, published: null, owner: null,
    statements: [], ragKey: [], lastUpdated: null, details: [], organisations: [], forums: [],
  };
  let inRagKey = false;
  for (const parts of blocks.map(partsOf).filter((p) => p.length > 0)) {
    const text = parts.join(' ');
    for (const ref of findReferences(text)) addUnique(result.references, ref);
    const ragEntry = inRagKey ? ragKeyEntry(parts) : null;
    if (ragEntry) {
      result.ragKey.push(ragEntry);
      continue;
    }
    inRagKey = /\brag\b.*\bkey\b|\bkey\b.*\brag\b/i.test(text);
    if (inRagKey) {
      result.details.push({ label: text, value: '' });
      continue;
    }
    const pair = labelled(parts);
    if (pair) applyLabelled(result, pair);
    else readLine(result, text);
  }
  chooseTitle(result, fallbackTitle);
  return result;
}

function partsOf(block: SourceBlock): string[] {
  const raw = block.kind === 'row' ? block.cells : block.text.split('\t');
  return raw.map((part) => cleanCellText(part)).filter((part) => part !== '');
}

function findReferences(text: string): string[] {
  return REFERENCE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => oneLine(m[0])));
}

function addUnique(list: string[], value: string): void {
  if (!list.some((item) => item.toLowerCase() === value.toLowerCase())) list.push(value);
}

function ragKeyEntry(parts: readonly string[]): RagKeyEntry | null {
  const [label, meaning] = parts;
  if (label === undefined || meaning === undefined || parts.length !== 2) return null;
  const rag = normaliseStatus(label).rag;
  if (rag === null || label.length > 12) return null;
  return { rag, meaning, status: normaliseStatus(meaning).status };
}

function labelled(parts: readonly string[]): PlanDetail | null {
  const [first, ...rest] = parts;
  if (first === undefined) return null;
  if (rest.length > 0 && first.length <= 60) return { label: first, value: rest.join('\n') };
  const colon = /^([^:\n]{2,40}):\s*(\S[\s\S]*)$/.exec(first);
  return colon?.[1] !== undefined && colon[2] !== undefined ? { label: colon[1].trim(), value: colon[2].trim() } : null;
}

/** Every labelled line is kept as written in `details`; the ones we understand also fill a field. */
function applyLabelled(result: Preamble, pair: PlanDetail): void {
  result.details.push(pair);
  const kind = LABELS.find(([, pattern]) => pattern.test(pair.label))?.[0];
  switch (kind) {
    case 'references':
      if (findReferences(`${pair.label} ${pair.value}`).length === 0) addUnique(result.references, pair.value);
      return;
    case 'owner':
      result.owner = result.owner === null ? pair.value : `${result.owner}\n${pair.value}`;
      return;
    case 'lastUpdated':
      result.lastUpdated = parseFuzzyDate(pair.value);
      return;
    case 'published':
      result.published = parseFuzzyDate(pair.value);
      return;
    case 'organisations':
      addUnique(result.organisations, pair.value);
      return;
    case 'forums':
      addUnique(result.forums, pair.value);
      return;
  }
}

/** Lines that are neither labelled nor references: the title and the plan's statements. */
function readLine(result: Preamble, text: string): void {
  const withoutRefs = findReferences(text).reduce((rest, ref) => rest.replace(ref, ''), text).trim();
  if (withoutRefs !== '') result.statements.push(text);
}

/**
 * The title is the first short line that is not a sentence ("Mental Health Homicide Review
 * action plan- July 2019"), else the first short line; statements are the rest.
 */
function chooseTitle(result: Preamble, fallbackTitle: string): void {
  const short = result.statements.filter((line) => line.length <= 200);
  const title = short.find((line) => !/[.!?]$/.test(line.trim())) ?? short[0];
  if (title === undefined) {
    result.title = fallbackTitle;
    return;
  }
  result.statements.splice(result.statements.indexOf(title), 1);
  result.title = oneLine(title);
  readTitle(result, title);
}

/** Titles often say what they answer and when: "… IN RESPONSE TO INDEPENDENT HASCAS REVIEW PROGRESS AS AT 28th JANUARY 2014". */
function readTitle(result: Preamble, title: string): void {
  const asAt = /\b(?:progress\s+)?as at\s+(.+)$/i.exec(title);
  if (asAt?.[1] !== undefined && result.lastUpdated === null) result.lastUpdated = parseFuzzyDate(asAt[1]);
  const source = /\b(?:arising from|in response to|following)\s+(?:the\s+)?(.+?)(?:\s+(?:progress\s+)?as at\b.*)?$/i.exec(title);
  if (source?.[1] !== undefined) result.sourceReport = oneLine(source[1]);
}
