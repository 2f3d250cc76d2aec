import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../app/clock.js';
import { DEMO_USER } from '../../app/demo.js';
import { memoryLogger } from '../../app/logger.js';
import { type RunningBot, startBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import { DEMO_EDITOR_ROLE } from '../../core/demo/demo-plan.js';
import type { Action } from '../../core/model/index.js';
import { startConnectorFake, type ConnectorFake } from '../fakes/connector/index.js';
import { seriousViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import type { PageGlobals } from '../support/page-globals.js';
import { docxTables, readDocx, readWorkbook, sheet } from '../support/paper-readers.js';
import { executeActivity, reminderInputs } from '../support/teams-activities.js';

/**
 * A governance meeting end to end, in `npm start`'s local mode with headless Chromium: the demo
 * lead completes an action with evidence from the bot's card; at the Quality and Safety
 * Committee the lead may not assure their own work; a reviewer (deputy to the plan's owner) opens
 * the meeting view, sees the action awaiting assurance and approves it; the store holds it
 * assured at that meeting; the meeting paper downloads as DOCX and XLSX (and opens as printable
 * HTML) with the decision in it; the action's history shows each step with where it came from.
 * axe-core scans the meeting view in light and dark; screenshots go to test-output/e2e-governance/.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-output/e2e-governance');
const FORUM = 'Quality and Safety Committee';
const ACTION_TEXT = 'Train team leaders in the Think Family approach';
const EVIDENCE = `Training register: 14 of 15 team leaders trained (${String(Date.now())})`;
const REVIEWER = { aadObjectId: '6f6f6f6f-0000-4000-8000-000000000006', displayName: 'Rita Reviewer' };
const SELF_REVIEW = 'You recorded this action as complete; another reviewer must assure it.';

let dir: string;
let bot: RunningBot;
let connector: ConnectorFake;
let browser: Browser;
let page: Page;
let action: Action;
let today: string;
let since: string;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The demo action's label as the meeting view writes it ("2 b" or "2b"). */
const LABEL = String.raw`2\s?b`;
const approveButton = (target: Page) => target.getByRole('button', { name: new RegExp(`^Approve action ${LABEL}$`) });

/** Presses an export button, catches the download, and keeps a copy beside the screenshots for people to open. */
async function downloaded(target: Page, button: string, keepAs: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([target.waitForEvent('download', { timeout: 20_000 }), target.getByRole('button', { name: button }).click()]);
  const bytes = new Uint8Array(readFileSync(await file.path()));
  writeFileSync(join(SHOTS, keepAs), bytes);
  return { name: file.suggestedFilename(), bytes };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'followthrough-e2e-governance-'));
  connector = await startConnectorFake();
  const config = loadConfig({ SQLITE_PATH: join(dir, 'e2e.db'), PLAYGROUND: 'off', REMINDER_SWEEP_SECONDS: '3600' });
  bot = await startBot(config, { port: await freePort(), playground: false, log: memoryLogger() });
  // The reviewer deputises for the plan's owner: a plan editor, who did not complete the action.
  await bot.app.store.saveRole({ name: DEMO_EDITOR_ROLE, holders: [DEMO_USER], deputies: [REVIEWER] });
  const [summary] = await bot.app.store.listPlans();
  if (!summary) throw new Error('local mode loaded no demo plan');
  const tree = await bot.app.store.getPlan(summary.id);
  const found = tree?.recommendations.flatMap((rec) => rec.actions).find((candidate) => candidate.text.startsWith(ACTION_TEXT));
  if (!found) throw new Error('the demo plan has no Think Family action');
  action = found;
  today = todayIn(bot.app.clock, config.TIME_ZONE);
  since = (() => {
    const day = new Date(`${today}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 7);
    return day.toISOString().slice(0, 10);
  })();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}, 60_000);

afterAll(async () => {
  await browser.close();
  await bot.stop();
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a governance meeting run from the tab', () => {
  it('the lead completes the action with evidence from the bot\'s card', async () => {
    const submit = executeActivity(DEMO_USER, 'submitUpdate', { actionId: action.id, planId: action.planId, cardId: 'e2e-governance-1', ...reminderInputs({ note: 'All team leaders booked and trained', status: 'complete', evidence: EVIDENCE }) }, { serviceUrl: connector.url });
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submit) });
    expect(response.status).toBe(200);
    expect(await bot.app.store.getAction(action.id)).toMatchObject({ status: 'complete', evidence: expect.stringContaining(EVIDENCE) as unknown });
  }, 30_000);

  it('shows the lead the action awaiting assurance, but not theirs to approve', async () => {
    await page.goto(`${bot.url}/tab/?theme=light`);
    await expect.poll(() => page.getByRole('combobox', { name: 'Act as' }).textContent(), { timeout: 20_000 }).toContain(DEMO_USER.displayName);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Meeting' }).click();
    await page.getByLabel('Forum').selectOption(FORUM);
    await page.getByLabel('Date of the last meeting').fill(since);
    await expect.poll(() => page.getByLabel('Date of this meeting').inputValue()).toBe(today);
    await page.getByRole('button', { name: 'Show the meeting' }).click();
    const approve = approveButton(page);
    await approve.waitFor({ timeout: 20_000 });
    expect(await approve.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => page.getByTestId('awaiting-assurance').textContent()).toContain(SELF_REVIEW);
    expect(page.url()).toContain('forum=Quality+and+Safety+Committee');
  }, 40_000);

  it('lets a reviewer who did not complete it approve it at this meeting', async () => {
    // "Act as" another person reloads the page's data as them, at the same meeting.
    await page.getByRole('combobox', { name: 'Act as' }).click();
    await page.getByRole('option', { name: new RegExp(REVIEWER.displayName) }).click();
    const approve = approveButton(page);
    await expect.poll(() => approve.getAttribute('aria-disabled'), { timeout: 20_000 }).toBeNull();
    const awaiting = await page.getByTestId('awaiting-assurance').textContent();
    expect(awaiting).toContain(EVIDENCE);
    expect(awaiting).toContain(DEMO_USER.displayName);
    await shot('1-meeting-light');
    expect(await seriousViolations(page)).toEqual([]);

    await approve.click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^Approve action ${LABEL}$`) });
    await dialog.waitFor();
    await dialog.getByLabel('Comment (optional)').fill('Register seen; one leader booked for July.');
    await shot('2-approve-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/assured \(Register seen; one leader booked for July\.\)\. It is listed under/).waitFor({ timeout: 20_000 });
    const decisions = page.getByTestId('meeting-decisions');
    await expect.poll(() => decisions.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`Assured: Action ${LABEL}`));
    await expect.poll(() => approveButton(page).count()).toBe(0);
    await shot('3-meeting-decided');

    const stored = await bot.app.store.getAction(action.id);
    expect(stored).toMatchObject({
      status: 'assured',
      review: { outcome: 'assured', reason: 'Register seen; one leader booked for July.', by: { aadObjectId: REVIEWER.aadObjectId }, meeting: { forum: FORUM, date: today } },
    });
  }, 60_000);

  it('returns an action only with a reason, and refuses a decision on an action changed since the meeting was loaded', async () => {
    const learning = (await bot.app.store.getPlan(action.planId))?.recommendations.flatMap((rec) => rec.actions).find((candidate) => candidate.text.startsWith('Share the learning summary'));
    if (!learning) throw new Error('the demo plan has no learning-summary action');
    const returnButton = page.getByRole('button', { name: /^Return action 3\s?b$/ });
    await returnButton.waitFor({ timeout: 20_000 });
    // Someone changes the action after the meeting was loaded: the decision must not overwrite it.
    await bot.app.store.updateAction(learning.id, { evidence: 'Learning summary circulated; minutes of all six team meetings.' }, learning.version, new Date().toISOString(), { actor: { aadObjectId: null, displayName: 'E2E set-up' }, source: 'cli' });
    await returnButton.click();
    const dialog = page.getByRole('dialog', { name: /^Return action 3\s?b to its lead$/ });
    await dialog.getByRole('button', { name: 'Return' }).click();
    await dialog.getByText('Give the reason.').waitFor();
    await dialog.getByLabel(/^Reason/).fill('Minutes do not show the summary was discussed.');
    await dialog.getByRole('button', { name: 'Return' }).click();
    await page.getByText(/changed since you loaded it, so your decision was not recorded/).waitFor({ timeout: 20_000 });
    expect(await bot.app.store.getAction(learning.id)).toMatchObject({ status: 'complete', review: null });

    // Reloaded with the change: now the decision goes through.
    await returnButton.click();
    await dialog.getByLabel(/^Reason/).fill('Minutes do not show the summary was discussed.');
    await dialog.getByRole('button', { name: 'Return' }).click();
    await page.getByText(/returned to its lead \(Minutes do not show/).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('meeting-decisions').textContent(), { timeout: 20_000 }).toMatch(/Returned: Action 3\s?b/);
    expect(await bot.app.store.getAction(learning.id)).toMatchObject({ status: 'in-progress', review: { outcome: 'returned', reason: 'Minutes do not show the summary was discussed.', meeting: { forum: FORUM, date: today } } });
  }, 60_000);

  it('downloads the meeting paper as DOCX and XLSX, and opens it as printable HTML, with the decision in it', async () => {
    const docx = await downloaded(page, 'Download DOCX', 'meeting-paper.docx');
    expect(docx.name).toMatch(/\.docx$/);
    // The decision as a row of the paper: which action, what was decided, by whom.
    const decidedRow = (cells: readonly string[]): boolean => cells.some((text) => new RegExp(`^${LABEL}$`).test(text.trim())) && cells.includes('Assured') && cells.includes(REVIEWER.displayName);
    const docxRows = docxTables(await readDocx(docx.bytes)).flat().map((row) => row.cells.map((cell) => cell.text));
    expect(docxRows.some(decidedRow)).toBe(true);
    expect(docxRows.some((cells) => cells.some((text) => text.includes(ACTION_TEXT)))).toBe(true);

    const xlsx = await downloaded(page, 'Download XLSX', 'meeting-paper.xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const decisions = sheet(await readWorkbook(xlsx.bytes), 'Decisions at this meeting');
    const xlsxRows: string[][] = [];
    decisions.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        cells.push(cell.text);
      });
      xlsxRows.push(cells);
    });
    expect(xlsxRows.some(decidedRow)).toBe(true);

    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 20_000 }), page.getByRole('button', { name: 'Printable HTML' }).click()]);
    await expect.poll(() => popup.content(), { timeout: 20_000 }).toContain(ACTION_TEXT);
    expect(await popup.content()).toContain(REVIEWER.displayName);
    await popup.close();
  }, 60_000);

  it('is accessible in the dark and high-contrast themes and readable at Teams\' narrowest width', async () => {
    const address = `${bot.url}/tab/meeting?theme=dark&forum=${encodeURIComponent(FORUM)}&since=${since}&date=${today}`;
    await page.goto(address);
    await page.getByTestId('meeting-decisions').first().waitFor({ timeout: 20_000 });
    await shot('4-meeting-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(address.replace('theme=dark', 'theme=contrast'));
    await page.getByTestId('meeting-decisions').first().waitFor({ timeout: 20_000 });
    await shot('4-meeting-high-contrast');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(address.replace('theme=dark', 'theme=light'));
    await page.getByTestId('meeting-decisions').first().waitFor({ timeout: 20_000 });
    expect(
      await page.evaluate(() => {
        const { document, innerWidth } = globalThis as unknown as PageGlobals;
        return document.documentElement.scrollWidth <= innerWidth;
      }),
    ).toBe(true);
    await shot('5-meeting-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 40_000);

  it('shows the action\'s history, each step with its source, and takes no more progress updates', async () => {
    await page.goto(`${bot.url}/tab/actions/${action.id}?theme=light`);
    const history = page.getByTestId('history');
    await history.waitFor({ timeout: 20_000 });
    const steps = await history.locator(':scope > li').allTextContents();
    const completed = steps.findIndex((text) => text.includes('from the card') && /Status: In progress → Complete/.test(text));
    const assured = steps.findIndex((text) => text.includes('from the tab') && text.includes(REVIEWER.displayName) && /Status: Complete → Assured/.test(text) && text.includes(FORUM));
    expect(completed).toBeGreaterThanOrEqual(0);
    expect(assured).toBeGreaterThanOrEqual(0);
    // Newest first: the decision above the completion it assured.
    expect(assured).toBeLessThan(completed);
    await expect.poll(() => page.getByTestId('review').textContent()).toContain(`Assured by ${REVIEWER.displayName}`);
    await page.getByText('This action has been assured; a reviewer must reopen it before it can be updated.').waitFor();
    expect(await page.getByRole('button', { name: 'Submit update' }).count()).toBe(0);
    await shot('6-action-history');
    expect(await seriousViolations(page)).toEqual([]);
  }, 40_000);

  it('on the plan page: refuses to close with what keeps it open, shows the history and the measures, and takes a reading', async () => {
    await page.goto(`${bot.url}/tab/plans/${action.planId}?theme=light`);
    await page.getByTestId('result-count').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Close the plan' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'cannot close' });
    await expect.poll(() => refusal.textContent(), { timeout: 20_000 }).toMatch(/Action 1\s?a is in progress/);
    expect((await bot.app.store.getPlan(action.planId))?.plan.status).toBe('active');

    await page.getByRole('button', { name: 'Show the history' }).click();
    await expect.poll(() => page.getByTestId('plan-history').textContent(), { timeout: 20_000 }).toContain('Status: Complete → Assured');

    await page.getByRole('button', { name: 'Show the outcome measures' }).click();
    const measure = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Team leaders trained in the Think Family approach' }) });
    await expect.poll(() => measure.textContent(), { timeout: 20_000 }).toContain('Not met');
    await page.getByText('Loading the chart').first().waitFor({ state: 'detached', timeout: 20_000 });
    await measure.getByRole('button', { name: /^Record a reading/ }).click();
    await measure.getByLabel(/^Value/).fill('93');
    await measure.getByLabel('Note').fill('June training register');
    await measure.getByRole('button', { name: 'Record the reading' }).click();
    await expect.poll(() => measure.textContent(), { timeout: 20_000 }).toMatch(/Met.*Latest 93%/);
    const stored = (await bot.app.store.listMeasures(action.planId)).find((entry) => entry.name.startsWith('Team leaders trained'));
    expect(stored?.values.at(-1)).toMatchObject({ value: 93, date: today, note: 'June training register', by: { aadObjectId: REVIEWER.aadObjectId } });
    await shot('7-plan-governance');
    expect(await seriousViolations(page)).toEqual([]);

    const paper = await downloaded(page, 'Download DOCX', 'board-paper.docx');
    expect(paper.name).toMatch(/\.docx$/);
    expect((await readDocx(paper.bytes)).blocks.some((block) => block.kind === 'table')).toBe(true);
  }, 60_000);
});
