import { rolesOf } from '../../core/views/rights.js';
import type { Me } from '../../core/views/tab-api.js';
import { ApiError } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { devIdentities } from '../dev-identities.js';

/** GET /api/me: who the server thinks is calling, and the roles they answer for. */
export async function me({ caller, store, deps }: RouteContext): Promise<ApiResponse> {
  const body: Me = {
    aadObjectId: caller.aadObjectId,
    displayName: caller.displayName,
    tenantId: caller.tenantId,
    mode: deps.mode,
    roles: rolesOf(caller.aadObjectId, await store.listRoles()),
  };
  return { status: 200, body };
}

/** GET /api/dev/identities: local mode only; in Teams nobody may choose who they are. */
export async function listDevIdentities({ store, deps }: Omit<RouteContext, 'caller'>): Promise<ApiResponse> {
  if (deps.mode !== 'local') throw new ApiError(404, 'NotFound', 'Dev identities exist in local mode only.');
  return { status: 200, body: devIdentities(await store.listRoles()) };
}
