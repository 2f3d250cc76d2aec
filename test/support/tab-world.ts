// The demo plan in SQLite in memory, with a few more people, for the tab API's tests: the demo
// lead (who also edits the plan), the demo's reviewer, a deputy for the lead role, and a nurse
// who leads one action of her own and nothing else.
import { createTabApi, type ApiRequest, type ApiResponse, type TabApi, type TabApiDeps } from '../../api/tab-api.js';
import { fixedClock } from '../../app/clock.js';
import { memoryLogger } from '../../app/logger.js';
import { type App, composeApp } from '../../app/compose.js';
import { DEMO_REVIEWER, DEMO_USER, ensureDemo } from '../../app/demo.js';
import { loadConfig } from '../../config/config.js';
import { DEMO_LEAD_ROLE } from '../../core/demo/demo-plan.js';
import type { Caller } from '../../edge/auth/caller.js';

export const NOW = '2025-06-10T09:00:00.000Z';
export const TODAY = '2025-06-10';
export const NURSE_ROLE = 'Head of Nursing';

export const PEOPLE = {
  lead: DEMO_USER,
  /** Holds the plan's reviewer role: assures and returns, edits nothing. */
  reviewer: DEMO_REVIEWER,
  deputy: { aadObjectId: '3c3c3c3c-0000-4000-8000-000000000003', displayName: 'Dee Deputy' },
  nurse: { aadObjectId: '4d4d4d4d-0000-4000-8000-000000000004', displayName: 'Nina Nurse' },
  stranger: { aadObjectId: '5e5e5e5e-0000-4000-8000-000000000005', displayName: 'Sam Stranger' },
} as const;

export interface TabWorld {
  app: App;
  planId: string;
  /** Demo action ids by label: 1a, 1b, 2a, 2b, 3a, 3b. 2b is led by the nurse's role; 3b is complete with evidence. */
  ids: Record<string, string>;
  id(label: string): string;
}

export function callerOf(person: { aadObjectId: string; displayName: string }, tenantId: string | null = null): Caller {
  return { tenantId, aadObjectId: person.aadObjectId, displayName: person.displayName, scopes: tenantId === null ? [] : ['access_as_user'] };
}

/** Opens the store on its own; `startBot` callers pass `world.app.store` in (or use `seedTabWorld`). */
export async function tabWorld(): Promise<TabWorld> {
  const app = await composeApp(loadConfig({ SQLITE_PATH: ':memory:' }), { clock: fixedClock(NOW) });
  return seedTabWorld(app);
}

/** The demo plan plus the extra people and the nurse's action, in an app already composed. */
export async function seedTabWorld(app: App): Promise<TabWorld> {
  const planId = await ensureDemo(app);
  await app.store.saveRole({ name: DEMO_LEAD_ROLE, holders: [DEMO_USER], deputies: [PEOPLE.deputy] });
  await app.store.saveRole({ name: NURSE_ROLE, holders: [PEOPLE.nurse], deputies: [] });
  const ids: Record<string, string> = {};
  const tree = await app.store.getPlan(planId);
  for (const rec of tree?.recommendations ?? []) for (const action of rec.actions) ids[`${rec.number ?? ''}${action.ref ?? ''}`] = action.id;
  const id = (label: string): string => {
    const found = ids[label];
    if (found === undefined) throw new Error(`no demo action ${label}`);
    return found;
  };
  const nurses = await app.store.getAction(id('2b'));
  if (nurses === null) throw new Error('demo action 2b is missing');
  await app.store.updateAction(nurses.id, { leads: [NURSE_ROLE], leadText: NURSE_ROLE }, nurses.version, NOW, { actor: { aadObjectId: null, displayName: 'Test set-up' }, source: 'cli' });
  return { app, planId, ids, id };
}

/** The tab API over the world's store, as of NOW, in local mode; `over` replaces any dependency. */
export function tabApiOf(world: TabWorld, over: Partial<TabApiDeps> = {}): TabApi {
  return createTabApi({ store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'local', log: memoryLogger(), ...over });
}

export type ApiCall = (method: string, path: string, person: { aadObjectId: string; displayName: string } | null, body?: unknown, query?: Record<string, string>) => Promise<ApiResponse>;

/** Calls the API in process as a person (null: nobody signed in). */
export function apiCaller(api: TabApi): ApiCall {
  return (method, path, person, body, query) => {
    const request: ApiRequest = { method, path, caller: person === null ? null : callerOf(person), ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) };
    return api.handle(request);
  };
}

/** A fresh demo world and a caller for it: `beforeEach(async () => ({ world, call } = await openTabApi()))`. */
export async function openTabApi(): Promise<{ world: TabWorld; call: ApiCall }> {
  const world = await tabWorld();
  return { world, call: apiCaller(tabApiOf(world)) };
}
