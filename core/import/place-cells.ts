import {
  endsSentence,
  hasRoleNoun,
  isFragmentStart,
  isNumberToken,
  isRefToken,
  leadingNumber,
  looksLikeDate,
  looksLikeStatus,
} from './cell-kinds.js';
import type { Field } from './fields.js';

/** What the assembler knows when it places a loose row. */
export interface PlacementContext {
  /** The text each field holds so far in the current recommendation/action. */
  current: Partial<Record<Field, string>>;
  /** The number a new recommendation would have next. */
  nextRecommendation: number | null;
  /** Recommendations carry their number inside their text (seed 003). */
  numbersInText: boolean;
  /** The current action's ref, to recognise the next in sequence. */
  lastRef: string | null;
}

/**
 * Text extracted from a document loses empty cells, doubles others, and sometimes gives an
 * action's label a cell of its own (seed 003: "3." before the action). This places each cell
 * of a loose row into a column, keeping their order, so that dates land in date columns,
 * labels in the label slot, and fragments continue the text they break off from.
 *
 * `columns` are the header's fields (null for a column we do not map). When the plan has an
 * action column but no ref column, a virtual ref slot sits before the action column.
 * Returns the field for each cell (null: an empty cell dropped, or an unmapped column), or
 * null when the row has more non-empty cells than columns.
 */
export function placeCells(cells: readonly string[], columns: readonly (Field | null)[], context: PlacementContext): (Field | null)[] | null {
  const slots = withRefSlot(columns);
  if (cells.length === columns.length) return [...columns];
  const table = fill(cells, slots, context);
  return table[cells.length]?.[slots.length] === undefined || !Number.isFinite(table[cells.length]?.[slots.length]?.score ?? -Infinity)
    ? null
    : backtrack(table, cells.length, slots.length);
}

function withRefSlot(columns: readonly (Field | null)[]): (Field | null)[] {
  const action = columns.indexOf('action');
  if (action === -1 || columns.includes('ref')) return [...columns];
  return [...columns.slice(0, action), 'ref', ...columns.slice(action)];
}

interface Cell {
  score: number;
  /** How this entry was reached: a cell placed in the slot before, a slot skipped, a cell dropped. */
  move: 'place' | 'skip' | 'drop' | 'start';
  field: Field | null;
}

const DROP_EMPTY = -0.05;

function fill(cells: readonly string[], slots: readonly (Field | null)[], context: PlacementContext): Cell[][] {
  const table: Cell[][] = cells.map(() => []);
  table.push([]);
  const at = (i: number, j: number): Cell => table[i]?.[j] ?? { score: -Infinity, move: 'start', field: null };
  for (let i = 0; i <= cells.length; i++) {
    for (let j = 0; j <= slots.length; j++) {
      const row = table[i];
      if (!row) continue;
      if (i === 0 && j === 0) {
        row[0] = { score: 0, move: 'start', field: null };
        continue;
      }
      const options: Cell[] = [];
      if (j > 0) options.push({ score: at(i, j - 1).score, move: 'skip', field: null });
      const text = cells[i - 1];
      if (i > 0 && j > 0 && text !== undefined) {
        const field = slots[j - 1] ?? null;
        options.push({ score: at(i - 1, j - 1).score + affinity(text.trim(), field, context), move: 'place', field });
      }
      if (i > 0 && text?.trim() === '') options.push({ score: at(i - 1, j).score + DROP_EMPTY, move: 'drop', field: null });
      row[j] = options.reduce((best, option) => (option.score > best.score ? option : best), { score: -Infinity, move: 'start', field: null });
    }
  }
  return table;
}

function backtrack(table: Cell[][], cellCount: number, slotCount: number): (Field | null)[] {
  const fields: (Field | null)[] = new Array<Field | null>(cellCount).fill(null);
  let i = cellCount;
  let j = slotCount;
  while (i > 0 || j > 0) {
    const entry = table[i]?.[j];
    if (!entry || entry.move === 'start') break;
    if (entry.move === 'skip') j--;
    else if (entry.move === 'drop') i--;
    else {
      fields[i - 1] = entry.field;
      i--;
      j--;
    }
  }
  return fields;
}

/** How well a cell's text fits a column. Higher is better; -Infinity never happens for text. */
export function affinity(text: string, field: Field | null, context: PlacementContext): number {
  if (text === '') return 0.01;
  if (field === null) return -0.5;
  return kindScore(text, field) + continuityScore(text, field, context) + sequenceScore(text, field, context);
}

function kindScore(text: string, field: Field): number {
  switch (field) {
    case 'number':
      return isNumberToken(text) ? 3 : -5;
    case 'ref':
      return isRefToken(text) ? 3 : -8;
    case 'due':
    case 'completed':
      return looksLikeDate(text) ? 2 : -1.5;
    case 'status':
      return looksLikeStatus(text) ? 2 : -1;
    case 'lead':
      return leadScore(text);
    default:
      return 0.3 - (isRefToken(text) || isNumberToken(text) ? 3 : 0);
  }
}

/** Leads are short role names ("Deputy Medical Director"), not sentences. */
function leadScore(text: string): number {
  const words = text.split(/\s+/).length;
  if (words > 30) return -2;
  if (!hasRoleNoun(text)) return -0.2;
  return words <= 15 && !/\.$/.test(text) ? 1.5 : 0.3;
}

/** A fragment in lower case belongs where the text so far stops mid-sentence. */
function continuityScore(text: string, field: Field, context: PlacementContext): number {
  if (!isFragmentStart(text)) return 0;
  const previous = context.current[field];
  if (previous === undefined || previous === '') return -1;
  return endsSentence(previous) ? 0 : 2;
}

/** Numbers continue sequences: recommendation 3 follows 2; action "2." follows "1.". */
function sequenceScore(text: string, field: Field, context: PlacementContext): number {
  const number = leadingNumber(text);
  if (field === 'recommendation') {
    if (number !== null) return number === context.nextRecommendation ? 2 : -2;
    return context.numbersInText && !isFragmentStart(text) ? -0.5 : 0;
  }
  if (field === 'action' && number !== null && context.lastRef !== null) {
    return number === Number.parseInt(context.lastRef, 10) + 1 ? 1.5 : 0;
  }
  return 0;
}
