import type { RouteDefinition } from '../router.js';
import { actionDetail, editAction } from './actions.js';
import { commitImport, previewImport } from './imports.js';
import { listDevIdentities, me } from './me.js';
import { myActions } from './my-actions.js';
import { dashboard, listPlans, planChecks, planView } from './plans.js';
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
];
