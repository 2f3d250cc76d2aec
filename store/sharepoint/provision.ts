import { isRecord } from './graph/graph-error.js';
import type { GraphHttp } from './graph/graph-http.js';
import { LISTS, SCHEMA_VERSION, type ColumnSpec, type ListSpec } from './list-schema.js';
import { columnDefinition } from './lists/column-definition.js';

export type ColumnChange = 'created' | 'indexed' | 'unchanged' | 'differs';

export interface ProvisionReport {
  siteId: string;
  schemaVersion: number;
  lists: { name: string; created: boolean; columns: { name: string; change: ColumnChange; detail?: string }[] }[];
  /** True when anything was (or, with dryRun, would be) created or changed. */
  changed: boolean;
  /** What differs and cannot be changed safely by provisioning (e.g. a column of another type). */
  differences: string[];
}

interface ExistingColumn {
  id: string;
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  type: string | null;
}

/**
 * Creates the lists and columns of the schema in a site. Running it again changes nothing;
 * running a newer version adds what is missing and reports what differs. It never deletes or
 * retypes a column: data in a trust's tenant is not ours to drop.
 */
export async function provision(http: GraphHttp, siteId: string, options: { dryRun?: boolean; lists?: readonly ListSpec[] } = {}): Promise<ProvisionReport> {
  const existing = await existingLists(http, siteId);
  const report: ProvisionReport = { siteId, schemaVersion: SCHEMA_VERSION, lists: [], changed: false, differences: [] };
  for (const spec of options.lists ?? LISTS) {
    const listId = existing.get(spec.displayName);
    const entry = listId === undefined ? await createList(http, siteId, spec, options) : await completeList(http, siteId, listId, spec, options, report);
    report.lists.push(entry);
    if (entry.created || entry.columns.some((c) => c.change === 'created' || c.change === 'indexed')) report.changed = true;
  }
  return report;
}

async function existingLists(http: GraphHttp, siteId: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const item of await pages(http, `/sites/${siteId}/lists?$select=id,displayName`)) {
    if (typeof item.displayName === 'string' && typeof item.id === 'string') found.set(item.displayName, item.id);
  }
  return found;
}

async function createList(http: GraphHttp, siteId: string, spec: ListSpec, options: { dryRun?: boolean }): Promise<ProvisionReport['lists'][number]> {
  if (!options.dryRun) {
    await http.send({
      method: 'POST',
      path: `/sites/${siteId}/lists`,
      body: { displayName: spec.displayName, description: describe(spec), columns: spec.columns.map(columnDefinition), list: { template: 'genericList' } },
    });
  }
  return { name: spec.displayName, created: true, columns: spec.columns.map((c) => ({ name: c.name, change: 'created' as const })) };
}

async function completeList(
  http: GraphHttp,
  siteId: string,
  listId: string,
  spec: ListSpec,
  options: { dryRun?: boolean },
  report: ProvisionReport,
): Promise<ProvisionReport['lists'][number]> {
  const columns = new Map((await pages(http, `/sites/${siteId}/lists/${listId}/columns`)).map(readColumn).map((c) => [c.name, c]));
  const entry: ProvisionReport['lists'][number] = { name: spec.displayName, created: false, columns: [] };
  for (const column of spec.columns) {
    const change = await completeColumn(http, `/sites/${siteId}/lists/${listId}/columns`, column, columns.get(column.name), options);
    entry.columns.push(change);
    if (change.change === 'differs') report.differences.push(`${spec.displayName}.${column.name}: ${change.detail}`);
  }
  return entry;
}

async function completeColumn(http: GraphHttp, path: string, spec: ColumnSpec, found: ExistingColumn | undefined, options: { dryRun?: boolean }) {
  if (found === undefined) {
    if (!options.dryRun) await http.send({ method: 'POST', path, body: columnDefinition(spec) });
    return { name: spec.name, change: 'created' as const };
  }
  const expectedType = Object.keys(columnDefinition(spec)).find((key) => TYPE_FACETS.has(key)) ?? null;
  if (found.type !== expectedType) return { name: spec.name, change: 'differs' as const, detail: `is ${found.type ?? 'unknown'}, expected ${expectedType ?? 'unknown'}` };
  const needsIndex = (spec.indexed === true && !found.indexed) || (spec.unique === true && !found.enforceUniqueValues);
  if (!needsIndex) return { name: spec.name, change: 'unchanged' as const };
  if (!options.dryRun) {
    await http.send({ method: 'PATCH', path: `${path}/${found.id}`, body: { indexed: true, ...(spec.unique === true ? { enforceUniqueValues: true } : {}) } });
  }
  return { name: spec.name, change: 'indexed' as const };
}

const TYPE_FACETS = new Set(['text', 'number', 'boolean', 'dateTime', 'choice', 'personOrGroup', 'lookup', 'hyperlinkOrPicture', 'currency', 'calculated']);

function readColumn(raw: Record<string, unknown>): ExistingColumn {
  return {
    id: String(raw.id),
    name: String(raw.name),
    indexed: raw.indexed === true,
    enforceUniqueValues: raw.enforceUniqueValues === true,
    type: Object.keys(raw).find((key) => TYPE_FACETS.has(key) && isRecord(raw[key])) ?? null,
  };
}

/** The schema version is recorded where people can see it, in the list's description. */
function describe(spec: ListSpec): string {
  return `${spec.description} (Followthrough schema v${String(SCHEMA_VERSION)})`;
}

async function pages(http: GraphHttp, first: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = first;
  while (next !== undefined) {
    const response = await http.send({ method: 'GET', path: next });
    const body = isRecord(response.body) ? response.body : {};
    if (Array.isArray(body.value)) items.push(...body.value.filter(isRecord));
    next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
  }
  return items;
}
