/** `/sites/{site}/lists` and `/sites/{site}/lists/{list}`: create, read, rename, delete lists. */
import { z } from 'zod';
import { columnFromInput, columnJson } from './columns.js';
import { badRequest, conflict, isoSeconds, notAllowed } from './errors.js';
import { ListData } from './list-data.js';
import { type FilterNode, parseFilter } from './odata-filter.js';
import { applySelect, parseList } from './odata-query.js';
import { decodeSkipToken, nextLink, pageSize } from './paging.js';
import { bodyObject, type FakeContext, type FakeRequest, type FakeResponse, findList, json, noContent, queryOption, type SiteState } from './state.js';

const createList = z.object({
  displayName: z.string().min(1),
  description: z.string().optional(),
  columns: z.array(z.unknown()).optional(),
  list: z.looseObject({ template: z.string().optional() }).optional(),
});

const patchList = z.object({ displayName: z.string().min(1).optional(), description: z.string().optional() });

export function listJson(state: SiteState, list: ListData, expandColumns = false): Record<string, unknown> {
  const eTag = `"${list.id},${list.seq}"`;
  return {
    '@odata.etag': eTag,
    createdDateTime: isoSeconds(list.createdMs),
    description: list.description,
    eTag,
    id: list.id,
    lastModifiedDateTime: isoSeconds(list.modifiedMs),
    name: list.name,
    webUrl: `https://${state.site.hostname}${state.site.path}/Lists/${list.name}`,
    displayName: list.displayName,
    parentReference: { siteId: state.site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
    ...(expandColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}

function assertFreeName(site: SiteState, displayName: string, self?: ListData): void {
  const taken = site.lists.some((list) => list !== self && list.displayName.toLowerCase() === displayName.toLowerCase());
  if (taken) throw conflict(`A list, survey, discussion board, or document library with the specified title '${displayName}' already exists in this Web site.`);
}

function listMatches(node: FilterNode, list: ListData): boolean {
  if (node.kind !== 'compare') {
    return node.kind === 'and' ? listMatches(node.left, list) && listMatches(node.right, list) : listMatches(node.left, list) || listMatches(node.right, list);
  }
  const property = node.path.join('/');
  const actual = property === 'displayName' ? list.displayName : property === 'name' ? list.name : property === 'id' ? list.id : undefined;
  if (actual === undefined) throw badRequest(`Filtering lists on '${property}' is not supported (use displayName, name or id).`);
  if (node.literal.type !== 'string' || (node.op !== 'eq' && node.op !== 'ne')) throw badRequest('Lists can only be filtered with eq or ne and a string.');
  const equal = actual.toLowerCase() === node.literal.value.toLowerCase();
  return node.op === 'eq' ? equal : !equal;
}

function getLists(ctx: FakeContext, req: FakeRequest, site: SiteState): FakeResponse {
  const text = queryOption(req, 'filter');
  const filter = text === undefined ? null : parseFilter(text);
  const select = parseList(queryOption(req, 'select'));
  const matching = site.lists.filter((list) => !filter || listMatches(filter, list));
  const from = decodeSkipToken(req);
  const top = pageSize(ctx, req);
  const page = matching.slice(from, from + top).map((list) => applySelect(listJson(site, list), select));
  const body: Record<string, unknown> = { value: page };
  if (from + top < matching.length) body['@odata.nextLink'] = nextLink(ctx, req, from + top);
  return json(200, body);
}

function createListFrom(req: FakeRequest, site: SiteState): FakeResponse {
  const parsed = createList.safeParse(bodyObject(req));
  if (!parsed.success) throw badRequest(`Invalid list: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { displayName, description, columns, list: facet } = parsed.data;
  assertFreeName(site, displayName);
  const list = new ListData(displayName, description ?? '', facet?.template ?? 'genericList');
  for (const column of columns ?? []) list.addColumn(columnFromInput(column));
  site.lists.push(list);
  return json(201, listJson(site, list));
}

export function handleLists(ctx: FakeContext, req: FakeRequest, site: SiteState): FakeResponse {
  if (req.method === 'GET') return getLists(ctx, req, site);
  if (req.method === 'POST') return createListFrom(req, site);
  throw notAllowed(req.method, 'lists');
}

export function handleList(req: FakeRequest, site: SiteState, key: string): FakeResponse {
  const list = findList(site, key);
  switch (req.method) {
    case 'GET': {
      const expand = queryOption(req, 'expand');
      if (expand !== undefined && expand !== 'columns') throw badRequest(`Unsupported $expand on a list: '${expand}'.`, 'BadRequest');
      return json(200, applySelect(listJson(site, list, expand === 'columns'), parseList(queryOption(req, 'select'))));
    }
    case 'PATCH': {
      const parsed = patchList.safeParse(bodyObject(req));
      if (!parsed.success) throw badRequest('Only displayName and description of a list can be changed.');
      if (parsed.data.displayName !== undefined) assertFreeName(site, parsed.data.displayName, list);
      list.displayName = parsed.data.displayName ?? list.displayName;
      list.description = parsed.data.description ?? list.description;
      list.modifiedMs = Date.now();
      return json(200, listJson(site, list));
    }
    case 'DELETE':
      site.lists.splice(site.lists.indexOf(list), 1);
      return noContent();
    default:
      throw notAllowed(req.method, 'a list');
  }
}
