import type { Config } from '../config/config.js';
import type { PlanStore } from '../store/plan-store.js';
import { openSqlitePlanStore } from '../store/sqlite/sqlite-plan-store.js';
import { type Clock, systemClock } from './clock.js';

/** Everything the app's entry points need, wired once: the composition root. */
export interface App {
  config: Config;
  store: PlanStore;
  clock: Clock;
}

export function composeApp(config: Config, overrides: Partial<Pick<App, 'clock' | 'store'>> = {}): App {
  const store = overrides.store ?? openStore(config);
  return { config, store, clock: overrides.clock ?? systemClock };
}

function openStore(config: Config): PlanStore {
  switch (config.STORE) {
    case 'sqlite':
      return openSqlitePlanStore({ path: config.SQLITE_PATH });
  }
}
