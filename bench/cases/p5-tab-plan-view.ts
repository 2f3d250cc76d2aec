import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { systemClock, todayIn } from '../../app/clock.js';
import { DEMO_USER } from '../../app/demo.js';
import { createLogger } from '../../app/logger.js';
import { type RunningBot, startBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import { DEMO_LEAD_ROLE } from '../../core/demo/demo-plan.js';
import type { PlanDraft } from '../../core/model/index.js';
import { openSqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import { launchChromium } from '../../test/support/browser.js';
import type { PageGlobals } from '../../test/support/page-globals.js';
import { check, count, type CorrectnessCase, type CorrectnessRow } from '../lib/correctness-case.js';
import { percentile } from '../lib/measure.js';
import { addDays, syntheticDraft } from '../lib/synthetic-draft.js';
import { ratio } from '../lib/table.js';

/**
 * P5 — the tab's plan view with 500 actions, in headless Chromium against `npm start`'s local
 * mode (the built front end from dist/tab, SQLite, the dev identity of a returning visitor).
 *
 * - interactive: from navigation start until every row is on the page and the "Overdue only"
 *   filter is enabled (read in the page, every animation frame), median of RUNS fresh browser
 *   contexts (cold HTTP cache); then one click on the filter, timed until the list has changed.
 * - calls: the requests the page makes to /api/ — the plan view must need one.
 * - JavaScript: gzip of every script the page loaded, ours (our chunks, the core schemas
 *   included) apart from libraries (chunks named `vendor-*`).
 * Beside it, in the same browser and turns: the same 500 rows as a plain server-rendered HTML
 * list (no script) — the floor any page showing them has — for a ratio.
 */
const ACTIONS = 500;
const RUNS = 7;
const TARGET_MS = 1_500;
const TARGET_OWN_KB = 300;
const TAB_DIR = resolve(import.meta.dirname, '../../dist/tab');

interface Visit {
  interactiveMs: number;
  filterMs: number;
  apiCalls: string[];
  scripts: string[];
}

function plan(today: string): PlanDraft {
  const draft = syntheticDraft({
    title: 'Five hundred actions',
    recommendations: 50,
    actionsPerRecommendation: 10,
    // A spread around today: overdue, due soon, later, undated, a few complete.
    action: (index) => ({ due: index % 9 === 0 ? null : addDays(today, (index % 60) - 20), status: index % 11 === 0 ? 'complete' : 'in-progress' }),
  });
  for (const rec of draft.recommendations) for (const action of rec.actions) action.leads = [DEMO_LEAD_ROLE];
  return draft;
}

/** The same rows as plain HTML: what showing 500 actions costs a browser with no app at all. */
function staticPage(draft: PlanDraft): string {
  const rows = draft.recommendations.flatMap((rec) => [
    `<h2>Recommendation ${rec.number ?? ''}</h2><p>${rec.text}</p>`,
    ...rec.actions.map((action) => `<div><b>${rec.number ?? ''}${action.ref ?? ''}</b> ${action.text}<br><span>${action.status}</span> <span>${action.due?.text ?? 'No date'}</span> <span>Lead: ${action.leads.join(', ')}</span><br><small>No updates yet</small></div>`),
  ]);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Plain</title></head><body><main><h1>${draft.plan.title}</h1><label><input type="checkbox" id="overdue"> Overdue only</label>${rows.join('')}<p id="end">end</p></main></body></html>`;
}

async function serveStatic(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${String(address.port)}/`, server };
}

async function visitTab(browser: Browser, url: string, planId: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // A returning visitor: local mode's choice of person is remembered, as after a first visit.
  await context.addInitScript((person) => { (globalThis as unknown as PageGlobals).localStorage.setItem('followthrough.actAs', JSON.stringify(person)); }, { aadObjectId: DEMO_USER.aadObjectId, displayName: DEMO_USER.displayName });
  const page = await context.newPage();
  const apiCalls: string[] = [];
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) apiCalls.push(`${request.method()} ${path}`);
    if (request.resourceType() === 'script') scripts.push(basename(path));
  });
  try {
    await page.goto(`${url}/tab/plans/${planId}?theme=light`, { waitUntil: 'commit' });
    const interactiveMs = await page.waitForFunction(
      (total) => {
        const { document } = globalThis as unknown as PageGlobals;
        const shown = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
        const box = document.querySelector('input[type="checkbox"]');
        return shown.includes(`all ${String(total)} actions`) && box !== null && !box.disabled ? performance.now() : false;
      },
      ACTIONS,
      { polling: 'raf', timeout: 30_000 },
    );
    const interactive = Number(await interactiveMs.jsonValue());
    const filterMs = await timeFilter(page);
    return { interactiveMs: interactive, filterMs, apiCalls, scripts };
  } finally {
    await context.close();
  }
}

/** One click on "Overdue only", until the count says fewer than all. */
async function timeFilter(page: Page): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('checkbox', { name: 'Overdue only' }).check();
  const done = await page.waitForFunction((total) => {
    const { document } = globalThis as unknown as PageGlobals;
    const shown = document.querySelector('[data-testid="result-count"]')?.textContent ?? '';
    return shown !== '' && !shown.includes(`all ${String(total)}`) ? performance.now() : false;
  }, ACTIONS, { polling: 'raf', timeout: 10_000 });
  return Number(await done.jsonValue()) - start;
}

async function visitStatic(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const at = await page.waitForFunction(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return document.getElementById('end') !== null && document.readyState !== 'loading' ? performance.now() : false;
    }, undefined, { polling: 'raf', timeout: 30_000 });
    return Number(await at.jsonValue());
  } finally {
    await context.close();
  }
}

function gzipKb(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(TAB_DIR, 'assets', file))).length, 0) / 1024;
}

const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 50);

export const p5TabPlanView: CorrectnessCase = {
  id: 'p5-tab-plan-view',
  label: `P5 the tab's plan view, ${String(ACTIONS)} actions`,
  async run(progress) {
    const dir = mkdtempSync(join(tmpdir(), 'followthrough-bench-p5-'));
    const path = join(dir, 'p5.db');
    const store = openSqlitePlanStore({ path });
    let bot: RunningBot | null = null;
    let browser: Browser | null = null;
    let plain: Server | null = null;
    try {
      readFileSync(join(TAB_DIR, 'index.html'));
      const config = loadConfig({ SQLITE_PATH: path, LOG_LEVEL: 'warn', PLAYGROUND: 'off', REMINDER_SWEEP_SECONDS: '3600' });
      const draft = plan(todayIn(systemClock, config.TIME_ZONE));
      const planId = await store.savePlan(draft, { now: new Date().toISOString() });
      bot = await startBot(config, { port: 0, playground: false, store, clock: systemClock, log: createLogger('warn', () => undefined) });
      const served = await serveStatic(staticPage(draft));
      plain = served.server;
      browser = await launchChromium();
      progress(`P5: warming up, then ${String(RUNS)} visits to each page in turns`);
      await visitTab(browser, bot.url, planId);
      await visitStatic(browser, served.url);
      const visits: Visit[] = [];
      const floors: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        visits.push(await visitTab(browser, bot.url, planId));
        floors.push(await visitStatic(browser, served.url));
      }
      return judge(visits, floors);
    } finally {
      await browser?.close();
      await bot?.stop();
      await new Promise<void>((done) => { if (plain) plain.close(() => { done(); }); else done(); });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function judge(visits: readonly Visit[], floors: readonly number[]) {
  const interactive = median(visits.map((visit) => visit.interactiveMs));
  const filter = median(visits.map((visit) => visit.filterMs));
  const floor = median(floors);
  const calls = Math.max(...visits.map((visit) => visit.apiCalls.length));
  const scripts = [...new Set(visits.flatMap((visit) => visit.scripts))];
  const vendor = scripts.filter((file) => file.startsWith('vendor-'));
  const ours = scripts.filter((file) => !file.startsWith('vendor-'));
  const ownKb = gzipKb(ours);
  const vendorKb = gzipKb(vendor);
  const met = interactive <= TARGET_MS && calls === 1 && ownKb <= TARGET_OWN_KB;
  const row: CorrectnessRow = {
    case: `P5 plan view, ${String(ACTIONS)} actions (headless Chromium)`,
    store: 'sqlite',
    measured: `interactive ${interactive.toFixed(0)} ms (plain HTML ${floor.toFixed(0)} ms); ${String(calls)} API call; our JS ${ownKb.toFixed(1)} KB gz (+ libraries ${vendorKb.toFixed(1)} KB)`,
    target: `≤ ${count(TARGET_MS)} ms, 1 call, our JS ≤ ${String(TARGET_OWN_KB)} KB gz`,
    result: `${met ? 'met' : 'not met'}; ${ratio(interactive / floor)} the plain page; filter ${filter.toFixed(0)} ms`,
    retries: '-',
    timeMs: interactive,
    figures: { actions: ACTIONS, runs: visits.length, interactiveMs: interactive, plainHtmlMs: floor, ratioToPlain: interactive / floor, filterMs: filter, apiCalls: calls, ownJsKbGzip: ownKb, vendorJsKbGzip: vendorKb, met },
  };
  check(visits.every((visit) => visit.apiCalls.length === 1 && visit.apiCalls[0]?.startsWith('GET /api/plans/') === true), `P5: the plan view made these API calls: ${JSON.stringify(visits.map((visit) => visit.apiCalls))}`);
  const notes = [
    `P5: median of ${String(visits.length)} visits, each in a fresh browser context (cold cache), after one warm-up; interactive = every one of the ${String(ACTIONS)} rows on the page and the filters enabled, read in the page each animation frame from navigation start. Runs: ${visits.map((visit) => visit.interactiveMs.toFixed(0)).join(', ')} ms; plain HTML: ${floors.map((value) => value.toFixed(0)).join(', ')} ms.`,
    `  scripts loaded: ours ${ours.join(', ')}; libraries ${vendor.join(', ')}. API calls per visit: ${[...new Set(visits.map((visit) => visit.apiCalls.join(' + ')))].join(' | ')}.`,
  ];
  return { rows: [row], notes };
}
