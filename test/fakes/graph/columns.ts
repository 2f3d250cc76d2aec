/** Column definitions as Graph describes them, their validation, and their JSON. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from './errors.js';

export type ColumnKind = 'text' | 'number' | 'boolean' | 'dateTime' | 'choice';

export interface Column {
  id: string;
  name: string;
  displayName: string;
  description: string;
  kind: ColumnKind;
  /** The facet object returned under the `kind` key, e.g. `text: { allowMultipleLines, maxLength }`. */
  facet: Record<string, unknown>;
  indexed: boolean;
  required: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  readOnly: boolean;
  /** Created with the list (Title, ID, Created, Modified): cannot be written by items or re-created. */
  builtIn: boolean;
}

export const MAX_INDEXED_COLUMNS = 20;
const KINDS: readonly ColumnKind[] = ['text', 'number', 'boolean', 'dateTime', 'choice'];
const UNSUPPORTED_FACETS = ['personOrGroup', 'lookup', 'hyperlinkOrPicture', 'currency', 'calculated', 'geolocation', 'term', 'thumbnail', 'contentApprovalStatus'];

const facetSchemas = {
  text: z.looseObject({ allowMultipleLines: z.boolean().optional(), maxLength: z.number().int().optional(), textType: z.string().optional(), linesForEditing: z.number().int().optional(), appendChangesToExistingText: z.boolean().optional() }),
  number: z.looseObject({ minimum: z.number().optional(), maximum: z.number().optional(), decimalPlaces: z.string().optional(), displayAs: z.string().optional() }),
  boolean: z.looseObject({}),
  dateTime: z.looseObject({ format: z.enum(['dateOnly', 'dateTime']).optional(), displayAs: z.string().optional() }),
  choice: z.looseObject({ choices: z.array(z.string()).optional(), allowTextEntry: z.boolean().optional(), displayAs: z.string().optional() }),
};

const columnInput = z.looseObject({
  name: z.string().optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  indexed: z.boolean().optional(),
  required: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
  text: facetSchemas.text.optional(),
  number: facetSchemas.number.optional(),
  boolean: facetSchemas.boolean.optional(),
  dateTime: facetSchemas.dateTime.optional(),
  choice: facetSchemas.choice.optional(),
});
type ColumnInput = z.infer<typeof columnInput>;

function parseInput(body: unknown): ColumnInput {
  const parsed = columnInput.safeParse(body);
  if (!parsed.success) throw badRequest(`Invalid column definition: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const unsupported = UNSUPPORTED_FACETS.find((facet) => facet in parsed.data);
  if (unsupported !== undefined) throw badRequest(`Column type '${unsupported}' is not modelled by the Graph fake.`, 'notSupported');
  return parsed.data;
}

function defaultFacet(kind: ColumnKind, given: Record<string, unknown>): Record<string, unknown> {
  switch (kind) {
    case 'text': {
      const multi = given.allowMultipleLines === true;
      return { allowMultipleLines: multi, appendChangesToExistingText: false, linesForEditing: multi ? 6 : 0, maxLength: 255, ...(multi ? { textType: 'plain' } : {}), ...given };
    }
    case 'number': return { decimalPlaces: 'automatic', displayAs: 'number', ...given };
    case 'boolean': return { ...given };
    case 'dateTime': return { displayAs: 'default', format: 'dateTime', ...given };
    case 'choice': return { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu', ...given };
  }
}

function kindOf(input: ColumnInput): ColumnKind {
  const kinds = KINDS.filter((kind) => input[kind] !== undefined);
  if (kinds.length !== 1) throw badRequest(kinds.length === 0 ? 'A column needs exactly one type facet (text, number, boolean, dateTime or choice).' : `A column cannot have several type facets (${kinds.join(', ')}).`);
  return kinds[0] ?? 'text';
}

/** A new column from a POST body (or an entry of `columns` when creating a list). */
export function columnFromInput(body: unknown): Column {
  const input = parseInput(body);
  const name = input.name ?? '';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) throw badRequest(`Invalid column name '${name}': use letters, digits and underscores, starting with a letter (the fake does not encode other characters).`);
  const kind = kindOf(input);
  const column: Column = {
    id: randomUUID(),
    name,
    displayName: input.displayName ?? name,
    description: input.description ?? '',
    kind,
    facet: defaultFacet(kind, input[kind] ?? {}),
    indexed: input.indexed ?? false,
    required: input.required ?? false,
    enforceUniqueValues: input.enforceUniqueValues ?? false,
    hidden: input.hidden ?? false,
    readOnly: false,
    builtIn: false,
  };
  checkColumnShape(column);
  return column;
}

/** Applies a PATCH body to a copy of the column; the type cannot change. */
export function patchedColumn(column: Column, body: unknown): Column {
  const input = parseInput(body);
  const otherKind = KINDS.find((kind) => kind !== column.kind && input[kind] !== undefined);
  if (otherKind !== undefined) throw badRequest(`The type of column '${column.name}' cannot be changed to ${otherKind}.`);
  if (input.name !== undefined && input.name !== column.name) throw badRequest('A column\'s internal name cannot be changed.');
  const next: Column = {
    ...column,
    displayName: input.displayName ?? column.displayName,
    description: input.description ?? column.description,
    indexed: input.indexed ?? column.indexed,
    required: input.required ?? column.required,
    enforceUniqueValues: input.enforceUniqueValues ?? column.enforceUniqueValues,
    hidden: input.hidden ?? column.hidden,
    facet: { ...column.facet, ...(input[column.kind] ?? {}) },
  };
  if (column.readOnly && (next.required !== column.required || next.enforceUniqueValues !== column.enforceUniqueValues)) throw badRequest(`Column '${column.name}' is read-only.`);
  checkColumnShape(next);
  return next;
}

export function isMultiLine(column: Column): boolean {
  return column.kind === 'text' && column.facet.allowMultipleLines === true;
}

export function isDateOnly(column: Column): boolean {
  return column.kind === 'dateTime' && column.facet.format === 'dateOnly';
}

function checkColumnShape(column: Column): void {
  if (column.enforceUniqueValues && !column.indexed) throw badRequest(`Column '${column.name}': enforceUniqueValues requires the column to be indexed.`);
  if (column.indexed && isMultiLine(column)) throw badRequest(`Column '${column.name}': a multiple lines of text column cannot be indexed.`);
  const maxLength = column.facet.maxLength;
  if (column.kind === 'text' && !isMultiLine(column) && (typeof maxLength !== 'number' || maxLength < 1 || maxLength > 255)) throw badRequest(`Column '${column.name}': maxLength must be between 1 and 255.`);
  if (column.kind === 'choice' && !Array.isArray(column.facet.choices)) throw badRequest(`Column '${column.name}': choices must be a list.`);
}

function builtIn(name: string, kind: ColumnKind, facet: Record<string, unknown>, flags: Partial<Column>): Column {
  return { id: randomUUID(), name, displayName: name, description: '', kind, facet, indexed: false, required: false, enforceUniqueValues: false, hidden: false, readOnly: true, builtIn: true, ...flags };
}

/** What every generic list starts with: Title (writable) and the system columns ID, Created and Modified. */
export function builtInColumns(): Column[] {
  return [
    builtIn('Title', 'text', defaultFacet('text', {}), { readOnly: false }),
    builtIn('ID', 'number', defaultFacet('number', { decimalPlaces: 'none' }), { indexed: true }),
    builtIn('Created', 'dateTime', defaultFacet('dateTime', {}), { indexed: true }),
    builtIn('Modified', 'dateTime', defaultFacet('dateTime', {}), { indexed: true }),
  ];
}

export function columnJson(column: Column): Record<string, unknown> {
  return {
    columnGroup: column.builtIn && column.readOnly ? '_Hidden' : 'Custom Columns',
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
    [column.kind]: column.facet,
  };
}
