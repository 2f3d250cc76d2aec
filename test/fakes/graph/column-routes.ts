/** `/lists/{list}/columns` and `/lists/{list}/columns/{column}`. */
import { columnFromInput, columnJson, patchedColumn } from './columns.js';
import { notAllowed, notFound } from './errors.js';
import type { ListData } from './list-data.js';
import { applySelect, parseList } from './odata-query.js';
import { bodyObject, type FakeRequest, type FakeResponse, json, queryOption } from './state.js';

export function handleColumns(req: FakeRequest, list: ListData): FakeResponse {
  if (req.method === 'GET') {
    const select = parseList(queryOption(req, 'select'));
    return json(200, { value: list.columns.map((column) => applySelect(columnJson(column), select)) });
  }
  if (req.method === 'POST') {
    const column = columnFromInput(bodyObject(req));
    list.addColumn(column);
    return json(201, columnJson(column));
  }
  throw notAllowed(req.method, 'columns');
}

/** A column by its id; the fake also accepts its internal name. */
export function handleColumn(req: FakeRequest, list: ListData, key: string): FakeResponse {
  const column = list.columnByIdOrName(key);
  if (!column) throw notFound(`Column '${key}' does not exist.`);
  if (req.method === 'GET') return json(200, columnJson(column));
  if (req.method === 'PATCH') {
    const next = patchedColumn(column, bodyObject(req));
    list.replaceColumn(next);
    return json(200, columnJson(next));
  }
  throw notAllowed(req.method, 'a column');
}
