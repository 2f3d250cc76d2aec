import { buildAuditTrail } from '../../core/views/audit-trail.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { found, planId } from './plans.js';

/** GET /api/plans/:planId/audit — the plan's whole trail, newest first, each entry named by what it is about. */
export async function planAudit({ store, params }: RouteContext): Promise<ApiResponse> {
  const id = planId(params);
  const [tree, audit, measures] = await Promise.all([store.getPlan(id), store.listAudit({ planId: id }), store.listMeasures(id)]);
  return { status: 200, body: buildAuditTrail(found(tree), audit, measures) };
}
