// The bridge from botbuilder activities to the bot service, driven through botbuilder's own
// TestAdapter: Teams-shaped activities in, what the bot sends (messages, invoke responses) out,
// over a real SQLite store in memory. Every card the bot sends is checked with validate-card.ts.
import { type Activity, TestAdapter } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { createCardRenderer } from '../service/card-renderer.js';
import { NOTE_MAX, type Action } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { type ActionKey, type BotWorld, OPEN_URL, openBotWorld, PEOPLE, TODAY, type Who } from '../../test/support/bot-world.js';
import { ADAPTIVE_CARD, attachedCards, buttonData, cardProblems, executeWithVerb, inputErrors, invokeCard, textOf } from '../../test/support/sent-cards.js';
import {
  conversationUpdateActivity,
  executeActivity,
  installActivity,
  messageActivity,
  personalConversationId,
  reminderInputs,
  submitActivity,
  TENANT_ID,
  type WireActivity,
} from '../../test/support/teams-activities.js';
import { memoryLogger } from '../../app/logger.js';
import { createTurnHandler, turnIdOf } from './activity-bridge.js';

const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
const ERROR_TYPE = 'application/vnd.microsoft.error';

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

interface Sent {
  /** Everything the bot sent, invoke responses included. */
  activities: Partial<Activity>[];
  /** Cards attached to messages, then the invoke response's card. */
  cards: AdaptiveCard[];
  /** The invoke response (`status` is the HTTP status; the Universal Actions answer is in `body`). */
  invoke: { status: number; body: InvokeBody } | null;
  /** Plain text messages. */
  texts: string[];
}

let world: BotWorld;
let adapter: TestAdapter;
let turnErrors: Error[];

beforeEach(async () => {
  world = await openBotWorld();
  turnErrors = [];
  adapter = new TestAdapter(createTurnHandler(world.service));
  // A failed turn is recorded for the test to see, not printed (botbuilder would rethrow it).
  adapter.onTurnError = (_context, error) => {
    turnErrors.push(error);
    return Promise.resolve();
  };
});

afterEach(async () => {
  await world.close();
});

/** One activity through the adapter; what the bot sent back, every card validated. */
async function send(activity: WireActivity): Promise<Sent> {
  await adapter.processActivity(activity);
  const activities = adapter.activeQueue.splice(0);
  const invokes = activities.filter((a) => a.type === 'invokeResponse');
  expect(invokes.length).toBeLessThanOrEqual(1);
  const invoke = (invokes[0]?.value as Sent['invoke'] | undefined) ?? null;
  const messages = activities.filter((a) => a.type === 'message');
  const cards = [...messages.flatMap(attachedCards), ...(invoke ? [invokeCard(invoke.body)].filter((c): c is AdaptiveCard => c !== null) : [])];
  expect(cardProblems(cards)).toEqual([]);
  return { activities, cards, invoke, texts: messages.flatMap((m) => (typeof m.text === 'string' && m.text !== '' ? [m.text] : [])) };
}

const person = (who: Who) => PEOPLE[who];
const say = (who: Who, text: string) => send(messageActivity(person(who), text, { serviceUrl: SERVICE_URL }));
const execute = (who: Who | null, verb: unknown, data: unknown) => send(executeActivity(who === null ? null : person(who), verb, data, { serviceUrl: SERVICE_URL }));
const submit = (who: Who, key: ActionKey, inputs: Record<string, unknown>, cardId = 'card-from-reminder-1') =>
  execute(who, 'submitUpdate', { actionId: world.ids[key], planId: world.planId, cardId, ...inputs });

/** The action ids a card's Update buttons point at. */
function listedActionIds(card: AdaptiveCard | undefined): string[] {
  return executeWithVerb(card, 'openUpdate').map((action) => (typeof action.data.actionId === 'string' ? action.data.actionId : ''));
}

function onlyCard(sent: Sent): AdaptiveCard {
  expect(sent.cards).toHaveLength(1);
  const [card] = sent.cards;
  if (!card) throw new Error('no card');
  return card;
}

function expectError(sent: Sent, statusCode: number): void {
  expect(sent.invoke?.status).toBe(200);
  expect(sent.invoke?.body).toMatchObject({ statusCode, type: ERROR_TYPE, value: { code: expect.any(String) as unknown, message: expect.any(String) as unknown } });
  expect(turnErrors).toEqual([]);
}

async function nothingWritten(before: unknown): Promise<void> {
  expect(await world.snapshot()).toEqual(before);
  expect(await world.updateCount()).toBe(0);
}

describe('installation', () => {
  it('stores the conversation on install and answers with the help card', async () => {
    const sent = await send(installActivity(PEOPLE.lead, 'add', { serviceUrl: SERVICE_URL }));
    const card = onlyCard(sent);
    expect(textOf(card)).toContain('What you can type');
    expect(textOf(card)).toContain('my actions');

    const stored = await world.store.getConversation(PEOPLE.lead.aadObjectId);
    expect(stored).toMatchObject({
      aadObjectId: PEOPLE.lead.aadObjectId,
      displayName: PEOPLE.lead.displayName,
      tenantId: TENANT_ID,
      usable: true,
      unusableReason: null,
      reference: { serviceUrl: SERVICE_URL, channelId: 'msteams', conversation: { id: personalConversationId(PEOPLE.lead) }, user: { aadObjectId: PEOPLE.lead.aadObjectId } },
    });
    expect(turnErrors).toEqual([]);
  });

  it('marks the conversation unusable when the bot is removed, and says nothing', async () => {
    await send(installActivity(PEOPLE.lead, 'add', { serviceUrl: SERVICE_URL }));
    const sent = await send(installActivity(PEOPLE.lead, 'remove', { serviceUrl: SERVICE_URL }));
    expect(sent.activities).toEqual([]);
    const stored = await world.store.getConversation(PEOPLE.lead.aadObjectId);
    expect(stored).toMatchObject({ usable: false, unusableReason: expect.stringContaining('uninstalled') as unknown });
    // The reference is kept (a reinstall makes it usable again).
    expect(stored?.reference.conversation.id).toBe(personalConversationId(PEOPLE.lead));

    await send(installActivity(PEOPLE.lead, 'add', { serviceUrl: SERVICE_URL }));
    expect((await world.store.getConversation(PEOPLE.lead.aadObjectId))?.usable).toBe(true);
  });

  it('treats remove-upgrade as a removal too, and a removal by someone never seen as nothing', async () => {
    await send(installActivity(PEOPLE.deputy, 'add', { serviceUrl: SERVICE_URL }));
    await send(installActivity(PEOPLE.deputy, 'remove-upgrade', { serviceUrl: SERVICE_URL }));
    expect((await world.store.getConversation(PEOPLE.deputy.aadObjectId))?.usable).toBe(false);

    const sent = await send(installActivity(PEOPLE.stranger, 'remove', { serviceUrl: SERVICE_URL }));
    expect(sent.activities).toEqual([]);
    expect(await world.store.getConversation(PEOPLE.stranger.aadObjectId)).toBeNull();
    expect(turnErrors).toEqual([]);
  });

  it('answers an install from someone without an Entra id with help, storing nothing', async () => {
    const sent = await send(installActivity(null, 'add', { serviceUrl: SERVICE_URL }));
    expect(textOf(onlyCard(sent))).toContain('What you can type');
    expect(turnErrors).toEqual([]);
  });

  it('remembers the conversation from a conversationUpdate without answering', async () => {
    const sent = await send(conversationUpdateActivity(PEOPLE.owner, { serviceUrl: SERVICE_URL }));
    expect(sent.activities).toEqual([]);
    expect(await world.store.getConversation(PEOPLE.owner.aadObjectId)).toMatchObject({ usable: true, reference: { conversation: { id: personalConversationId(PEOPLE.owner) } } });
    expect(turnErrors).toEqual([]);
  });

  it('keeps the personal chat as the place for reminders when the person also writes in a group chat', async () => {
    // Reminders carry plan details meant for the lead alone: a message in a group chat must not
    // move where they go.
    await send(installActivity(PEOPLE.lead, 'add', { serviceUrl: SERVICE_URL }));
    await send(messageActivity(PEOPLE.lead, 'help', { serviceUrl: SERVICE_URL, conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat' } }));
    const stored = await world.store.getConversation(PEOPLE.lead.aadObjectId);
    expect(stored?.reference.conversation.id).toBe(personalConversationId(PEOPLE.lead));
  });
});

describe('chat commands', () => {
  it.each(['help', 'Help', '<at>Followthrough</at> help', 'hello there', '?'])('"%s" → the help card', async (text) => {
    const sent = await say('lead', text);
    expect(textOf(onlyCard(sent))).toContain('What you can type');
    expect(turnErrors).toEqual([]);
  });

  it('answers a half-understood command with what to type instead', async () => {
    const sent = await say('lead', 'snooze 1a forever');
    expect(textOf(onlyCard(sent))).toContain('Not quite');
    expect(textOf(onlyCard(sent))).toContain('snooze 2b 7');
  });

  it('writes the conversation once for many turns from the same chat (each message has its own activity id)', async () => {
    const saved: string[] = [];
    const counted = await openBotWorld({ onConversationSaved: (id) => saved.push(id) });
    try {
      const countingAdapter = new TestAdapter(createTurnHandler(counted.service));
      for (const text of ['help', 'my actions', 'help']) await countingAdapter.processActivity(messageActivity(PEOPLE.lead, text, { serviceUrl: SERVICE_URL }));
      await countingAdapter.processActivity(executeActivity(PEOPLE.lead, 'openUpdate', { actionId: counted.ids['1a'] }, { serviceUrl: SERVICE_URL }));
      expect(saved).toEqual([PEOPLE.lead.aadObjectId]);
      expect((await counted.store.getConversation(PEOPLE.lead.aadObjectId))?.reference).not.toHaveProperty('activityId');
      await countingAdapter.processActivity(messageActivity(PEOPLE.lead, 'help', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
      expect(saved).toHaveLength(2);
    } finally {
      await counted.close();
    }
  });

  it('stores the conversation of whoever writes (reminders need it)', async () => {
    await say('deputy', 'help');
    expect(await world.store.getConversation(PEOPLE.deputy.aadObjectId)).toMatchObject({ usable: true, displayName: PEOPLE.deputy.displayName });
  });

  it('answers a message without text (an attachment only) with help, not a failed turn', async () => {
    const activity = messageActivity(PEOPLE.lead, '', { serviceUrl: SERVICE_URL });
    delete activity.text;
    activity.attachments = [{ contentType: 'image/png', contentUrl: 'https://example.test/picture.png' }];
    const sent = await send(activity);
    expect(turnErrors.map((error) => error.message)).toEqual([]);
    expect(textOf(onlyCard(sent))).toContain('What you can type');
  });

  describe('"my actions"', () => {
    it('lists the lead\'s dated open actions, and not closed ones or other people\'s', async () => {
      const card = onlyCard(await say('lead', 'my actions'));
      const listed = listedActionIds(card);
      expect(listed).toContain(world.ids['1a']);
      expect(listed).toContain(world.ids['1b']);
      expect(listed).not.toContain(world.ids['1d']);
      expect(listed).not.toContain(world.ids['2a']);
      expect(textOf(card)).toContain('Your open actions');
    });

    it('lists exactly the sender\'s open actions, an undated one included', async () => {
      // 1c has no due date ("keep under review"): it is still open and still the lead's.
      const listed = listedActionIds(onlyCard(await say('lead', 'my actions')));
      expect(listed.sort()).toEqual([world.ids['1a'], world.ids['1b'], world.ids['1c']].sort());
    });

    it('lists a deputy the actions they deputise for', async () => {
      const listed = listedActionIds(onlyCard(await say('deputy', 'my actions')));
      expect(listed).toContain(world.ids['1a']);
      expect(listed).not.toContain(world.ids['2a']);
    });

    it.each<[Who, ActionKey[]]>([
      ['other', ['2a']],
      ['owner', []],
      ['stranger', []],
    ])('lists %s exactly %j', async (who, keys) => {
      const card = onlyCard(await say(who, 'my actions'));
      expect(listedActionIds(card)).toEqual(keys.map((key) => world.ids[key]));
      if (keys.length === 0) expect(textOf(card)).toContain('Nothing is due');
    });
  });

  describe('"snooze"', () => {
    it('"snooze 1a 3" sets snoozedUntil three days on and confirms it', async () => {
      const card = onlyCard(await say('lead', 'snooze 1a 3'));
      expect(textOf(card)).toContain('Snoozed');
      expect(textOf(card)).toContain(addDays(TODAY, 3));
      expect((await world.action('1a')).snoozedUntil).toBe(addDays(TODAY, 3));
      expect(await world.updateCount()).toBe(0);
    });

    it('refuses to snooze an action the sender does not lead, changing nothing', async () => {
      const before = await world.snapshot();
      const card = onlyCard(await say('lead', 'snooze 2a 3'));
      expect(textOf(card)).toContain('Which action?');
      await nothingWritten(before);

      const stranger = onlyCard(await say('stranger', 'snooze 1a 3'));
      expect(textOf(stranger)).toContain('Which action?');
      await nothingWritten(before);
    });
  });

  describe('"update 1a: note"', () => {
    it('shows a confirmation card first, and its Add note button records the note once', async () => {
      const confirm = onlyCard(await say('lead', 'update 1a: Audit tool agreed; fieldwork starts Monday'));
      expect(textOf(confirm)).toContain('Add this note to');
      expect(textOf(confirm)).toContain('Audit tool agreed; fieldwork starts Monday');
      expect(await world.updateCount()).toBe(0);

      const data = buttonData(confirm, 'confirmNote');
      expect(data).toMatchObject({ actionId: world.ids['1a'], planId: world.planId, note: 'Audit tool agreed; fieldwork starts Monday', cardId: expect.any(String) as unknown });

      const first = await execute('lead', 'confirmNote', data);
      expect(first.invoke).toMatchObject({ status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD } });
      expect(textOf(invokeCard(first.invoke?.body))).toContain('Update recorded');
      const updates = await world.store.listUpdates(world.ids['1a']);
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({ note: 'Audit tool agreed; fieldwork starts Monday', source: 'chat', author: { aadObjectId: PEOPLE.lead.aadObjectId }, status: null, idempotencyKey: `${String(data.actionId)}:${String(data.cardId)}` });

      // Pressed again (or Teams retried the invoke): still one update.
      const again = await execute('lead', 'confirmNote', data);
      expect(again.invoke?.body.statusCode).toBe(200);
      expect(await world.store.listUpdates(world.ids['1a'])).toHaveLength(1);
      expect((await world.action('1a')).status).toBe('in-progress');
    });

    it('offers no Add note button for a note longer than allowed', async () => {
      const confirm = onlyCard(await say('lead', `update 1a: ${'x'.repeat(NOTE_MAX + 1)}`));
      expect(executeWithVerb(confirm, 'confirmNote')).toEqual([]);
      expect(textOf(confirm)).toContain(`at most ${String(NOTE_MAX)}`);
    });

    it('refuses a confirmNote whose note is missing or too long, writing nothing', async () => {
      const before = await world.snapshot();
      expectError(await execute('lead', 'confirmNote', { actionId: world.ids['1a'], planId: world.planId, cardId: 'c-1' }), 400);
      expectError(await execute('lead', 'confirmNote', { actionId: world.ids['1a'], planId: world.planId, cardId: 'c-2', note: 'y'.repeat(NOTE_MAX + 1) }), 400);
      expectError(await execute('lead', 'confirmNote', { actionId: world.ids['1a'], planId: world.planId, note: 'no card id' }), 400);
      await nothingWritten(before);
    });
  });
});

describe('Action.Execute: submitUpdate', () => {
  const render = createCardRenderer({ formatTime: (instant) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant)) });

  /** The recorded card the bot should answer with, drawn from what is now stored. */
  async function expectedRecordedCard(key: ActionKey, before: Action): Promise<AdaptiveCard> {
    const tree = await world.store.getPlan(world.planId);
    const action = await world.action(key);
    const rec = tree?.recommendations.find((r) => r.id === action.recommendationId);
    const update = (await world.store.listUpdates(action.id)).at(-1);
    if (!tree || !rec || !update) throw new Error('nothing recorded');
    return render.recorded({
      plan: { id: tree.plan.id, title: tree.plan.title, references: tree.plan.references, owner: tree.plan.owner },
      recommendation: { number: rec.number, text: rec.text },
      action,
      lastUpdate: update,
      today: TODAY,
      update,
      before,
      openUrl: OPEN_URL(action.id),
    }) as AdaptiveCard;
  }

  it('records a valid update from the lead and answers 200 with the recorded card', async () => {
    const before = await world.action('1a');
    const sent = await submit('lead', '1a', reminderInputs({ note: 'Audit done; report to committee', status: 'complete', evidence: 'https://trust.example/audit-report' }), 'card-abc');

    const updates = await world.store.listUpdates(world.ids['1a']);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      note: 'Audit done; report to committee',
      status: 'complete',
      evidence: 'https://trust.example/audit-report',
      source: 'card',
      author: { aadObjectId: PEOPLE.lead.aadObjectId, displayName: PEOPLE.lead.displayName },
      idempotencyKey: `${world.ids['1a']}:card-abc`,
      revisedDue: null,
    });
    const after = await world.action('1a');
    expect(after).toMatchObject({ status: 'complete', evidence: 'https://trust.example/audit-report' });

    expect(sent.invoke).toEqual({ status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD, value: await expectedRecordedCard('1a', before) } });
    expect(textOf(invokeCard(sent.invoke?.body))).toContain('Update recorded');
    expect(sent.activities).toHaveLength(1);
    expect(turnErrors).toEqual([]);
  });

  it('moves the date with its reason and keeps the plan\'s own date', async () => {
    const newDate = addDays(TODAY, 30);
    await submit('lead', '1a', reminderInputs({ note: 'Waiting for data', revisedDue: newDate, revisedReason: 'Audit data delayed by the EPR upgrade' }));
    const after = await world.action('1a');
    expect(after.revisions).toEqual([{ date: newDate, reason: 'Audit data delayed by the EPR upgrade', at: expect.any(String) as unknown, by: { aadObjectId: PEOPLE.lead.aadObjectId, displayName: PEOPLE.lead.displayName } }]);
    expect(after.due?.date).toBe(addDays(TODAY, 3));
    expect((await world.store.listUpdates(after.id))[0]?.revisedDue).toEqual({ date: newDate, reason: 'Audit data delayed by the EPR upgrade' });
  });

  it.each<Who>(['deputy', 'owner'])('accepts an update from the %s too', async (who) => {
    const sent = await submit(who, '1a', reminderInputs({ note: `Progress noted by ${who}`, status: 'blocked' }));
    expect(sent.invoke?.body.statusCode).toBe(200);
    expect((await world.action('1a')).status).toBe('blocked');
    expect((await world.store.listUpdates(world.ids['1a']))[0]?.author.aadObjectId).toBe(PEOPLE[who].aadObjectId);
  });

  it('records a double submit of the same card once', async () => {
    const inputs = reminderInputs({ note: 'Fieldwork started', status: 'blocked' });
    const first = await submit('lead', '1a', inputs, 'card-twice');
    const afterFirst = await world.action('1a');
    const second = await submit('lead', '1a', inputs, 'card-twice');

    expect(first.invoke?.body.statusCode).toBe(200);
    expect(second.invoke?.body.statusCode).toBe(200);
    expect(textOf(invokeCard(second.invoke?.body))).toContain('Update recorded');
    expect(await world.store.listUpdates(world.ids['1a'])).toHaveLength(1);
    expect(await world.action('1a')).toEqual(afterFirst);
  });

  it('records a double submit once on an action that already had evidence, adding the evidence once', async () => {
    const inputs = reminderInputs({ note: 'Prompt live in the EPR', status: 'complete', evidence: 'Go-live notice 9 June' });
    await submit('lead', '1b', inputs, 'card-evidence');
    const afterFirst = await world.action('1b');
    expect(afterFirst.evidence).toBe('Specification v1 agreed\nGo-live notice 9 June');

    await submit('lead', '1b', inputs, 'card-evidence');
    expect(await world.store.listUpdates(world.ids['1b'])).toHaveLength(1);
    expect((await world.action('1b')).evidence).toBe('Specification v1 agreed\nGo-live notice 9 June');
    expect((await world.action('1b')).version).toBe(afterFirst.version);
  });

  describe('refuses invalid inputs with the reminder card back, errors shown, nothing written', () => {
    it.each<[string, Record<string, unknown>, Record<string, RegExp>]>([
      ['a missing note', { note: '' }, { note: /Say what has happened/ }],
      ['a blank note', { note: '   \n ' }, { note: /Say what has happened/ }],
      ['complete without evidence', { note: 'All done', status: 'complete' }, { evidence: /what shows the action is complete/ }],
      ['a moved date without a reason', { note: 'Slipping', revisedDue: addDays(TODAY, 20) }, { revisedReason: /reason for moving the date/ }],
      ['a revised date in the past', { note: 'Slipping', revisedDue: addDays(TODAY, -1), revisedReason: 'late' }, { revisedDue: /cannot be in the past/ }],
      ['an oversized note', { note: 'n'.repeat(NOTE_MAX + 1) }, { note: /too long/ }],
      ['a note of 100 KB', { note: 'n'.repeat(100 * 1024) }, { note: /too long/ }],
      ['a status a lead may not set', { note: 'Assured', status: 'assured' }, { status: /./ }],
      ['a note that is not text', { note: 12345 }, { note: /Say what has happened/ }],
    ])('%s', async (_what, inputs, expected) => {
      const before = await world.snapshot();
      const sent = await submit('lead', '1a', reminderInputs(inputs), 'card-invalid');
      expect(sent.invoke).toMatchObject({ status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD } });
      const card = invokeCard(sent.invoke?.body);
      expect(textOf(card)).toContain('Your update was not saved');
      const errors = inputErrors(card);
      expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
      for (const [input, pattern] of Object.entries(expected)) expect(errors[input]).toMatch(pattern);
      // The same card again: same card id, so a corrected submit is still one update.
      expect(buttonData(card, 'submitUpdate')).toEqual({ actionId: world.ids['1a'], planId: world.planId, cardId: 'card-invalid' });
      await nothingWritten(before);
      expect(turnErrors).toEqual([]);
    });

    it('shows every problem at once, not one round trip per problem', async () => {
      // checkSubmission promises "every problem at once"; a missing note hides the others.
      const sent = await submit('lead', '1a', reminderInputs({ note: '', status: 'complete', revisedDue: addDays(TODAY, 20) }));
      expect(Object.keys(inputErrors(invokeCard(sent.invoke?.body))).sort()).toEqual(['evidence', 'note', 'revisedReason']);
      expect(await world.updateCount()).toBe(0);
    });

    it('says what is wrong with a missing status in words, not the schema\'s', async () => {
      const sent = await submit('lead', '1a', reminderInputs({ note: 'Progress', status: '' }));
      const errors = inputErrors(invokeCard(sent.invoke?.body));
      expect(errors.status).toBeDefined();
      expect(errors.status).not.toMatch(/Invalid option|expected one of|"in-progress"/);
    });

    it('keeps what the lead typed in the inputs', async () => {
      const sent = await submit('lead', '1a', reminderInputs({ note: 'Done, I think', status: 'complete', revisedReason: 'n/a' }));
      const card = invokeCard(sent.invoke?.body);
      const inputs = JSON.stringify(card);
      expect(inputs).toContain('"value":"Done, I think"');
      expect(inputs).toContain('"value":"complete"');
    });
  });

  describe('refuses a forged submit with 403, writing nothing', () => {
    it.each<[string, Who, ActionKey]>([
      ['a stranger', 'stranger', '1a'],
      ['the lead of another action', 'other', '1a'],
      ['the lead, naming someone else\'s action', 'lead', '2a'],
      ['a deputy, naming an action they do not deputise for', 'deputy', '2a'],
    ])('%s', async (_what, who, key) => {
      const before = await world.snapshot();
      const sent = await submit(who, key, reminderInputs({ note: 'Forged', status: 'complete', evidence: 'none' }));
      expectError(sent, 403);
      expect(sent.invoke?.body.value).toMatchObject({ code: 'Forbidden' });
      await nothingWritten(before);
    });

    it('ignores identities written into the card data', async () => {
      const before = await world.snapshot();
      const sent = await submit('stranger', '1a', { ...reminderInputs({ note: 'Forged' }), aadObjectId: PEOPLE.lead.aadObjectId, author: PEOPLE.lead, from: { aadObjectId: PEOPLE.lead.aadObjectId } });
      expectError(sent, 403);
      await nothingWritten(before);
    });

    it('refuses a sender the channel reports without an Entra id', async () => {
      const before = await world.snapshot();
      expectError(await execute(null, 'submitUpdate', { actionId: world.ids['1a'], planId: world.planId, cardId: 'x', ...reminderInputs({ note: 'hi' }) }), 403);
      await nothingWritten(before);
    });

    it.each([
      ['snooze', { days: 7 }],
      ['confirmNote', { note: 'Forged note', cardId: 'forged-1' }],
      ['openUpdate', {}],
    ])('and the same for %s', async (verb, extra) => {
      const before = await world.snapshot();
      const sent = await execute('stranger', verb, { actionId: world.ids['1a'], planId: world.planId, ...extra });
      expectError(sent, 403);
      await nothingWritten(before);
    });
  });

  describe('answers malformed card data with 400 (or 404), writing nothing', () => {
    it.each<[string, unknown, unknown, number]>([
      ['no actionId', 'submitUpdate', { note: 'x', status: 'in-progress' }, 400],
      ['an actionId that is a number', 'submitUpdate', { actionId: 42, note: 'x', status: 'in-progress' }, 400],
      ['an actionId that is an object', 'submitUpdate', { actionId: { $ne: null }, note: 'x' }, 400],
      ['an empty actionId', 'submitUpdate', { actionId: '' }, 400],
      ['an actionId of 10 KB', 'submitUpdate', { actionId: 'a'.repeat(10_000) }, 400],
      ['data that is a string', 'submitUpdate', 'actionId=1', 400],
      ['data that is an array', 'submitUpdate', [{ actionId: 'x' }], 400],
      ['no data at all', 'submitUpdate', undefined, 400],
      ['an action that does not exist', 'submitUpdate', { actionId: 'no-such-action', note: 'x', status: 'in-progress' }, 404],
    ])('%s', async (_what, verb, data, status) => {
      const before = await world.snapshot();
      expectError(await execute('lead', verb, data), status);
      await nothingWritten(before);
    });

    it.each<[string, unknown]>([
      ['an unknown verb', 'deleteAction'],
      ['an empty verb', ''],
      ['a verb that is not a string', 7],
      ['no verb', undefined],
    ])('%s', async (_what, verb) => {
      const before = await world.snapshot();
      expectError(await execute('lead', verb, { actionId: world.ids['1a'], planId: world.planId }), 400);
      await nothingWritten(before);
    });

    it.each([0, 31, -1, 2.5, 'soon', null])('a snooze of %j days', async (days) => {
      const before = await world.snapshot();
      expectError(await execute('lead', 'snooze', { actionId: world.ids['1a'], planId: world.planId, days }), 400);
      await nothingWritten(before);
    });

    it('an invoke with no value at all', async () => {
      const activity = executeActivity(PEOPLE.lead, 'submitUpdate', {}, { serviceUrl: SERVICE_URL });
      delete activity.value;
      expectError(await send(activity), 400);
      expect(await world.updateCount()).toBe(0);
    });
  });

  it('keeps card ids apart per action: one replayed on another action records there, each history whole', async () => {
    // Update keys are scoped by action, so a card id replayed from another card cannot collide or half-apply.
    await submit('lead', '1a', reminderInputs({ note: 'Audit started' }), 'card-shared');
    const sent = await submit('lead', '1b', reminderInputs({ note: 'Started', status: 'in-progress' }), 'card-shared');
    expect(turnErrors.map((error) => error.message)).toEqual([]);
    expect(sent.invoke?.body.statusCode).toBe(200);
    expect((await world.store.listUpdates(world.ids['1a'])).map((u) => u.note)).toEqual(['Audit started']);
    expect((await world.store.listUpdates(world.ids['1b'])).map((u) => u.note)).toEqual(['Started']);
  });

  it('keeps confirmNote card ids apart per action too, answering rather than failing the turn', async () => {
    await submit('lead', '1a', reminderInputs({ note: 'Audit started' }), 'card-shared-note');
    const sent = await execute('lead', 'confirmNote', { actionId: world.ids['1b'], planId: world.planId, cardId: 'card-shared-note', note: 'On 1b' });
    expect(turnErrors.map((error) => error.message)).toEqual([]);
    expect(sent.invoke?.body.statusCode).toBe(200);
    expect((await world.store.listUpdates(world.ids['1b'])).map((u) => u.note)).toEqual(['On 1b']);
  });
});

describe('Action.Execute: the other buttons', () => {
  it('openUpdate answers with the action\'s reminder card, a fresh card id on its Submit', async () => {
    const sent = await execute('lead', 'openUpdate', { actionId: world.ids['1a'], planId: world.planId });
    expect(sent.invoke).toMatchObject({ status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD } });
    const card = invokeCard(sent.invoke?.body);
    expect(textOf(card)).toContain('Update needed');
    expect(buttonData(card, 'submitUpdate')).toEqual({ actionId: world.ids['1a'], planId: world.planId, cardId: world.issuedIds.at(-1) });
    expect(await world.updateCount()).toBe(0);
  });

  it('the digest\'s Update button opens the reminder for that action', async () => {
    const digest = onlyCard(await say('lead', 'my actions'));
    const open = executeWithVerb(digest, 'openUpdate').find((action) => action.data.actionId === world.ids['1b']);
    if (!open) throw new Error('1b is not listed');
    const sent = await execute('lead', open.verb, open.data);
    expect(textOf(invokeCard(sent.invoke?.body))).toContain('Add a prompt to the electronic record');
  });

  it('snooze from the card sets snoozedUntil', async () => {
    const sent = await execute('lead', 'snooze', { actionId: world.ids['1b'], planId: world.planId, days: 7 });
    expect(sent.invoke?.body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD });
    expect(textOf(invokeCard(sent.invoke?.body))).toContain('Snoozed');
    expect((await world.action('1b')).snoozedUntil).toBe(addDays(TODAY, 7));
  });

  it('stores the conversation of whoever presses a button', async () => {
    await execute('lead', 'openUpdate', { actionId: world.ids['1a'], planId: world.planId });
    expect((await world.store.getConversation(PEOPLE.lead.aadObjectId))?.usable).toBe(true);
  });
});

describe('the Action.Submit fallback (a message carrying value.verb)', () => {
  const fallback = (who: Who, verb: string, data: Record<string, unknown>) => send(submitActivity(person(who), verb, data, { serviceUrl: SERVICE_URL }));

  it('records an update and posts the recorded card as a new message', async () => {
    const sent = await fallback('lead', 'submitUpdate', { actionId: world.ids['1a'], planId: world.planId, cardId: 'card-fallback', ...reminderInputs({ note: 'From an old client', status: 'blocked' }) });
    expect(sent.invoke).toBeNull();
    expect(sent.activities.every((a) => a.type === 'message')).toBe(true);
    expect(textOf(onlyCard(sent))).toContain('Update recorded');
    expect((await world.action('1a')).status).toBe('blocked');
    expect(await world.store.listUpdates(world.ids['1a'])).toMatchObject([{ note: 'From an old client', idempotencyKey: `${world.ids['1a']}:card-fallback`, source: 'card' }]);

    await fallback('lead', 'submitUpdate', { actionId: world.ids['1a'], planId: world.planId, cardId: 'card-fallback', ...reminderInputs({ note: 'From an old client', status: 'blocked' }) });
    expect(await world.store.listUpdates(world.ids['1a'])).toHaveLength(1);
  });

  it('shows the errors on a new reminder card', async () => {
    const sent = await fallback('lead', 'submitUpdate', { actionId: world.ids['1a'], planId: world.planId, cardId: 'card-fallback', ...reminderInputs({ note: '' }) });
    expect(inputErrors(onlyCard(sent))).toHaveProperty('note');
    expect(await world.updateCount()).toBe(0);
  });

  it('refuses a forged sender in words, writing nothing', async () => {
    const before = await world.snapshot();
    const sent = await fallback('stranger', 'submitUpdate', { actionId: world.ids['1a'], planId: world.planId, cardId: 'c', ...reminderInputs({ note: 'Forged', status: 'blocked' }) });
    expect(sent.cards).toEqual([]);
    expect(sent.texts).toEqual([expect.stringContaining('Only the action\'s lead')]);
    await nothingWritten(before);
  });

  it('snoozes', async () => {
    await fallback('deputy', 'snooze', { actionId: world.ids['1a'], planId: world.planId, days: 3 });
    expect((await world.action('1a')).snoozedUntil).toBe(addDays(TODAY, 3));
  });
});

describe('turn ids in the logs', () => {
  it('names each turn by a hash of its conversation and its activity id, and logs no user content', async () => {
    const log = memoryLogger();
    adapter = new TestAdapter(createTurnHandler(world.service, log));
    const NOTE = 'Patient in bed 4 was seen by the sepsis team';
    const message = messageActivity(PEOPLE.lead, `my actions ${NOTE}`, { serviceUrl: SERVICE_URL });
    await send(message);
    const submitted = await submit('lead', '1a', reminderInputs({ note: NOTE }));
    expect(submitted.invoke?.body.statusCode).toBe(200);

    const turns = log.lines.filter((line) => line.message === 'bot turn');
    expect(turns.map((line) => line.activityType)).toEqual(['message', 'invoke']);
    const conversation = personalConversationId(PEOPLE.lead);
    expect(turns[0]?.turnId).toBe(turnIdOf({ id: message.id, conversation: { id: conversation } }));
    expect(turns[0]?.turnId).toMatch(/^[A-Za-z0-9_-]{10}:/);
    // Two turns, two ids; the same conversation, the same hash.
    expect(new Set(turns.map((line) => line.turnId)).size).toBe(2);
    expect(new Set(turns.map((line) => String(line.turnId).split(':')[0])).size).toBe(1);
    const written = JSON.stringify(log.lines);
    expect(written).not.toContain('sepsis');
    expect(written).not.toContain(conversation);
    expect(turnErrors).toEqual([]);
  });
});
