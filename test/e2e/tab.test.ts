import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../app/demo.js';
import { memoryLogger } from '../../app/logger.js';
import { type RunningBot, startBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import type { Action } from '../../core/model/index.js';
import { startConnectorFake, type ConnectorFake } from '../fakes/connector/index.js';
import { seriousViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import type { PageGlobals } from '../support/page-globals.js';
import { messageActivity } from '../support/teams-activities.js';

/**
 * The tab end to end, as a manager and a lead would use it: `npm start`'s local mode (the built
 * front end served under /tab, the demo plan in SQLite, the dev identity "Alex Wilber" who leads
 * the demo actions), driven by headless Chromium. Open the plan, filter to overdue, open an action,
 * post an update, see it in the timeline and on the dashboard, then ask the bot "my actions" and
 * see the same change. Every page is scanned with axe-core; screenshots in light and dark themes go
 * to test-output/e2e-tab/ for people to look at.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-output/e2e-tab');
const NOTE = `Re-audit booked with the records team; the sample is blocked on EPR access (${String(Date.now())})`;
const OVERDUE_TEXT = 'Audit a sample of community caseloads';

let dir: string;
let bot: RunningBot;
let browser: Browser;
let page: Page;
let planId: string;
let overdue: Action;
let connector: ConnectorFake;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'followthrough-e2e-tab-'));
  connector = await startConnectorFake();
  const config = loadConfig({ SQLITE_PATH: join(dir, 'e2e.db'), PLAYGROUND: 'off', REMINDER_SWEEP_SECONDS: '3600' });
  bot = await startBot(config, { port: await freePort(), playground: false, log: memoryLogger() });
  const [summary] = await bot.app.store.listPlans();
  if (!summary) throw new Error('local mode loaded no demo plan');
  planId = summary.id;
  const tree = await bot.app.store.getPlan(planId);
  const found = tree?.recommendations.flatMap((rec) => rec.actions).find((action) => action.text.startsWith(OVERDUE_TEXT));
  if (!found) throw new Error('the demo plan has no overdue audit action');
  overdue = found;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await bot.stop();
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the tab in a plain browser (local mode)', () => {
  it('opens the plan as the demo lead and filters it to the overdue actions', async () => {
    await page.goto(`${bot.url}/tab/plans/${planId}?theme=light`);
    const count = page.getByTestId('result-count');
    await count.waitFor({ timeout: 20_000 });
    await expect.poll(() => count.textContent()).toMatch(/Showing all 6 actions/);
    await expect.poll(() => page.getByRole('combobox', { name: 'Act as' }).textContent()).toContain(DEMO_USER.displayName);
    await shot('1-plan-light');
    expect(await seriousViolations(page)).toEqual([]);

    // The plan's own wording of the date, on hover (and on focus, for the keyboard).
    await page.getByText('Overdue by 5 days').hover();
    await expect.poll(() => page.getByTestId('due-tooltip').textContent()).toContain(overdue.due?.text ?? '?');

    // Keyboard only: Tab to the filter, Space to turn it on.
    const filter = page.getByRole('checkbox', { name: 'Overdue only' });
    await page.getByRole('searchbox', { name: 'Search' }).focus();
    const focused = (): Promise<boolean> => filter.evaluate((element) => element === (globalThis as unknown as PageGlobals).document.activeElement);
    for (let presses = 0; presses < 20 && !(await focused()); presses++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await expect.poll(() => count.textContent()).toMatch(/Showing 1 of 6 actions/);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(OVERDUE_TEXT) }).count()).toBe(1);
    await shot('2-plan-overdue-only');
  }, 40_000);

  it('opens the overdue action, takes an update with the card\'s rules, and shows it in the timeline', async () => {
    // Opened from the keyboard too: focus the link, Enter.
    await page.getByRole('link', { name: new RegExp(OVERDUE_TEXT) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Post an update' }).waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`/tab/actions/${overdue.id}`);

    // The card's rule, in the browser: a moved date needs its reason.
    await page.getByLabel('What has happened since the last update?').fill(NOTE);
    await page.getByLabel('Status').selectOption('blocked');
    await page.getByLabel('Revised due date').fill('2099-03-31');
    await page.getByRole('button', { name: 'Submit update' }).click();
    await expect.poll(() => page.getByText(/reason/i).count()).toBeGreaterThan(0);
    expect((await bot.app.store.listUpdates(overdue.id)).filter((u) => u.note === NOTE)).toEqual([]);

    await page.getByLabel('Reason for the new date').fill('Waiting for EPR access for the audit team');
    await page.getByRole('button', { name: 'Submit update' }).click();
    await page.getByText('Your update was recorded.').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(NOTE);
    await shot('3-action-updated');
    expect(await seriousViolations(page)).toEqual([]);

    const recorded = (await bot.app.store.listUpdates(overdue.id)).filter((u) => u.note === NOTE);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ source: 'tab', status: 'blocked', revisedDue: { date: '2099-03-31' }, author: { aadObjectId: DEMO_USER.aadObjectId } });
    expect(await bot.app.store.getAction(overdue.id)).toMatchObject({ status: 'blocked', revisions: [expect.objectContaining({ date: '2099-03-31' })] });
  }, 40_000);

  it('shows the change on the dashboard: one blocked, nothing overdue any more', async () => {
    await page.goto(`${bot.url}/tab/plans/${planId}/dashboard?theme=dark`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Overdue (0)' }).waitFor({ timeout: 15_000 });
    const byStatus = page.getByRole('region', { name: 'By status' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'By status' }) }));
    await expect.poll(() => byStatus.first().textContent()).toMatch(/Blocked\D*1/);
    await page.getByRole('heading', { name: 'Completion over time' }).waitFor();
    // The chart is its own lazily loaded chunk: the shot should show it, not its spinner.
    await page.getByText('Loading the chart').waitFor({ state: 'detached', timeout: 15_000 });
    await shot('4-dashboard-dark');
    expect(await seriousViolations(page)).toEqual([]);
  }, 40_000);

  it('shows the plan in the dark theme as well, and runs its checks only when asked', async () => {
    const checkCalls: string[] = [];
    const onRequest = (request: { url(): string }): void => {
      if (request.url().endsWith('/checks')) checkCalls.push(request.url());
    };
    page.on('request', onRequest);
    await page.goto(`${bot.url}/tab/plans/${planId}?theme=dark`);
    await page.getByTestId('result-count').waitFor({ timeout: 15_000 });
    await shot('5-plan-dark');
    expect(await seriousViolations(page)).toEqual([]);
    // The plan page stays one call (benchmark P5): the checks load on the button, once.
    expect(checkCalls).toEqual([]);
    await page.getByRole('button', { name: 'Run the integrity checks' }).click();
    // The overdue action was updated above and its role is held: nothing to report.
    await page.getByText('No problems found.').waitFor({ timeout: 15_000 });
    expect(checkCalls).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
    page.off('request', onRequest);
  }, 30_000);

  it('lists the lead\'s own actions, and is readable at Teams\' narrowest width', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${bot.url}/tab/my-actions?theme=light`);
    await page.getByRole('button', { name: /^Update for action/ }).first().waitFor({ timeout: 15_000 });
    expect(
      await page.evaluate(() => {
        const { document, innerWidth } = globalThis as unknown as PageGlobals;
        return document.documentElement.scrollWidth <= innerWidth;
      }),
    ).toBe(true);
    await shot('6-my-actions-narrow');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 30_000);

  it('the bot\'s "my actions" shows the same change', async () => {
    const conversationId = `a:e2e-tab-${String(Date.now())}`;
    const activity = { ...messageActivity(DEMO_USER, 'my actions', { serviceUrl: connector.url }), conversation: { id: conversationId, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' } };
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBeLessThan(300);
    await expect.poll(() => connector.activities(conversationId).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const digest = JSON.stringify(connector.activities(conversationId).map((entry) => entry.activity));
    expect(digest).toContain('Your open actions');
    expect(digest).toMatch(new RegExp(`${OVERDUE_TEXT}[^"]*"[^]*?Blocked`));
  }, 30_000);
});
