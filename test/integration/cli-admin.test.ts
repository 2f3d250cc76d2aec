import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.js';
import { composeApp } from '../../app/compose.js';
import { runCli } from '../../cli/run-cli.js';
import { loadConfig } from '../../config/config.js';
import { Role } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { DEFAULT_SITE, type GraphFake, startGraphFake } from '../fakes/graph/index.js';

/**
 * The admin's commands — who holds a role, and deleting a plan — on both stores: SQLite in a
 * temporary folder, and SharePoint lists through the Graph fake (the CLI sees only the port).
 */
const NOW = '2025-06-20T09:00:00Z';
const FIXTURE = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/plans/row-per-line.txt');
const SITE = 'https://contoso.sharepoint.com/sites/quality';
const JANE = '5b3f1a27-8c64-4d0e-9f12-6a7b8c9d0e1f';
const SAM = '0e9d8c7b-6a5f-4e3d-9c1b-0a9f8e7d6c5b';
const PAT = 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f';

interface Mode {
  env: Record<string, string>;
  /** SharePoint only: the items a list holds for a plan, read from the fake itself, not through the store. */
  leftovers: (planId: string) => number | null;
  /** SharePoint only: the items in the Roles list. */
  roleItems: () => number | null;
  close: () => Promise<void>;
}

function sqliteMode(): Promise<Mode> {
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-admin-'));
  return Promise.resolve({
    env: { SQLITE_PATH: join(dir, 'store.db') },
    leftovers: () => null,
    roleItems: () => null,
    close: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  });
}

const PLAN_LISTS = ['Recommendations', 'Actions', 'Updates', 'Reminders', 'Measures', 'Audit'].map((name) => `Followthrough ${name}`);

async function sharePointMode(): Promise<Mode> {
  const fake: GraphFake = await startGraphFake();
  const env = { STORE: 'sharepoint', GRAPH_BASE_URL: fake.url, SHAREPOINT_SITE: SITE };
  expect((await cli(env, 'provision', '--site', SITE)).code).toBe(0);
  return {
    env,
    leftovers: (planId) => PLAN_LISTS.flatMap((list) => fake.items(DEFAULT_SITE.id, list)).filter((item) => item.fields.FtPlanId === planId).length,
    roleItems: () => fake.items(DEFAULT_SITE.id, 'Followthrough Roles').length,
    close: () => fake.close(),
  };
}

async function cli(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, env, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, fixedClock(NOW));
  return { code, out, err };
}

/** The same store the CLI opens, for seeding and for checking what is left. */
async function withStore<T>(env: Record<string, string>, use: (store: PlanStore) => Promise<T>): Promise<T> {
  const app = await composeApp(loadConfig(env), { clock: fixedClock(NOW) });
  try {
    return await use(app.store);
  } finally {
    await app.store.close();
  }
}

describe.each([
  ['SQLite', sqliteMode],
  ['SharePoint through the Graph fake', sharePointMode],
])('admin commands on %s', (_name, open) => {
  let mode: Mode;
  const run = (...argv: string[]) => cli(mode.env, ...argv);
  beforeEach(async () => {
    mode = await open();
  });
  afterEach(async () => {
    await mode.close();
  });

  it('roles set creates a role, finds it again by any spelling, moves and renames people, and says what changed', async () => {
    expect((await run('roles')).out).toContain('No roles yet.');

    const created = await run('roles', 'set', 'Director of Nursing', '--holder', `${JANE}=Jane Smith`, '--deputy', SAM);
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(created.out.trim().split('\n')).toEqual([
      'Created role "Director of Nursing":',
      `  added holder Jane Smith (${JANE})`,
      `  added deputy ${SAM}`,
      `Held by Jane Smith (${JANE}); deputies ${SAM}.`,
    ]);

    const changed = await run('roles', 'set', 'director of  NURSING', '--holder', `${SAM.toUpperCase()}=Sam Jones`);
    expect(changed.out.trim().split('\n')).toEqual([
      'Changed role "Director of Nursing":',
      `  Sam Jones (${SAM}): deputy → holder`,
      `  renamed ${SAM} → Sam Jones (${SAM})`,
      `Held by Jane Smith (${JANE}), Sam Jones (${SAM}).`,
    ]);

    const again = await run('roles', 'set', 'Director of Nursing', '--holder', JANE);
    expect(again.out).toContain('Role "Director of Nursing": nothing changed.');

    const roles = Role.array().parse(JSON.parse((await run('roles', '--json')).out));
    expect(roles.map((role) => [role.name, role.key, role.holders, role.deputies])).toEqual([
      ['Director of Nursing', 'director of nursing', [{ aadObjectId: JANE, displayName: 'Jane Smith' }, { aadObjectId: SAM, displayName: 'Sam Jones' }], []],
    ]);
    expect(await withStore(mode.env, (store) => store.findRole('DIRECTOR OF NURSING'))).toMatchObject({ holders: roles[0]?.holders });
    expect(mode.roleItems()).toBeOneOf([null, 1]);
  });

  it('--replace keeps exactly the people given; roles remove takes someone off, holder or deputy', async () => {
    await run('roles', 'set', 'Caldicott Guardian', '--holder', `${JANE}=Jane Smith`, '--deputy', `${SAM}=Sam Jones`);
    const replaced = await run('roles', 'set', 'Caldicott Guardian', '--replace', '--holder', `${PAT}=Pat Lee`, '--deputy', SAM);
    expect(replaced.out.trim().split('\n')).toEqual([
      'Changed role "Caldicott Guardian":',
      `  added holder Pat Lee (${PAT})`,
      `  removed holder Jane Smith (${JANE})`,
      `Held by Pat Lee (${PAT}); deputies Sam Jones (${SAM}).`,
    ]);

    const removed = await run('roles', 'remove', 'caldicott guardian', '--person', PAT);
    expect(removed.out.trim().split('\n')).toEqual([
      'Changed role "Caldicott Guardian":',
      `  removed holder Pat Lee (${PAT})`,
      `Nobody holds it: its deputies (Sam Jones (${SAM})) get its reminders.`,
    ]);
    await run('roles', 'remove', 'Caldicott Guardian', '--person', SAM);
    expect((await run('roles')).out.trim().split('\n')).toEqual(['Caldicott Guardian', '  (nobody)', '1 role.']);

    const notThere = await run('roles', 'remove', 'Caldicott Guardian', '--person', JANE);
    expect(notThere).toMatchObject({ code: 1, out: '' });
    expect(notThere.err).toContain(`"${JANE}" is neither a holder nor a deputy of "Caldicott Guardian"`);
  });

  it('a role given by the command is the one the plan\'s checks look up', async () => {
    const plan = (await run('import', FIXTURE)).out.trim();
    const unheld = 'the lead role "Head of Clinical Systems" is not given to anyone';
    expect((await run('check', plan)).out).toContain(unheld);
    await run('roles', 'set', 'head of clinical systems', '--holder', `${JANE}=Jane Smith`);
    expect((await run('check', plan)).out).not.toContain(unheld);
  });

  it('delete without --yes counts what would go and exits 2; with --yes it all goes and the roles stay', async () => {
    await run('demo');
    const planId = (JSON.parse((await run('plans', '--json')).out) as { id: string }[])[0]?.id ?? '';
    await withStore(mode.env, async (store) => {
      const actionId = (await store.getPlan(planId))?.recommendations[0]?.actions[0]?.id ?? '';
      await store.addUpdate({ actionId, planId, at: NOW, author: { aadObjectId: JANE, displayName: 'Jane Smith' }, source: 'tab', note: 'Started.' });
      await store.planReminder({ key: 'demo-reminder', planId, actionId, recipient: JANE, kind: 'due', dueDate: '2025-06-20', plannedFor: NOW });
    });

    const dry = await run('delete', 'Demo');
    expect(dry.code).toBe(2);
    expect(dry.err.trim()).toBe('followthrough: add --yes to delete it.');
    expect(dry.out).toMatch(new RegExp(`^Would delete plan "Demo: .*" \\(id ${planId}\\) with 3 recommendations, 6 actions, 1 update, \\d+ audit entries, 2 measures, 1 reminder\\.`));
    expect(dry.out).toContain(`followthrough export ${planId.slice(0, 8)} --json > plan.json`);
    expect((await run('plans', '--json')).out).toContain(planId);

    expect(mode.leftovers(planId)).not.toBe(0);
    const deleted = await run('delete', planId.slice(0, 8), '--yes');
    expect(deleted).toMatchObject({ code: 0, err: '' });
    expect(deleted.out).toMatch(new RegExp(`^Deleted plan "Demo: .*" \\(id ${planId}\\) with 3 recommendations, 6 actions, 1 update, \\d+ audit entries, 2 measures, 1 reminder\\.\nRoles and people's chat connections are kept`));
    const left = await withStore(mode.env, async (store) => ({
      plans: (await store.listPlans()).length,
      audit: (await store.listAudit({ planId })).length,
      measures: (await store.listMeasures(planId)).length,
      reminders: (await store.listReminders({ planId })).length,
      roles: (await store.listRoles()).length,
    }));
    expect(left).toEqual({ plans: 0, audit: 0, measures: 0, reminders: 0, roles: 3 });
    expect(mode.leftovers(planId)).toBeOneOf([null, 0]);
  });
});

describe('admin commands: wrong input', () => {
  let mode: Mode;
  beforeEach(async () => {
    mode = await sqliteMode();
  });
  afterEach(async () => {
    await mode.close();
  });

  it.each([
    ['an email for an object id', 2, ['roles', 'set', 'Director', '--holder', 'jane.smith@nhs.net'], /--holder "jane\.smith@nhs\.net": "jane\.smith@nhs\.net" is not an Entra object id/],
    ['a short id with a name', 2, ['roles', 'set', 'Director', '--deputy', '5b3f1a27=Jane'], /--deputy "5b3f1a27=Jane": "5b3f1a27" is not an Entra object id/],
    ['no one to add', 2, ['roles', 'set', 'Director'], /Name at least one person/],
    ['no role name', 2, ['roles', 'set', '--holder', JANE], /Usage: followthrough roles set "<role name>"/],
    ['a role name of punctuation', 2, ['roles', 'set', '***', '--holder', JANE], /"\*\*\*" is not a role name/],
    ['one person in two places', 2, ['roles', 'set', 'Director', '--holder', JANE, '--deputy', JANE.toUpperCase()], /named more than once/],
    ['an unknown roles command', 2, ['roles', 'add', 'Director'], /Unknown roles command "add Director"/],
    ['an option of another roles command', 2, ['roles', 'set', 'Director', '--holder', JANE, '--person', SAM], /--person/],
    ['remove with nobody named', 2, ['roles', 'remove', 'Director'], /Name the person to take off/],
    ['remove from a role that is not there', 1, ['roles', 'remove', 'Director', '--person', JANE], /No role matches "Director"/],
    ['delete with no plan', 2, ['delete', '--yes'], /Usage: followthrough delete <plan> --yes/],
    ['delete of a plan that is not there', 1, ['delete', 'nothing-like-this', '--yes'], /No plan matches "nothing-like-this"/],
  ])('%s: one line on stderr, exit %i, nothing written', async (_what, code, argv, message) => {
    const result = await cli(mode.env, ...argv);
    expect(result.code).toBe(code);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
    expect((await cli(mode.env, 'roles')).out).toContain('No roles yet.');
  });

  it('the help names every admin command and option', async () => {
    const help = await cli(mode.env, 'help');
    for (const text of ['followthrough roles [--json]', 'followthrough roles set', '--holder', '--deputy', '--replace', 'followthrough roles remove', '--person', 'followthrough delete <plan> --yes', 'audit trail, measures and reminders']) {
      expect(help.out).toContain(text);
    }
  });
});
