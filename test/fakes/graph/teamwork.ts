import { badRequest, GraphFakeError, notAllowed } from './errors.js';
import { type FakeRequest, type FakeResponse, json } from './state.js';

/** An app in the tenant's Teams catalog, as an admin would have published it. */
export interface CatalogApp {
  id: string;
  externalId: string;
  displayName: string;
}

export interface TeamworkState {
  catalog: CatalogApp[];
  /** user id → catalog app id → installation id */
  installs: Map<string, Map<string, string>>;
}

export function teamworkState(catalog: readonly CatalogApp[] = []): TeamworkState {
  return { catalog: [...catalog], installs: new Map() };
}

/**
 * `GET /appCatalogs/teamsApps?$filter=externalId eq '…'`, and for a user:
 * `POST /users/{id}/teamwork/installedApps` (409 when already installed),
 * `GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '…'`,
 * `GET /users/{id}/teamwork/installedApps/{installation}/chat`.
 */
export function routeTeamwork(state: TeamworkState, req: FakeRequest): FakeResponse | null {
  const [root, ...rest] = req.segments;
  if (root === 'appCatalogs' && rest[0] === 'teamsApps' && rest.length === 1) return catalogApps(state, req);
  if (root === 'users' && rest[1] === 'teamwork' && rest[2] === 'installedApps' && rest[0] !== undefined) return installedApps(state, req, rest[0], rest.slice(3));
  return null;
}

function catalogApps(state: TeamworkState, req: FakeRequest): FakeResponse {
  if (req.method !== 'GET') throw notAllowed(req.method, 'the app catalog');
  const wanted = /externalId eq '([^']*)'/.exec(req.query.get('$filter') ?? '')?.[1];
  return json(200, { value: state.catalog.filter((app) => wanted === undefined || app.externalId === wanted).map((app) => ({ ...app, distributionMethod: 'organization' })) });
}

function installedApps(state: TeamworkState, req: FakeRequest, userId: string, rest: string[]): FakeResponse {
  const mine = state.installs.get(userId) ?? new Map<string, string>();
  state.installs.set(userId, mine);
  const [installation, sub] = rest;
  if (installation === undefined && req.method === 'POST') return install(state, mine, req.body);
  if (installation === undefined && req.method === 'GET') {
    const wanted = /teamsApp\/id eq '([^']*)'/.exec(req.query.get('$filter') ?? '')?.[1];
    const value = [...mine].filter(([appId]) => wanted === undefined || appId === wanted).map(([appId, id]) => ({ id, teamsApp: { id: appId } }));
    return json(200, { value });
  }
  if (installation !== undefined && sub === 'chat' && req.method === 'GET') {
    if (![...mine.values()].includes(installation)) throw new GraphFakeError(404, 'NotFound', 'The app is not installed for this user.');
    return json(200, { id: `19:${userId}_${installation}@unq.gbl.spaces`, chatType: 'oneOnOne' });
  }
  throw badRequest(`Unsupported teamwork request ${req.method} ${req.rawPath}`, 'BadRequest');
}

function install(state: TeamworkState, mine: Map<string, string>, body: unknown): FakeResponse {
  const bind = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['teamsApp@odata.bind'] : undefined;
  const appId = typeof bind === 'string' ? /appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1] : undefined;
  if (appId === undefined || !state.catalog.some((app) => app.id === appId)) throw badRequest('teamsApp@odata.bind must name an app in the catalog.', 'BadRequest');
  if (mine.has(appId)) throw new GraphFakeError(409, 'Conflict', 'The app is already installed for this user.');
  mine.set(appId, `inst-${appId}-${String(mine.size + 1)}`);
  return json(201, {});
}
