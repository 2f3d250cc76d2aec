/** Maps a request's path to its handler. Errors thrown by handlers become Graph error responses. */
import { handleColumn, handleColumns } from './column-routes.js';
import { deltaToken, handleDelta } from './delta.js';
import { badRequest, errorBody, GraphFakeError, notAllowed } from './errors.js';
import { handleItem, handleItemFields, handleItems } from './items.js';
import { handleList, handleLists } from './lists.js';
import { resolveSite, siteJson } from './sites.js';
import { routeTeamwork } from './teamwork.js';
import { type FakeContext, type FakeRequest, type FakeResponse, findList, json, type SiteState } from './state.js';

const DELTA = /^(?:microsoft\.graph\.)?delta(?:\(\s*(?:token\s*=\s*)?(?:'([^']*)')?\s*\))?$/;

function unknownSegment(segment: string | undefined): GraphFakeError {
  return badRequest(`Resource not found for the segment '${segment ?? ''}'.`, 'BadRequest');
}

function routeItems(ctx: FakeContext, req: FakeRequest, site: SiteState, listKey: string, rest: string[]): FakeResponse {
  const list = findList(site, listKey);
  const [itemKey, sub, ...extra] = rest;
  if (itemKey === undefined) return handleItems(ctx, req, site, list);
  const delta = DELTA.exec(itemKey);
  if (delta && sub === undefined) return handleDelta(ctx, req, site, list, deltaToken(req, delta[1]));
  if (sub === undefined) return handleItem(req, site, list, itemKey);
  if (sub === 'fields' && extra.length === 0) return handleItemFields(req, list, itemKey);
  throw unknownSegment(sub);
}

function routeList(ctx: FakeContext, req: FakeRequest, site: SiteState, rest: string[]): FakeResponse {
  const [listKey, collection, ...more] = rest;
  if (listKey === undefined) return handleLists(ctx, req, site);
  if (collection === undefined) return handleList(req, site, listKey);
  if (collection === 'items') return routeItems(ctx, req, site, listKey, more);
  if (collection === 'columns') {
    const list = findList(site, listKey);
    const [columnKey, ...extra] = more;
    if (columnKey === undefined) return handleColumns(req, list);
    if (extra.length === 0) return handleColumn(req, list, columnKey);
    throw unknownSegment(extra[0]);
  }
  throw unknownSegment(collection);
}

function route(ctx: FakeContext, req: FakeRequest): FakeResponse {
  const teamwork = routeTeamwork(ctx.teamwork, req);
  if (teamwork !== null) return teamwork;
  const [root, ...afterRoot] = req.segments;
  if (root !== 'sites' || afterRoot.length === 0) throw unknownSegment(root);
  const { site, rest } = resolveSite(ctx, afterRoot);
  const [section, ...more] = rest;
  if (section === undefined) {
    if (req.method !== 'GET') throw notAllowed(req.method, 'a site');
    return json(200, siteJson(site));
  }
  if (section === 'lists') return routeList(ctx, req, site, more);
  throw unknownSegment(section);
}

/** Runs one request against the state; never throws. */
export function dispatch(ctx: FakeContext, req: FakeRequest, requestId: string): FakeResponse {
  try {
    return route(ctx, req);
  } catch (error) {
    if (error instanceof GraphFakeError) return json(error.status, errorBody(error.code, error.message, requestId, req.headers['client-request-id']), error.headers);
    const message = error instanceof Error ? error.message : String(error);
    return json(500, errorBody('generalException', `Graph fake failed: ${message}`, requestId));
  }
}
