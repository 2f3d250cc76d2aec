// Proactive sending end to end over HTTP: a real botbuilder CloudAdapter (local mode), our
// transport and the paced sender, against the connector fake enforcing Teams' limits. Checks
// that every message arrives exactly once, that pacing keeps the fake from having to refuse
// anything for rate, and that 429s, blocked people and results per recipient come out right.
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudAdapter } from '../../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../../bot/botbuilder/proactive-transport.js';
import { createSender, summarise, type SenderEvent, type SenderOptions, type SendItem, type SendResult } from '../../bot/sending/index.js';
import type { ConversationReference } from '../../core/model/conversation.js';
import { startConnectorFake, type ConnectorFake, type ConnectorFakeOptions } from '../fakes/connector/index.js';

let fake: ConnectorFake | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

function reference(serviceUrl: string, conversation: number): ConversationReference {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: `a:chat-${conversation}`, tenantId: 'tenant-1', conversationType: 'personal' },
    bot: { id: '28:followthrough', name: 'Followthrough' },
    user: { id: `29:person-${conversation}`, aadObjectId: `aad-${conversation}` },
  };
}

/** `perConversation` reminders for each of `conversations` people, in due order (people interleaved). */
function reminders(serviceUrl: string, conversations: number, perConversation: number): SendItem[] {
  const items: SendItem[] = [];
  for (let n = 0; n < perConversation; n += 1) {
    for (let c = 0; c < conversations; c += 1) {
      items.push({
        recipient: `aad-${c}`,
        reference: reference(serviceUrl, c),
        activity: {
          text: `reminder ${c}/${n}`,
          card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Action ${c}.${n} is due on Friday`, wrap: true }] },
        },
      });
    }
  }
  return items;
}

async function sendThrough(connectorOptions: ConnectorFakeOptions, build: (url: string) => SendItem[], senderOptions: Partial<SenderOptions> = {}): Promise<{ connector: ConnectorFake; items: SendItem[]; results: SendResult[]; events: SenderEvent[]; ms: number }> {
  const connector = await startConnectorFake(connectorOptions);
  fake = connector;
  const transport = createProactiveTransport(createCloudAdapter(null), '');
  const events: SenderEvent[] = [];
  const sender = createSender({ transport, onEvent: (event) => events.push(event), ...senderOptions });
  const items = build(connector.url);
  const started = performance.now();
  const results = await sender.sendAll(items);
  return { connector, items, results, events, ms: performance.now() - started };
}

/** Each accepted message's text, with how often the fake accepted it. */
function deliveries(connector: ConnectorFake): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of connector.activities()) {
    const text = String(entry.activity.text);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}

describe('proactive sending through botbuilder to the connector fake', () => {
  it('delivers 200 reminders to 20 people exactly once, in order, without the fake refusing any for rate', async () => {
    const { connector, items, results, ms } = await sendThrough({}, (url) => reminders(url, 20, 10));
    expect(summarise(results)).toEqual({ total: 200, sent: 200, blocked: 0, failed: 0 });

    const delivered = deliveries(connector);
    expect(delivered.size).toBe(200);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    for (let c = 0; c < 20; c += 1) {
      expect(connector.activities(`a:chat-${c}`).map((entry) => entry.activity.text)).toEqual(Array.from({ length: 10 }, (_, n) => `reminder ${c}/${n}`));
    }

    // One result per recipient, in the items' order, carrying the id the connector gave.
    expect(results.map((result) => result.recipient)).toEqual(items.map((item) => item.recipient));
    const idByText = new Map(connector.activities().map((entry) => [String(entry.activity.text), entry.activityId]));
    expect(results.map((result) => (result.status === 'sent' ? result.activityId : null))).toEqual(items.map((item) => idByText.get(item.activity.text ?? '')));

    const stats = connector.stats();
    expect(stats.requests).toBe(200);
    expect(stats.rejected).toMatchObject({ 'conversation-rate': 0, 'app-rate': 0 });
    expect(stats.withAuthorization).toBe(0);
    expect(stats.maxObserved.perConversation[0]?.max).toBeLessThanOrEqual(7);
    const appMax = stats.maxObserved.app[0]?.max ?? 0;
    expect(appMax).toBeLessThanOrEqual(40);
    // Paced near the sender's own 40/s, not far below it: 200 messages need about 5 s.
    expect(appMax).toBeGreaterThanOrEqual(30);
    expect(ms).toBeGreaterThan(4_000);
    expect(ms).toBeLessThan(12_000);
  });

  it('retries every injected 429, gives up at once on a blocked person, and reports each recipient', async () => {
    const blocked = 'a:chat-3';
    const { connector, results, events } = await sendThrough(
      { blocked: [blocked], faults: { rate429: 0.1, seed: 42 }, retryAfterSeconds: 0.05 },
      (url) => reminders(url, 20, 4),
    );
    expect(summarise(results)).toEqual({ total: 80, sent: 76, blocked: 4, failed: 0 });

    // The blocked person: one request, never retried; their later reminders not tried.
    expect(connector.requests().filter((entry) => entry.conversationId === blocked)).toHaveLength(1);
    const theirs = results.filter((result) => result.conversationId === blocked);
    expect(theirs.map((result) => [result.recipient, result.status, result.attempts])).toEqual([
      ['aad-3', 'blocked', 1],
      ['aad-3', 'blocked', 0],
      ['aad-3', 'blocked', 0],
      ['aad-3', 'blocked', 0],
    ]);
    expect(theirs[0]?.status === 'blocked' ? theirs[0].reason : '').toContain('ConversationBlockedByUser');

    // Everyone else: exactly once, and every 429 the fake injected was retried and then succeeded.
    const delivered = deliveries(connector);
    expect(delivered.size).toBe(76);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    const stats = connector.stats();
    const injected = stats.rejected['injected-429'];
    expect(injected).toBeGreaterThan(0);
    const retries = results.reduce((sum, result) => sum + (result.status === 'sent' ? result.attempts - 1 : 0), 0);
    expect(retries).toBe(injected);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(injected);
    expect(stats.rejected).toMatchObject({ 'conversation-rate': 0, 'app-rate': 0, blocked: 1 });
    expect(stats.requests).toBe(76 + injected + 1);
  });

  it('holds an app limit set exactly at the fake’s (50/s) with no rate refusals', async () => {
    const { connector, results } = await sendThrough({ limits: { app: [{ limit: 50, windowMs: 1_000 }] } }, (url) => reminders(url, 100, 2), { limits: { appPerSecond: 50 }, concurrency: 24 });
    expect(summarise(results).sent).toBe(200);
    const stats = connector.stats();
    expect(stats.rejected).toMatchObject({ 'conversation-rate': 0, 'app-rate': 0 });
    expect(stats.maxObserved.app[0]?.max).toBeLessThanOrEqual(50);
    expect(stats.maxObserved.app[0]?.max).toBeGreaterThanOrEqual(45);
  });
});
