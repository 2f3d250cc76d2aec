import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { fixedClock } from '../../app/clock.js';
import { runCli } from '../../cli/run-cli.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * The CLI in-process, as the tests drive it: each test gets a fresh folder with its own SQLite
 * file in `env`, and a fixed clock. `dir` and `env` are read through the returned object because
 * they change before each test.
 */
export function cliHarness(prefix: string, now = '2025-06-20T09:00:00Z') {
  const state = { dir: '', env: {} as Record<string, string> };
  beforeEach(() => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    state.env = { SQLITE_PATH: join(state.dir, 'store.db') };
  });
  afterEach(() => {
    rmSync(state.dir, { recursive: true, force: true });
  });
  async function run(...argv: string[]): Promise<CliRun> {
    let out = '';
    let err = '';
    const code = await runCli(argv, state.env, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, fixedClock(now));
    return { code, out, err };
  }
  return { state, run };
}
