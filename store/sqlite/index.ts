export { openSqlitePlanStore, type SqlitePlanStore, type SqlitePlanStoreOptions } from './sqlite-plan-store.js';
export { SCHEMA_VERSION } from './migrations.js';
