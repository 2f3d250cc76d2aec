import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../app/demo.js';
import { memoryLogger } from '../../app/logger.js';
import { type RunningBot, startBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import { launchChromium } from '../support/browser.js';
import { freePort, waitForHttp } from '../support/free-port.js';

/**
 * End to end, as a lead would use it: the bot in local mode, the Microsoft 365 Agents
 * Playground beside it as the Teams client, driven by headless Chromium. Screenshots go to
 * test-output/ for people to look at.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-output/e2e');
const NOTE = `Audit sample chosen; first results due next week (${String(Date.now())})`;

let dir: string;
let bot: RunningBot;
let browser: Browser;
let page: Page;
let playgroundUrl: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'followthrough-e2e-'));
  const playgroundPort = await freePort();
  playgroundUrl = `http://127.0.0.1:${String(playgroundPort)}`;
  const config = loadConfig({ SQLITE_PATH: join(dir, 'e2e.db'), PLAYGROUND_PORT: String(playgroundPort), REMINDER_SWEEP_SECONDS: '30' });
  bot = await startBot(config, { port: await freePort(), playground: true, log: memoryLogger() });
  await waitForHttp(playgroundUrl, 30_000);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
  await page.getByText('Personal Chat').first().click();
}, 90_000);

afterAll(async () => {
  await browser.close();
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the bot in the Agents Playground', () => {
  it('sends the demo lead a reminder digest without any other step', async () => {
    await page.getByText('Action 1a').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, '1-reminder-digest.png') });
    const sent = await bot.app.store.listReminders({ state: 'sent' });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((entry) => entry.recipient === DEMO_USER.aadObjectId)).toBe(true);
  }, 40_000);

  it('opens an action from the digest, takes the update in the card, and replaces the card with what was recorded', async () => {
    const updates = page.getByRole('button', { name: 'Update', exact: true });
    await updates.first().click();
    const note = page.getByPlaceholder('Progress, what is next, anything in the way').last();
    await note.waitFor({ timeout: 15_000 });
    await note.fill(NOTE);
    await page.screenshot({ path: join(SHOTS, '2-reminder-card-filled.png') });
    await page.getByRole('button', { name: 'Submit update' }).last().click();
    await page.getByText('Update recorded').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, '3-update-recorded.png') });

    const tree = (await bot.app.store.listPlans())[0];
    const actions = tree ? ((await bot.app.store.getPlan(tree.id))?.recommendations.flatMap((r) => r.actions) ?? []) : [];
    const notes = (await Promise.all(actions.map((a) => bot.app.store.listUpdates(a.id)))).flat().filter((u) => u.note === NOTE);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ source: 'card', author: { aadObjectId: DEMO_USER.aadObjectId } });
  }, 40_000);

  it('answers "my actions" with a card of the sender\'s open actions', async () => {
    // The Playground's compose box is a contenteditable textbox, not an input.
    const compose = page.locator('[contenteditable="true"][role="textbox"]').last();
    await compose.click();
    await page.keyboard.type('my actions');
    await page.keyboard.press('Enter');
    await page.getByText('Your open actions').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, '4-my-actions.png') });
  }, 30_000);

  it('refuses a forged update for someone else\'s action, writing nothing', async () => {
    const tree = (await bot.app.store.listPlans())[0];
    const action = tree ? (await bot.app.store.getPlan(tree.id))?.recommendations[0]?.actions[0] : undefined;
    if (!action) throw new Error('no demo action');
    const before = await bot.app.store.listUpdates(action.id);
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelId: 'msteams',
        serviceUrl: `${playgroundUrl}/_connector`,
        from: { id: 'user-id-9', aadObjectId: '00000000-0000-0000-0000-00000000bad1', name: 'Not A Lead' },
        recipient: { id: 'bot' },
        conversation: { id: 'forged-conversation', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' },
        value: { action: { type: 'Action.Execute', verb: 'submitUpdate', data: { actionId: action.id, planId: action.planId, cardId: 'forged-1', note: 'I did it', status: 'complete', evidence: 'trust me' } } },
      }),
    });
    const body = (await response.json()) as { statusCode: number; type: string };
    expect(body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
    expect(await bot.app.store.listUpdates(action.id)).toEqual(before);
    expect((await bot.app.store.getAction(action.id))?.status).toBe(action.status);
  });
});
