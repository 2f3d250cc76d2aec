import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { IntegrityReport } from '../../core/assurance/integrity-report.js';
import { openSqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import { cliHarness } from '../support/cli-harness.js';
import { seedFiles } from '../support/seeds.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/plans/row-per-line.txt');

const { state, run } = cliHarness('followthrough-cli-');

describe('followthrough import', () => {
  it('--dry-run --json prints the plan in the documented shape and writes nothing', async () => {
    const result = await run('import', FIXTURE, '--dry-run', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as { plan: { title: string; references: string[] }; recommendations: { number: string; actions: Record<string, unknown>[] }[]; warnings: unknown[] };
    expect(json.plan.references).toEqual(['StEIS ref 2024 55501']);
    expect(json.recommendations[0]?.actions[0]).toMatchObject({
      ref: null,
      text: 'Audit discharge letters for every ward each quarter.',
      leads: ['Head of Clinical Systems'],
      due: { text: 'Q2 2025', date: '2025-09-30', precision: 'quarter' },
      status: 'in-progress',
    });
    expect(json.warnings).toContainEqual(expect.objectContaining({ line: 20 }));
    expect((await run('plans', '--json')).out.trim()).toBe('[]');
  });

  it('writes the plan and prints its id; a second import of it is refused until --replace or --as-new', async () => {
    const first = await run('import', FIXTURE);
    const id = first.out.trim();
    expect(first.code).toBe(0);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const again = await run('import', FIXTURE);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/looks like one already imported: .*--replace.*--as-new/);

    const replaced = await run('import', FIXTURE, '--replace');
    expect(replaced.out.trim()).toBe(id);
    const copy = await run('import', FIXTURE, '--as-new');
    expect(copy.out.trim()).not.toBe(id);
    const plans = JSON.parse((await run('plans', '--json')).out) as { id: string; recommendations: number; actions: number }[];
    expect(plans.map((p) => [p.recommendations, p.actions])).toEqual([[3, 3], [3, 3]]);

    // The trail says the CLI did it, from which file.
    const store = openSqlitePlanStore({ path: state.env.SQLITE_PATH ?? '' });
    const trail = await store.listAudit({ planId: id });
    await store.close();
    expect(trail.map((entry) => [entry.source, entry.summary])).toEqual([
      ['cli', 'Imported from row-per-line.txt'],
      ['cli', 'Replaced by an import of row-per-line.txt'],
    ]);
  });

  it.each([
    ['a missing file', 'missing.txt', null, /missing\.txt/],
    ['an empty file', 'empty.txt', '', /empty/i],
    ['a corrupt Word file', 'broken.docx', 'PK\u0003\u0004 not really a zip', /broken\.docx/],
    ['a PDF', 'plan.pdf', '%PDF-1.7 binary', /plan\.pdf.*(DOCX|text)/i],
    ['text with no plan table', 'notes.txt', 'Just some minutes of a meeting.', /no action-plan table/],
  ])('fails with one clear line and a non-zero exit for %s', async (_what, name, content, message) => {
    const path = join(state.dir, name);
    if (content !== null) writeFileSync(path, content);
    const result = await run('import', path, '--dry-run', '--json');
    expect(result.code).not.toBe(0);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
  });
});

describe('followthrough show and export', () => {
  it('show summarises status, RAG, overdue and due-soon as of today', async () => {
    await run('import', FIXTURE);
    const result = await run('show', 'StEIS ref 2024 55501');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Due within 14 days (1):');
    expect(result.out).toMatch(/2\s+in 10 day\(s\) \(30\/06\/2025\)/);
    expect(result.out).toContain('Status: in-progress 1, not-started 1, unknown 1');
  });

  it('export --json imports back as the same plan', async () => {
    await run('import', FIXTURE);
    const exported = await run('export', 'review of care', '--json');
    const file = join(state.dir, 'export.json');
    writeFileSync(file, exported.out);
    const reimported = await run('import', file, '--dry-run', '--json');
    expect(reimported.code).toBe(0);
    const a = JSON.parse(exported.out) as { plan: unknown; recommendations: unknown };
    const b = JSON.parse(reimported.out) as { plan: unknown; recommendations: unknown };
    expect(b.recommendations).toEqual(a.recommendations);
    expect(b.plan).toEqual(a.plan);
  });

  it('names a plan that cannot be found', async () => {
    const result = await run('show', 'nothing-like-this');
    expect(result.code).toBe(1);
    expect(result.err).toContain('No plan matches "nothing-like-this"');
  });
});

describe('followthrough check', () => {
  const seed003 = seedFiles().find((seed) => seed.id === '003');

  it('seed 003 (the wrong plan on the case): its unled and undated actions are errors, exit 1', async () => {
    // The seeds sit beside the repository (README); their absence is a failure, not a skip.
    if (seed003 === undefined) throw new Error('seed 003 not found in ../shared/seeds');
    await run('import', seed003.path);
    const result = await run('check', 'StEIS Reference: 2017/15440');
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/✗ error +Action 4: no lead role is named\. {2}\[action-without-lead\]/);
    expect(result.out).toMatch(/✗ error +Action 4: no due date\. {2}\[action-without-due-date\]/);
    expect(result.out).toContain('the lead role "Quality Leads" is not given to anyone in Followthrough.');
    expect(result.out).toMatch(/\d+ days overdue .* with no update since\./);
    expect(result.out.trim().split('\n').at(-1)).toMatch(/^\d+ errors, \d+ warnings\.$/);
  });

  it('the demo plan, its roles held: no errors, the overdue action a warning, exit 0', async () => {
    await run('demo');
    const result = await run('check', 'Demo');
    expect(result.code).toBe(0);
    expect(result.out).toContain('! warning  Action 1 a: 5 days overdue (due 15/06/2025) with no update since.  [overdue-without-update]');
    expect(result.out).toContain('0 errors, 1 warning.');
  });

  it('--json prints the report in the contract\'s shape; a plan sharing a reference is flagged both ways', async () => {
    const first = (await run('import', FIXTURE)).out.trim();
    const second = (await run('import', FIXTURE, '--as-new')).out.trim();
    const result = await run('check', first, '--json');
    const report = IntegrityReport.parse(JSON.parse(result.out));
    expect(report).toMatchObject({ planId: first, checkedOn: '2025-06-20' });
    expect(report.findings[0]).toEqual({
      code: 'similar-plan', severity: 'warning', label: null, recommendationId: null, actionId: null,
      message: `This plan shares reference "StEIS ref 2024 55501" with plan "Action plan following the independent review of care provided to Mr A" (${second.slice(0, 8)}).`,
    });
    expect(report.counts.errors).toBeGreaterThan(0);
    expect(result.code).toBe(1);
    expect(IntegrityReport.parse(JSON.parse((await run('check', second, '--json')).out)).findings[0]?.message).toContain(`(${first.slice(0, 8)})`);
  });

  it.each([
    ['no plan', ['check'], 2, /Usage: followthrough check <plan>/],
    ['an unknown option', ['check', 'x', '--fix'], 2, /--fix/],
    ['a plan that is not there', ['check', 'nothing-like-this'], 1, /No plan matches "nothing-like-this"/],
  ])('%s: one line on stderr, exit %i', async (_what, argv, code, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
  });
});

describe('followthrough configuration and usage', () => {
  it('refuses to start with a bad setting and names it', async () => {
    state.env.TIME_ZONE = 'Mars/Olympus';
    const result = await run('plans');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/TIME_ZONE="Mars\/Olympus"/);
  });

  it('rejects unknown options with a usage exit code', async () => {
    const result = await run('plans', '--colour');
    expect(result.code).toBe(2);
  });

  it('demo loads the demo plan dated around today', async () => {
    const result = await run('demo');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Overdue (1):');
    expect(result.out).toContain('due today');
  });
});

describe('the built bin (what `npx followthrough` runs)', () => {
  it('imports every seed with --dry-run --json, exit 0, JSON on stdout', async () => {
    const bin = join(ROOT, 'dist/cli/main.js');
    for (const seed of seedFiles()) {
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'import', seed.path, '--dry-run', '--json'], {
        env: { ...process.env, SQLITE_PATH: join(state.dir, 'bin.db') },
        maxBuffer: 16 * 1024 * 1024,
      });
      const json = JSON.parse(stdout) as { recommendations: unknown[] };
      expect(json.recommendations.length).toBeGreaterThan(0);
    }
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
