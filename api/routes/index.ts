import type { RouteDefinition } from '../router.js';
import { actionDetail, editAction } from './actions.js';
import { planAudit } from './audit.js';
import { exportMeeting, exportPlan } from './exports.js';
import { commitImport, previewImport } from './imports.js';
import { addMeasure, addMeasureValue, editMeasure, planMeasures } from './measures.js';
import { forums, meeting } from './meetings.js';
import { listDevIdentities, me } from './me.js';
import { myActions } from './my-actions.js';
import { changePlanStatus } from './plan-status.js';
import { dashboard, listPlans, planChecks, planView } from './plans.js';
import { reviewAction } from './review.js';
import { submitUpdate } from './submit-update.js';

/** Every route of the contract (core/views/tab-api.ts), in its order. */
export const ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', pattern: '/api/me', handle: me },
  { method: 'GET', pattern: '/api/dev/identities', anonymous: true, handle: listDevIdentities },
  { method: 'GET', pattern: '/api/plans', handle: listPlans },
  { method: 'GET', pattern: '/api/plans/:planId', handle: planView },
  { method: 'GET', pattern: '/api/plans/:planId/dashboard', handle: dashboard },
  { method: 'GET', pattern: '/api/plans/:planId/checks', handle: planChecks },
  { method: 'GET', pattern: '/api/my-actions', handle: myActions },
  { method: 'GET', pattern: '/api/actions/:actionId', handle: actionDetail },
  { method: 'POST', pattern: '/api/actions/:actionId/updates', handle: submitUpdate },
  { method: 'PATCH', pattern: '/api/actions/:actionId', handle: editAction },
  { method: 'POST', pattern: '/api/imports/preview', handle: previewImport },
  { method: 'POST', pattern: '/api/imports', handle: commitImport },
  // Governance (issue 6).
  { method: 'GET', pattern: '/api/forums', handle: forums },
  { method: 'GET', pattern: '/api/meetings', handle: meeting },
  { method: 'POST', pattern: '/api/actions/:actionId/review', handle: reviewAction },
  { method: 'POST', pattern: '/api/plans/:planId/status', handle: changePlanStatus },
  { method: 'GET', pattern: '/api/plans/:planId/audit', handle: planAudit },
  { method: 'GET', pattern: '/api/plans/:planId/measures', handle: planMeasures },
  { method: 'POST', pattern: '/api/plans/:planId/measures', handle: addMeasure },
  { method: 'PATCH', pattern: '/api/measures/:measureId', handle: editMeasure },
  { method: 'POST', pattern: '/api/measures/:measureId/values', handle: addMeasureValue },
  { method: 'GET', pattern: '/api/plans/:planId/export', handle: exportPlan },
  { method: 'GET', pattern: '/api/meetings/export', handle: exportMeeting },
];
