/** `/lists/{list}/items`, `/items/{id}` and `/items/{id}/fields`: read, create, update, delete items. */
import { badRequest, notAllowed } from './errors.js';
import { assertIfMatch } from './etags.js';
import { fieldsJson, itemJson } from './item-json.js';
import { queryItems } from './item-query.js';
import { itemETag, type ListData } from './list-data.js';
import { itemShape } from './odata-query.js';
import { nextLink } from './paging.js';
import { bodyObject, type FakeContext, type FakeRequest, type FakeResponse, json, noContent, type SiteState } from './state.js';

function fieldsOf(req: FakeRequest, key: string): Record<string, unknown> {
  const body = bodyObject(req);
  const fields = key === '' ? body : body[key];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw badRequest('The request body must carry the item\'s fields as an object.');
  return fields as Record<string, unknown>;
}

export function handleItems(ctx: FakeContext, req: FakeRequest, site: SiteState, list: ListData): FakeResponse {
  if (req.method === 'GET') {
    const shape = itemShape(req);
    const page = queryItems(ctx, req, list);
    const body: Record<string, unknown> = { value: page.items.map((item) => itemJson(site, list, item, shape)) };
    if (page.afterId !== null) body['@odata.nextLink'] = nextLink(ctx, req, page.afterId);
    return json(200, body);
  }
  if (req.method === 'POST') {
    const item = list.createItem(fieldsOf(req, 'fields'));
    return json(201, itemJson(site, list, item, { fields: true, fieldSelect: null, select: null }), { ETag: itemETag(item) });
  }
  throw notAllowed(req.method, 'items');
}

export function handleItem(req: FakeRequest, site: SiteState, list: ListData, id: string): FakeResponse {
  const item = list.item(id);
  switch (req.method) {
    case 'GET':
      return json(200, itemJson(site, list, item, itemShape(req)), { ETag: itemETag(item) });
    case 'DELETE':
      assertIfMatch(req.headers['if-match'], itemETag(item));
      list.deleteItem(item);
      return noContent();
    default:
      throw notAllowed(req.method, 'an item (PATCH its /fields)');
  }
}

export function handleItemFields(req: FakeRequest, list: ListData, id: string): FakeResponse {
  const item = list.item(id);
  if (req.method === 'GET') return json(200, fieldsJson(list, item, null), { ETag: itemETag(item) });
  if (req.method !== 'PATCH') throw notAllowed(req.method, 'fields');
  assertIfMatch(req.headers['if-match'], itemETag(item));
  list.updateItem(item, fieldsOf(req, ''));
  return json(200, fieldsJson(list, item, null), { ETag: itemETag(item) });
}
