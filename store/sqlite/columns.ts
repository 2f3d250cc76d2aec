import { readJson, writeJson, type Row } from './validate.js';

/** Where one model field lives: a plain column, or a JSON text column for nested values. */
export interface ColumnSpec {
  readonly column: string;
  readonly json: boolean;
}

/**
 * One entry per field of the model type. Because every key is required, a field added to the
 * model fails to compile here until it is given a column (and a migration adds that column).
 */
export type ColumnMap<T> = { readonly [K in keyof T]-?: ColumnSpec };

export const plain = (column: string): ColumnSpec => ({ column, json: false });
export const json = (column: string): ColumnSpec => ({ column, json: true });

function specs(map: Readonly<Record<string, ColumnSpec>>): [string, ColumnSpec][] {
  return Object.entries(map);
}

/** The values to bind, keyed by column name; absent optional values are stored as NULL. */
export function toColumns(map: Readonly<Record<string, ColumnSpec>>, value: object): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(specs(map).map(([field, spec]) => [spec.column, spec.json ? writeJson(source[field]) : (source[field] ?? null)]));
}

/** The model-shaped object read from a row, still unvalidated; JSON columns parsed. */
export function fromColumns(map: Readonly<Record<string, ColumnSpec>>, row: Row, where: string): Record<string, unknown> {
  return Object.fromEntries(specs(map).map(([field, spec]) => [field, spec.json ? readJson(row[spec.column], spec.column, where) : row[spec.column]]));
}

export function columnList(map: Readonly<Record<string, ColumnSpec>>): string {
  return specs(map)
    .map(([, spec]) => spec.column)
    .join(', ');
}

export function placeholderList(map: Readonly<Record<string, ColumnSpec>>): string {
  return specs(map)
    .map(([, spec]) => `@${spec.column}`)
    .join(', ');
}

export function assignmentList(map: Readonly<Record<string, ColumnSpec>>): string {
  return specs(map)
    .map(([, spec]) => `${spec.column} = @${spec.column}`)
    .join(', ');
}
