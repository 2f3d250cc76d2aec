import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.js';
import { runCli } from '../../cli/run-cli.js';
import { type GraphFake, startGraphFake } from '../fakes/graph/index.js';

/** The whole app on the SharePoint path with no tenant: STORE=sharepoint pointed at the Graph fake. */
const FIXTURE = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/plans/cell-per-line.txt');
const SITE = 'https://contoso.sharepoint.com/sites/quality';

let fake: GraphFake;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await startGraphFake();
  env = { STORE: 'sharepoint', GRAPH_BASE_URL: fake.url, SHAREPOINT_SITE: SITE };
});
afterEach(async () => {
  await fake.close();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, env, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, fixedClock('2024-01-10T09:00:00Z'));
  return { code, out, err };
}

describe('the CLI on SharePoint lists (through the Graph fake)', () => {
  it('provisions, then says there is nothing to change', async () => {
    const first = await run('provision', '--site', SITE);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Followthrough Actions: was created');
    const second = await run('provision', '--site', SITE);
    expect(second.out).toContain('Nothing to change.');
  });

  it('--dry-run reports what would be created and creates nothing', async () => {
    const dry = await run('provision', '--site', SITE, '--dry-run', '--json');
    expect((JSON.parse(dry.out) as { changed: boolean }).changed).toBe(true);
    expect((await run('provision', '--site', SITE, '--json')).code).toBe(0);
  });

  it('imports a plan into the lists and shows it back', async () => {
    await run('provision', '--site', SITE);
    const imported = await run('import', FIXTURE);
    expect(imported.code).toBe(0);
    const shown = await run('show', 'StEIS 2023/4410');
    expect(shown.out).toContain('2 recommendations, 3 actions');
    expect(shown.out).toContain('Overdue (1):');
  });

  it('runs the demo on SharePoint', async () => {
    await run('provision', '--site', SITE);
    const demo = await run('demo');
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('due today');
  });

  it('names the missing setting when Graph is not the local fake', async () => {
    env = { STORE: 'sharepoint', SHAREPOINT_SITE: SITE };
    const result = await run('plans');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/AZURE_TENANT_ID: required when STORE=sharepoint/);
  });
});
