import type { ImportWarning } from '../model/index.js';
import { cleanCellText, isRuling, joinContinuation } from './clean-text.js';
import { isFragmentStart, leadingNumber } from './cell-kinds.js';
import { ACTION_IDENTITY_FIELDS, type Field, RECOMMENDATION_FIELDS } from './fields.js';
import { placeCells } from './place-cells.js';
import type { FieldTexts, RawAction, RawRecommendation } from './raw-plan.js';
import type { SourceBlock, SourceRow } from './source.js';

export interface Header {
  fields: (Field | null)[];
  headings: string[];
}

export interface Assembled {
  recommendations: RawRecommendation[];
  warnings: ImportWarning[];
  discarded: { line: number | null; text: string; reason: string }[];
  /** Text after the header that belongs to no row (before the first one). */
  loose: string[];
}

/** Where text with no column of its own goes: the field that took the most text last time. */
interface Overflow {
  target: 'action' | 'recommendation';
  field: Field;
}

const LONG_ORPHAN = 300;

/**
 * Turns the rows under a header into recommendations and actions. A row starts a new
 * recommendation when it carries a new number; it starts a new action when it has action text
 * and something that only a new action would have (a lead, a date, a label); anything else
 * continues the row above, as text broken across a page does.
 */
export class RowAssembler {
  private readonly recs: RawRecommendation[] = [];
  private readonly warnings: ImportWarning[] = [];
  private readonly discarded: Assembled['discarded'] = [];
  private readonly loose: string[] = [];
  private overflow: Overflow | null = null;
  private numbersInText = false;
  private readonly furniture: Set<string>;
  /** The headings as a repeated header row would show them, cleaned once. */
  private readonly headingSet: ReadonlySet<string>;

  constructor(
    private readonly header: Header,
    body: readonly SourceBlock[],
  ) {
    this.furniture = repeatedShortParagraphs(body);
    this.headingSet = new Set(header.headings.map((h) => cleanCellText(h).toLowerCase()));
  }

  private get hasNumberColumn(): boolean {
    return this.header.fields.includes('number');
  }

  private get hasActionColumn(): boolean {
    return this.header.fields.includes('action');
  }

  add(block: SourceBlock): void {
    if (block.kind === 'paragraph') this.orphan(cleanCellText(block.text), block.line);
    else this.row(block);
  }

  result(): Assembled {
    return { recommendations: this.recs, warnings: this.warnings, discarded: this.discarded, loose: this.loose };
  }

  private row(row: SourceRow): void {
    const cells = row.cells.map((cell) => cleanCellText(cell));
    const filled = cells.filter((cell) => cell !== '');
    if (filled.length === 0) return;
    if (filled.every(isRuling)) {
      this.discard(row.line, filled.join(' '), 'table ruling');
    } else if (this.isHeaderRepeat(cells)) {
      this.discard(row.line, filled.join(' | '), 'repeated header row');
    } else if (row.fidelity === 'loose' && filled.length === 1 && filled[0] !== undefined && !this.opensRecommendation(filled[0])) {
      this.orphan(filled[0], row.line);
    } else {
      const fields = row.fidelity === 'exact' ? this.exactFields(cells, row.line) : placeCells(cells, this.header.fields, this.context());
      if (fields === null) this.unparsed(filled.join(' | '), row.line);
      else this.apply(cells, fields, row);
    }
  }

  private opensRecommendation(text: string): boolean {
    return leadingNumber(text) !== null && leadingNumber(text) === this.nextNumber();
  }

  private isHeaderRepeat(cells: readonly string[]): boolean {
    const filled = cells.filter((c) => c !== '');
    return filled.length >= 2 && filled.every((cell) => this.headingSet.has(cell.toLowerCase()));
  }

  private exactFields(cells: readonly string[], line: number): (Field | null)[] {
    const extra = cells.slice(this.header.fields.length).filter((c) => c !== '');
    if (extra.length > 0) {
      this.warn(line, 'extra-cells', `Row ${line} has ${extra.length} cell(s) beyond the header; they are kept as extra columns.`, extra.join(' '));
    }
    return cells.map((_, i) => this.header.fields[i] ?? null);
  }

  private context(): Parameters<typeof placeCells>[2] {
    const rec = this.recs.at(-1);
    const action = rec?.actions.at(-1);
    return {
      current: { ...rec?.values, ...action?.values },
      nextRecommendation: this.nextNumber(),
      numbersInText: this.numbersInText,
      lastRef: action?.values.ref ?? null,
    };
  }

  private nextNumber(): number | null {
    const numbers = this.recs.map((r) => Number.parseInt(r.number ?? '', 10)).filter(Number.isFinite);
    const last = numbers.at(-1);
    return last === undefined ? 1 : last + 1;
  }

  private apply(cells: readonly string[], fields: readonly (Field | null)[], row: SourceRow): void {
    const values: FieldTexts = {};
    const other: RawAction['other'] = [];
    cells.forEach((cell, i) => {
      const field = fields[i] ?? null;
      if (cell === '') return;
      if (field === null) other.push({ label: this.header.headings[i] ?? `Column ${i + 1}`, value: cell });
      else values[field] = values[field] === undefined ? cell : `${values[field]}\n${cell}`;
    });
    const startsRec = this.startRecommendationIfNew(values, row);
    this.applyAction(values, other, row, startsRec);
    this.overflow = longestField(values);
  }

  /** Returns true when the row opened a new recommendation; otherwise its text continues the current one. */
  private startRecommendationIfNew(values: FieldTexts, row: SourceRow): boolean {
    const current = this.recs.at(-1);
    const { number, text } = this.recommendationNumber(values);
    const isNew =
      current === undefined ||
      (number !== null ? number !== current.number : row.fidelity === 'exact' && text !== '' && text !== current.values.recommendation && !isFragmentStart(text));
    if (!isNew) {
      for (const field of RECOMMENDATION_FIELDS) {
        const value = field === 'recommendation' ? text : values[field];
        if (field !== 'number' && value !== undefined && value !== '') current.values[field] = joinContinuation(current.values[field] ?? '', value);
      }
      return false;
    }
    const recValues: FieldTexts = { organisation: values.organisation, finding: values.finding, recommendation: text };
    this.recs.push({ number, values: dropEmpty(recValues), line: row.line, flags: [], actions: [] });
    return true;
  }

  /** The number from the number column, else from the start of the recommendation's text (seed 003). */
  private recommendationNumber(values: FieldTexts): { number: string | null; text: string } {
    const text = values.recommendation ?? '';
    if (this.hasNumberColumn) {
      const raw = values.number?.replace(/[.)]$/, '').trim();
      return { number: raw === undefined || raw === '' ? null : raw, text };
    }
    const leading = leadingNumber(text);
    if (leading === null) return { number: null, text };
    this.numbersInText = true;
    return { number: String(leading), text: text.replace(/^\d{1,3}\s*[.)]\s*/, '') };
  }

  private applyAction(values: FieldTexts, other: RawAction['other'], row: SourceRow, startsRec: boolean): void {
    const rec = this.recs.at(-1);
    if (!rec) return;
    const actionValues = pickActionFields(values);
    const last = rec.actions.at(-1);
    const text = values.action ?? '';
    const identity = [...ACTION_IDENTITY_FIELDS].some((field) => (values[field] ?? '') !== '');
    const isNew = this.hasActionColumn
      ? startsRec || last === undefined || (text !== '' && (row.fidelity === 'exact' || identity))
      : startsRec || last === undefined;
    if (isNew || last === undefined) {
      if (Object.keys(actionValues).length > 0 || other.length > 0 || !this.hasActionColumn) {
        rec.actions.push({ values: actionValues, other, line: row.line, flags: [] });
      }
      return;
    }
    appendValues(last.values, actionValues);
    last.other.push(...other);
  }

  /** A paragraph inside the table: overflow of the row above, page furniture, or a row whose columns were lost. */
  private orphan(text: string, line: number): void {
    if (text === '') return;
    if (isRuling(text)) this.discard(line, text, 'table ruling');
    else if (this.furniture.has(text)) this.discard(line, text, 'repeated page header or footer');
    else if (text.length >= LONG_ORPHAN) this.unparsed(text, line);
    else if (!this.appendOverflow(text)) this.loose.push(text);
  }

  private appendOverflow(text: string): boolean {
    const rec = this.recs.at(-1);
    if (!rec || !this.overflow) return false;
    const { target, field } = this.overflow;
    const holder = target === 'recommendation' ? rec.values : rec.actions.at(-1)?.values;
    if (!holder) return false;
    holder[field] = joinContinuation(holder[field] ?? '', text);
    return true;
  }

  /**
   * A row whose columns cannot be told apart (seed 003's recommendation 4 has them
   * interleaved word by word). If it carries the next recommendation's number it becomes that
   * recommendation, whole, flagged; otherwise it joins the row above. Either way a warning
   * points at it.
   */
  private unparsed(text: string, line: number): void {
    const expected = this.nextNumber();
    const opens = expected !== null && new RegExp(`(^|\\s)${expected}\\s*\\.\\s*\\S`).test(text);
    if (opens) {
      const action: RawAction = { values: { action: text }, other: [], line, flags: ['unparsed'] };
      this.recs.push({ number: String(expected), values: {}, line, flags: ['unparsed'], actions: [action] });
      this.overflow = { target: 'action', field: 'action' };
      this.warn(line, 'unparsed-row', `Line ${line}: the columns of recommendation ${expected} could not be separated; its text is kept whole on one action for someone to sort out.`, text);
      return;
    }
    if (this.appendOverflow(text)) {
      this.warn(line, 'misaligned-cells', `Line ${line}: text with no column breaks was added to the row above; check where it belongs.`, text);
      return;
    }
    this.loose.push(text);
    this.warn(line, 'unparsed-row', `Line ${line}: text inside the table that belongs to no row was kept in the plan's statements.`, text);
  }

  private discard(line: number, text: string, reason: string): void {
    this.discarded.push({ line, text, reason });
  }

  private warn(line: number, code: ImportWarning['code'], message: string, excerpt?: string): void {
    this.warnings.push({ line, code, message, ...(excerpt === undefined ? {} : { excerpt: excerpt.slice(0, 120) }) });
  }
}

function pickActionFields(values: FieldTexts): FieldTexts {
  return Object.fromEntries(Object.entries(values).filter(([field]) => !RECOMMENDATION_FIELDS.has(field as Field)));
}

function appendValues(target: FieldTexts, values: FieldTexts): void {
  for (const [field, value] of Object.entries(values) as [Field, string][]) {
    target[field] = joinContinuation(target[field] ?? '', value);
  }
}

function dropEmpty(values: FieldTexts): FieldTexts {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

function longestField(values: FieldTexts): Overflow | null {
  const entries = (Object.entries(values) as [Field, string][]).filter(([field]) => field !== 'number');
  const longest = entries.reduce<[Field, string] | null>((best, entry) => (best === null || entry[1].length > best[1].length ? entry : best), null);
  if (longest === null) return null;
  return { target: RECOMMENDATION_FIELDS.has(longest[0]) ? 'recommendation' : 'action', field: longest[0] };
}

/**
 * Short lines that recur inside the table and stand alone between blank lines ("NHS" at the
 * top of every page) are page furniture. A short line inside running text is not.
 */
function repeatedShortParagraphs(blocks: readonly SourceBlock[]): Set<string> {
  const occupied = new Set(blocks.map((block) => block.line));
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || occupied.has(block.line - 1) || occupied.has(block.line + 1)) continue;
    const text = cleanCellText(block.text);
    if (text !== '' && text.length <= 40) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([text]) => text));
}
