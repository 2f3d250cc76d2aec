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

/** One opener per STORE value; the type makes a new value fail to compile until it is wired here. */
const STORES: Record<Config['STORE'], (config: Config) => PlanStore> = {
  sqlite: (config) => openSqlitePlanStore({ path: config.SQLITE_PATH }),
};

function openStore(config: Config): PlanStore {
  return STORES[config.STORE](config);
}
