/**
 * One SharePoint list in memory: its columns, its items, an index per indexed column (used for
 * unique values and equality filters) and the change log that delta queries read.
 * Every write is O(columns written), never O(items).
 */
import { randomUUID } from 'node:crypto';
import { builtInColumns, type Column, MAX_INDEXED_COLUMNS } from './columns.js';
import { badRequest, conflict, GraphFakeError } from './errors.js';
import { formatETag } from './etags.js';
import { coerceFieldValue, type FieldValue, indexKey } from './field-values.js';

export interface StoredItem {
  id: number;
  guid: string;
  version: number;
  createdMs: number;
  modifiedMs: number;
  /** The list's change sequence number of this item's last write. */
  seq: number;
  values: Map<string, FieldValue>;
}

export interface ChangeEntry {
  seq: number;
  id: number;
  deleted: boolean;
}

/** Names SharePoint reserves on every list item; a new column may not take them. */
const RESERVED = ['id', 'ContentType', 'Author', 'Editor', 'Attachments', 'Edit', 'LinkTitle', 'LinkTitleNoMenu', 'ItemChildCount', 'FolderChildCount', '_UIVersionString', 'AuthorLookupId', 'EditorLookupId'];

export function itemETag(item: StoredItem): string {
  return formatETag(item.guid, item.version);
}

export class ListData {
  readonly id = randomUUID();
  readonly createdMs = Date.now();
  modifiedMs = this.createdMs;
  readonly columns: Column[] = builtInColumns();
  readonly items = new Map<number, StoredItem>();
  /** Every id ever used, ascending (ids are never reused); deleted ones are skipped when read. */
  readonly idOrder: number[] = [];
  readonly changes: ChangeEntry[] = [];
  seq = 0;
  private nextId = 1;
  private readonly indexes = new Map<string, Map<string, Set<number>>>();

  /** The URL segment SharePoint derives from the first title; renaming the list does not change it. */
  readonly name: string;

  constructor(
    public displayName: string,
    public description: string,
    readonly template: string,
  ) {
    this.name = displayName.replace(/[^A-Za-z0-9]/g, '') || 'List';
  }

  column(name: string): Column | undefined {
    return this.columns.find((column) => column.name === name);
  }

  columnByIdOrName(key: string): Column | undefined {
    return this.columns.find((column) => column.id === key.toLowerCase() || column.name === key);
  }

  addColumn(column: Column): void {
    const clash = [...RESERVED, ...this.columns.map((c) => c.name)].find((name) => name.toLowerCase() === column.name.toLowerCase());
    if (clash !== undefined) throw conflict(`A column named '${column.name}' already exists in this list.`);
    this.checkIndexBudget([...this.columns, column]);
    this.columns.push(column);
    if (column.indexed) this.buildIndex(column);
    this.touch();
  }

  replaceColumn(next: Column): void {
    const at = this.columns.findIndex((column) => column.id === next.id);
    const before = this.columns[at];
    if (before === undefined) throw new GraphFakeError(404, 'itemNotFound', 'The column does not exist.');
    const columns = this.columns.map((column) => (column.id === next.id ? next : column));
    this.checkIndexBudget(columns);
    if (next.indexed && !before.indexed) this.buildIndex(next);
    if (next.enforceUniqueValues && !before.enforceUniqueValues) this.assertNoDuplicates(next);
    if (!next.indexed) this.indexes.delete(next.name);
    this.columns[at] = next;
    this.touch();
  }

  private checkIndexBudget(columns: Column[]): void {
    const indexed = columns.filter((column) => column.indexed && column.name !== 'ID').length;
    if (indexed > MAX_INDEXED_COLUMNS) throw badRequest(`A list can have at most ${MAX_INDEXED_COLUMNS} indexed columns.`);
  }

  private buildIndex(column: Column): void {
    const index = new Map<string, Set<number>>();
    this.indexes.set(column.name, index);
    for (const item of this.items.values()) {
      const value = item.values.get(column.name);
      if (value !== undefined) addTo(index, indexKey(value), item.id);
    }
  }

  private assertNoDuplicates(column: Column): void {
    for (const ids of this.indexes.get(column.name)?.values() ?? []) {
      if (ids.size > 1) throw badRequest(`Column '${column.name}' has duplicate values, so it cannot enforce unique values.`);
    }
  }

  /** Item ids whose indexed `column` equals `value` (case-insensitively for text), or null if not indexed. */
  lookup(column: string, value: FieldValue): ReadonlySet<number> | null {
    const index = this.indexes.get(column);
    return index ? (index.get(indexKey(value)) ?? new Set()) : null;
  }

  get size(): number {
    return this.items.size;
  }

  item(id: string): StoredItem {
    const item = /^\d+$/.test(id) ? this.items.get(Number(id)) : undefined;
    if (!item) throw new GraphFakeError(404, 'itemNotFound', 'The specified list item was not found.');
    return item;
  }

  createItem(fields: Record<string, unknown>): StoredItem {
    const values = this.checkWrite(fields, null);
    for (const column of this.columns) {
      if (column.required && isEmpty(values.get(column.name))) throw badRequest(`Field '${column.name}' is required.`);
    }
    const now = Date.now();
    const item: StoredItem = { id: this.nextId++, guid: randomUUID(), version: 1, createdMs: now, modifiedMs: now, seq: 0, values: new Map() };
    this.apply(item, values);
    this.items.set(item.id, item);
    this.idOrder.push(item.id);
    this.record(item, false);
    return item;
  }

  updateItem(item: StoredItem, fields: Record<string, unknown>): StoredItem {
    const values = this.checkWrite(fields, item);
    for (const [name, value] of values) {
      if (this.column(name)?.required === true && isEmpty(value)) throw badRequest(`Field '${name}' is required.`);
    }
    this.apply(item, values);
    item.version++;
    item.modifiedMs = Math.max(Date.now(), item.modifiedMs);
    this.record(item, false);
    return item;
  }

  deleteItem(item: StoredItem): void {
    for (const [name, value] of item.values) this.unindex(name, value, item.id);
    this.items.delete(item.id);
    this.record(item, true);
    if (this.idOrder.length > 64 && this.items.size < this.idOrder.length / 2) this.compactIdOrder();
  }

  /** Validates a write; returns the values to set (null = clear). Throws 400 or 409. */
  private checkWrite(fields: Record<string, unknown>, self: StoredItem | null): Map<string, FieldValue | null> {
    const values = new Map<string, FieldValue | null>();
    for (const [name, raw] of Object.entries(fields)) {
      if (name.includes('@')) continue;
      const column = this.column(name);
      if (!column) throw badRequest(`Field '${name}' is not recognized`);
      if (column.readOnly) throw badRequest(`Field '${name}' is read-only`);
      values.set(name, coerceFieldValue(column, raw));
    }
    for (const [name, value] of values) {
      if (value !== null && this.column(name)?.enforceUniqueValues === true) this.assertUnique(name, value, self);
    }
    return values;
  }

  private assertUnique(name: string, value: FieldValue, self: StoredItem | null): void {
    const holders = this.lookup(name, value) ?? new Set<number>();
    for (const id of holders) {
      if (id !== self?.id) throw conflict(`The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`);
    }
  }

  private apply(item: StoredItem, values: Map<string, FieldValue | null>): void {
    for (const [name, value] of values) {
      const old = item.values.get(name);
      if (old !== undefined) this.unindex(name, old, item.id);
      if (value === null) item.values.delete(name);
      else {
        item.values.set(name, value);
        const index = this.indexes.get(name);
        if (index) addTo(index, indexKey(value), item.id);
      }
    }
  }

  private unindex(name: string, value: FieldValue, id: number): void {
    const index = this.indexes.get(name);
    const key = indexKey(value);
    const ids = index?.get(key);
    ids?.delete(id);
    if (ids?.size === 0) index?.delete(key);
  }

  private record(item: StoredItem, deleted: boolean): void {
    item.seq = ++this.seq;
    this.changes.push({ seq: item.seq, id: item.id, deleted });
    this.touch();
  }

  private compactIdOrder(): void {
    let kept = 0;
    for (const id of this.idOrder) {
      if (this.items.has(id)) this.idOrder[kept++] = id;
    }
    this.idOrder.length = kept;
  }

  private touch(): void {
    this.modifiedMs = Date.now();
  }
}

function addTo(index: Map<string, Set<number>>, key: string, id: number): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

function isEmpty(value: FieldValue | null | undefined): boolean {
  return value === null || value === undefined || value === '';
}
