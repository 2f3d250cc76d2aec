import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../../app/clock.js';
import { DEMO_REVIEWER, DEMO_USER } from '../../app/demo.js';
import { memoryLogger } from '../../app/logger.js';
import { type RunningBot, startBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import type { Action } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { launchChromium } from '../support/browser.js';
import { freePort, waitForHttp } from '../support/free-port.js';

/**
 * Issue 6's check as written, in one browser: the demo lead completes an action with evidence
 * by pressing the buttons of the bot's card in the Agents Playground; the demo reviewer, who did
 * not complete it, assures it in the tab's meeting view; the action's history shows both steps,
 * each with where it came from. Nothing is posted to the bot by hand: every step is a click.
 * Screenshots go to test-output/e2e-playground-assurance/.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-output/e2e-playground-assurance');
const FORUM = 'Quality and Safety Committee';
const ACTION_TEXT = 'Train team leaders in the Think Family approach';
/** The action's label as the meeting view writes it ("2 b" or "2b"). */
const LABEL = String.raw`2\s?b`;
const STAMP = String(Date.now());
const NOTE = `All team leaders booked; the last trained on Friday (${STAMP})`;
const EVIDENCE = `Training register: 15 of 15 team leaders trained (${STAMP})`;
const COMMENT = 'Register seen at the meeting.';

let dir: string;
let bot: RunningBot;
let browser: Browser;
let chat: Page;
let tab: Page;
let action: Action;
let today: string;

async function shot(target: Page, name: string): Promise<void> {
  await target.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Opening the chat saves the conversation, which nudges a reminder sweep; its digest arriving
 * re-renders the chat, and a card being filled in at that moment loses what was typed. So no
 * card is touched until that sweep has finished and its digest is on screen.
 */
async function reminderSweepDelivered(): Promise<void> {
  await vi.waitFor(
    async () => {
      const health = (await (await fetch(`${bot.url}/health`)).json()) as { lastSweep: { sent: number } | null };
      if ((health.lastSweep?.sent ?? 0) === 0) throw new Error('no reminder sweep has sent anything yet');
    },
    { timeout: 30_000, interval: 250 },
  );
  await chat.locator('.fai-OutputCard').filter({ hasText: 'Actions due' }).first().waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'followthrough-e2e-playground-assurance-'));
  const playgroundPort = await freePort();
  const config = loadConfig({ SQLITE_PATH: join(dir, 'e2e.db'), PLAYGROUND_PORT: String(playgroundPort), REMINDER_SWEEP_SECONDS: '3600' });
  bot = await startBot(config, { port: await freePort(), playground: true, log: memoryLogger() });
  const playgroundUrl = `http://127.0.0.1:${String(playgroundPort)}`;
  await waitForHttp(playgroundUrl, 30_000);
  const [summary] = await bot.app.store.listPlans();
  const tree = summary ? await bot.app.store.getPlan(summary.id) : null;
  const found = tree?.recommendations.flatMap((rec) => rec.actions).find((candidate) => candidate.text.startsWith(ACTION_TEXT));
  if (!found) throw new Error('local mode loaded no demo plan with the Think Family action');
  action = found;
  today = todayIn(bot.app.clock, config.TIME_ZONE);
  browser = await launchChromium();
  chat = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await chat.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
  await chat.getByText('Personal Chat').first().click();
  await reminderSweepDelivered();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('an action completed from the bot\'s card in the Playground, assured in the meeting view', () => {
  it('the lead opens the action from "my actions" and completes it with evidence in the card', async () => {
    expect(action.status).toBe('in-progress');
    // The Playground's compose box is a contenteditable textbox, not an input.
    await chat.locator('[contenteditable="true"][role="textbox"]').last().click();
    await chat.keyboard.type('my actions');
    await chat.keyboard.press('Enter');
    const digest = chat.locator('.fai-OutputCard').filter({ hasText: 'Your open actions' }).last();
    await digest.waitFor({ timeout: 20_000 });
    // Each listed action is its own Container (rendered .ac-container, none nested inside it) with its own "Update".
    const item = digest.locator('.ac-container').filter({ hasText: ACTION_TEXT }).filter({ hasNot: chat.locator('.ac-container') });
    await item.getByRole('button', { name: 'Update', exact: true }).click();

    const card = chat.locator('.fai-OutputCard').filter({ hasText: ACTION_TEXT }).filter({ has: chat.getByPlaceholder('Progress, what is next, anything in the way') }).last();
    await card.waitFor({ timeout: 20_000 });
    await card.getByPlaceholder('Progress, what is next, anything in the way').fill(NOTE);
    // The Playground renders the status ChoiceSet as a Fluent combobox (named by its label, found by
    // its placeholder) whose options open in a popup outside the card.
    const status = card.getByPlaceholder('Choose a status');
    await status.click();
    await chat.getByRole('option', { name: 'Complete', exact: true }).click();
    await expect.poll(() => status.inputValue()).toBe('Complete');
    await card.getByPlaceholder('A link, or what shows the action is done').fill(EVIDENCE);
    await shot(chat, '1-card-filled');
    // Still what was typed (a re-rendered card would submit empty inputs and only show a validation message).
    expect(await card.getByPlaceholder('Progress, what is next, anything in the way').inputValue()).toBe(NOTE);
    expect(await status.inputValue()).toBe('Complete');
    await card.getByRole('button', { name: 'Submit update' }).click();
    await chat.getByText('Update recorded').first().waitFor({ timeout: 20_000 });
    await shot(chat, '2-update-recorded');

    expect(await bot.app.store.getAction(action.id)).toMatchObject({ status: 'complete', evidence: expect.stringContaining(EVIDENCE) as unknown, review: null });
    const recorded = (await bot.app.store.listUpdates(action.id)).filter((update) => update.note === NOTE);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ source: 'card', status: 'complete', evidence: EVIDENCE, author: { aadObjectId: DEMO_USER.aadObjectId } });
  }, 60_000);

  it('a reviewer who did not complete it assures it at the meeting, in the tab beside the chat', async () => {
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(`${bot.url}/tab/meeting?theme=light`);
    const actAs = tab.getByRole('combobox', { name: 'Act as' });
    await expect.poll(() => actAs.textContent(), { timeout: 20_000 }).toContain(DEMO_USER.displayName);
    await actAs.click();
    await tab.getByRole('option', { name: new RegExp(DEMO_REVIEWER.displayName) }).click();
    await expect.poll(() => tab.getByRole('combobox', { name: 'Act as' }).textContent(), { timeout: 20_000 }).toContain(DEMO_REVIEWER.displayName);

    await tab.getByLabel('Forum').selectOption(FORUM);
    await tab.getByLabel('Date of the last meeting').fill(addDays(today, -7));
    await expect.poll(() => tab.getByLabel('Date of this meeting').inputValue()).toBe(today);
    await tab.getByRole('button', { name: 'Show the meeting' }).click();

    const awaiting = tab.getByTestId('awaiting-assurance');
    const approve = awaiting.getByRole('button', { name: new RegExp(`^Approve action ${LABEL}$`) });
    await expect.poll(() => approve.getAttribute('aria-disabled'), { timeout: 20_000 }).toBeNull();
    const listed = await awaiting.textContent();
    expect(listed).toContain(EVIDENCE);
    expect(listed).toContain(DEMO_USER.displayName);
    await shot(tab, '3-meeting-awaiting');

    await approve.click();
    const dialog = tab.getByRole('dialog', { name: new RegExp(`^Approve action ${LABEL}$`) });
    await dialog.waitFor();
    await dialog.getByLabel('Comment (optional)').fill(COMMENT);
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => tab.getByTestId('meeting-decisions').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`Assured: Action ${LABEL}`));
    await shot(tab, '4-meeting-decided');

    expect(await bot.app.store.getAction(action.id)).toMatchObject({
      status: 'assured',
      review: { outcome: 'assured', reason: COMMENT, by: { aadObjectId: DEMO_REVIEWER.aadObjectId }, meeting: { forum: FORUM, date: today } },
    });
  }, 60_000);

  it('the audit trail and the action\'s history show each step with its source', async () => {
    const trail = await bot.app.store.listAudit({ planId: action.planId, entityId: action.id });
    const statusTo = (to: string) => expect.arrayContaining([expect.objectContaining({ field: 'status', to })]) as unknown;
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'card', actor: expect.objectContaining({ aadObjectId: DEMO_USER.aadObjectId }) as unknown, meeting: null, changes: statusTo('complete') }),
        expect.objectContaining({ source: 'tab', actor: expect.objectContaining({ aadObjectId: DEMO_REVIEWER.aadObjectId }) as unknown, meeting: { forum: FORUM, date: today }, changes: statusTo('assured') }),
      ]),
    );

    await tab.goto(`${bot.url}/tab/actions/${encodeURIComponent(action.id)}?theme=light`);
    const history = tab.getByTestId('history');
    await history.waitFor({ timeout: 20_000 });
    const steps = await history.locator(':scope > li').allTextContents();
    const completed = steps.findIndex((text) => text.includes('from the card') && text.includes(DEMO_USER.displayName) && /Status: In progress → Complete/.test(text));
    const assured = steps.findIndex((text) => text.includes('from the tab') && text.includes(DEMO_REVIEWER.displayName) && /Status: Complete → Assured/.test(text) && text.includes(FORUM));
    expect(completed).toBeGreaterThanOrEqual(0);
    expect(assured).toBeGreaterThanOrEqual(0);
    // Newest first: the assurance above the completion it assured.
    expect(assured).toBeLessThan(completed);
    await expect.poll(() => tab.getByTestId('review').textContent()).toContain(`Assured by ${DEMO_REVIEWER.displayName}`);
    await shot(tab, '5-action-history');
  }, 40_000);
});
