import { IntegrityReport } from '../../../core/assurance/integrity-report.js';
import type { PlanSummary } from '../../../core/model/index.js';
import { ActionDetail, AuditTrail, Dashboard, ForumList, MeasuresView, MeetingView, MyActions, PlanListResponse, PlanView } from '../../../core/views/tab-api.js';
import type { MeetingChoice } from '../logic/meeting-dates.js';
import { meetingApiPath } from '../logic/paper-links.js';
import type { Route } from '../routing/routes.js';
import { type Api, apiPath } from './client.js';

/** What a page loads: a key (one request per key per visit) and the call that loads it. */
export interface Loader<T> {
  key: string;
  load: (api: Api, signal?: AbortSignal) => Promise<T>;
}

export const planLoader = (planId: string): Loader<PlanView> => ({ key: `plan:${planId}`, load: (api, signal) => api.get(apiPath`/api/plans/${planId}`, PlanView, signal) });
export const dashboardLoader = (planId: string): Loader<Dashboard> => ({ key: `dashboard:${planId}`, load: (api, signal) => api.get(apiPath`/api/plans/${planId}/dashboard`, Dashboard, signal) });
/** Asked for only when someone runs the checks: the plan page's first render stays one call. */
export const checksLoader = (planId: string): Loader<IntegrityReport> => ({ key: `checks:${planId}`, load: (api, signal) => api.get(apiPath`/api/plans/${planId}/checks`, IntegrityReport, signal) });
/** Loaded on request, like the checks: the plan view stays one call. */
export const auditLoader = (planId: string): Loader<AuditTrail> => ({ key: `audit:${planId}`, load: (api, signal) => api.get(apiPath`/api/plans/${planId}/audit`, AuditTrail, signal) });
export const measuresLoader = (planId: string): Loader<MeasuresView> => ({ key: `measures:${planId}`, load: (api, signal) => api.get(apiPath`/api/plans/${planId}/measures`, MeasuresView, signal) });
export const forumsLoader: Loader<ForumList> = { key: 'forums', load: (api, signal) => api.get('/api/forums', ForumList, signal) };
export const meetingLoader = (choice: MeetingChoice): Loader<MeetingView> => {
  const path = meetingApiPath(choice);
  return { key: `meeting:${path}`, load: (api, signal) => api.get(path, MeetingView, signal) };
};
export const actionLoader = (actionId: string): Loader<ActionDetail> => ({ key: `action:${actionId}`, load: (api, signal) => api.get(apiPath`/api/actions/${actionId}`, ActionDetail, signal) });
export const myActionsLoader: Loader<MyActions> = { key: 'my-actions', load: (api, signal) => api.get('/api/my-actions', MyActions, signal) };
export const plansLoader: Loader<PlanSummary[]> = { key: 'plans', load: (api, signal) => api.get('/api/plans', PlanListResponse, signal) };

/** The data the first page needs, for starting its request before React has rendered anything. */
export function loaderFor(route: Route, personal: boolean): Loader<unknown> | null {
  switch (route.name) {
    case 'plan':
      return planLoader(route.planId);
    case 'dashboard':
      return dashboardLoader(route.planId);
    case 'action':
      return actionLoader(route.actionId);
    case 'my-actions':
      return myActionsLoader;
    case 'home':
      return personal ? myActionsLoader : plansLoader;
    case 'plans':
    case 'config':
      return plansLoader;
    case 'meeting':
      return forumsLoader;
    // Its plan is known only once the session is (the last one looked at): the page loads it.
    case 'dashboard-home':
    case 'import':
    case 'not-found':
      return null;
  }
}

const early = new Map<string, Promise<unknown>>();

/**
 * Starts the first page's request as soon as we know who is calling, instead of after the
 * first render (saves the time React and Fluent take to paint the shell). Taken once.
 */
export function prefetch(loader: Loader<unknown>, api: Api): void {
  const pending = loader.load(api);
  // The page reports failures when it takes the promise; this only stops an unhandled rejection.
  pending.catch(() => undefined);
  early.set(loader.key, pending);
}

export function takePrefetched<T>(key: string): Promise<T> | undefined {
  const pending = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return pending;
}
