import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlitePlanStore, type SqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';

export interface SqliteFixture {
  path: string;
  /** A store on the fixture's database file: each one its own connection, as another process would have. */
  openStore(): SqlitePlanStore;
  /** Closes every store opened and deletes the file. */
  close(): Promise<void>;
}

/** A fresh SQLite database file in a temporary folder. */
export function startSqliteFixture(): SqliteFixture {
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-bench-sqlite-'));
  const path = join(dir, 'bench.db');
  const opened: SqlitePlanStore[] = [];
  return {
    path,
    openStore: () => {
      const store = openSqlitePlanStore({ path });
      opened.push(store);
      return store;
    },
    close: async () => {
      try {
        for (const store of opened) await store.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
