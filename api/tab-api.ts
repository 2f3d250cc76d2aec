import { DEV_USER_HEADER } from '../core/views/tab-api.js';
import { ApiError } from './api-error.js';
import type { ApiRequest, ApiResponse, TabApiDeps } from './api-types.js';
import { errorResponse } from './error-response.js';
import { matchRoute } from './router.js';
import { ROUTES } from './routes/index.js';

export type { ApiRequest, ApiResponse, TabApiDeps } from './api-types.js';

const PICK_DEV_IDENTITY = `Pick a dev identity first: choose one of GET /api/dev/identities and send its aadObjectId in the ${DEV_USER_HEADER} header.`;

export interface TabApi {
  /** Answers one request; never throws (failures are answers with a real status). */
  handle(request: ApiRequest): Promise<ApiResponse>;
}

/**
 * The Teams tab's API, framework-free: the HTTP layer authenticates and hands over the caller;
 * this decides what they may see and do, with the same rules as the bot.
 */
export function createTabApi(deps: TabApiDeps): TabApi {
  return {
    async handle(request) {
      try {
        return await dispatch(deps, request);
      } catch (error) {
        return errorResponse(error, request, deps.log);
      }
    },
  };
}

async function dispatch(deps: TabApiDeps, request: ApiRequest): Promise<ApiResponse> {
  const match = matchRoute(ROUTES, request.method, request.path);
  if (match.kind === 'none') throw new ApiError(404, 'NotFound', `There is no ${request.path} in the tab API.`);
  if (match.kind === 'method') throw new ApiError(405, 'MethodNotAllowed', `${request.path} answers ${match.allowed.join(', ')}, not ${request.method}.`);
  const { route, params } = match;
  if (route.anonymous === true) return route.handle({ deps, request, params, store: deps.store });
  const caller = request.caller;
  if (caller === null) throw new ApiError(401, 'Unauthorized', deps.mode === 'local' ? PICK_DEV_IDENTITY : 'Sign in first.');
  const store = deps.storeFor ? await deps.storeFor(caller, request.assertion ?? null) : deps.store;
  return route.handle({ deps, request, params, caller, store });
}
