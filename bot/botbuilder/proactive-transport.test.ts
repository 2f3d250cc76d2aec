// The botbuilder transport: a real CloudAdapter (local mode, no app id) sending to the connector
// fake over HTTP, so what is asserted is what botbuilder really puts on the wire.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationReference } from '../../core/model/conversation.js';
import { startConnectorFake, type ConnectorFake, type ConnectorFakeOptions } from '../../test/fakes/connector/index.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardContent, type ProactiveTransport } from '../sending/outbound.js';
import { SendError } from '../sending/send-error.js';
import { createCloudAdapter } from './create-adapter.js';
import { createProactiveTransport, toBotActivity } from './proactive-transport.js';

let fake: ConnectorFake | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const card: AdaptiveCardContent = {
  type: 'AdaptiveCard',
  version: '1.5',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  body: [{ type: 'TextBlock', text: 'Action 3.2 is due on Friday', wrap: true }],
};

function reference(serviceUrl: string, conversationId = 'a:1Hq-personal-chat'): ConversationReference {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: conversationId, tenantId: 'tenant-1', conversationType: 'personal' },
    bot: { id: '28:bot-id', name: 'Followthrough' },
    user: { id: '29:person', aadObjectId: 'aad-person' },
  };
}

interface Setup {
  connector: ConnectorFake;
  transport: ProactiveTransport;
  warn: ReturnType<typeof vi.fn>;
  onTurnError: ReturnType<typeof vi.fn>;
}

async function setup(options: ConnectorFakeOptions = {}): Promise<Setup> {
  const connector = await startConnectorFake(options);
  fake = connector;
  const adapter = createCloudAdapter(null);
  const onTurnError = vi.fn(() => Promise.resolve());
  adapter.onTurnError = onTurnError;
  const warn = vi.fn();
  return { connector, transport: createProactiveTransport(adapter, '', { warn }), warn, onTurnError };
}

async function failure(promise: Promise<unknown>): Promise<SendError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  return port;
}

describe('proactive transport: sending', () => {
  it('posts a message to the conversation and returns the id Teams gave it', async () => {
    const { connector, transport, warn, onTurnError } = await setup();
    const { id } = await transport.send(reference(connector.url), { text: 'Your action is due on Friday' });
    const [recorded] = connector.activities();
    expect(recorded).toMatchObject({ kind: 'send', conversationId: 'a:1Hq-personal-chat', activityId: id, authorization: false });
    expect(recorded?.replyToId).toBeUndefined();
    expect(recorded?.activity).toMatchObject({
      type: 'message',
      text: 'Your action is due on Friday',
      channelId: 'msteams',
      from: { id: '28:bot-id' },
      recipient: { id: '29:person' },
      conversation: { id: 'a:1Hq-personal-chat', tenantId: 'tenant-1' },
    });
    expect(recorded?.activity.replyToId).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    expect(onTurnError).not.toHaveBeenCalled();
  });

  it('sends an Adaptive Card as an attachment, with text and summary', async () => {
    const { connector, transport } = await setup();
    await transport.send(reference(connector.url), { text: 'Reminder', summary: 'Action 3.2 due', card });
    expect(connector.activities()[0]?.activity).toMatchObject({ text: 'Reminder', summary: 'Action 3.2 due', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
  });

  it('updates a sent card in place', async () => {
    const { connector, transport } = await setup();
    const { id } = await transport.send(reference(connector.url), { card });
    const updated = await transport.update(reference(connector.url), id, { text: 'Thank you: progress recorded' });
    expect(updated).toEqual({ id });
    const [, entry] = connector.activities();
    expect(entry).toMatchObject({ kind: 'update', activityId: id, activity: { type: 'message', text: 'Thank you: progress recorded', id } });
    expect(entry?.activity.replyToId).toBeUndefined();
  });

  it("keeps the serviceUrl's path (the Agents Playground's /_connector) and encodes Teams ids", async () => {
    const { connector, transport } = await setup();
    const id = '19:abc@thread.v2';
    await transport.send(reference(connector.playgroundUrl, id), { text: 'hello' });
    expect(connector.requests()[0]?.path).toBe('/_connector/v3/conversations/19%3Aabc%40thread.v2/activities');
    expect(connector.activities(id)).toHaveLength(1);
  });

  it('maps a message without text to one with only the card', () => {
    expect(toBotActivity({ card })).toEqual({ type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
  });
});

describe('proactive transport: failures', () => {
  it('reports a 429 with its Retry-After after exactly one request (botbuilder does not retry behind our back)', async () => {
    const { connector, transport, warn } = await setup();
    connector.failWith('a:1Hq-personal-chat', { status: 429, code: 'Throttled', message: 'Too many requests.', retryAfterSeconds: 0.25 });
    const error = await failure(transport.send(reference(connector.url), { text: 'x' }));
    expect(error).toMatchObject({ status: 429, code: 'Throttled', retryAfterMs: 250, blocked: false, outcomeUnknown: false });
    expect(error.message).toBe('sending to conversation a:1Hq-personal-chat: Too many requests.');
    expect(connector.requests()).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports a 503 after one request too (botbuilder would have retried it three times)', async () => {
    const { connector, transport } = await setup();
    connector.failWith('a:1Hq-personal-chat', { status: 503, code: 'ServiceUnavailable', message: 'Try later.' });
    expect(await failure(transport.send(reference(connector.url), { text: 'x' }))).toMatchObject({ status: 503, retryAfterMs: undefined });
    expect(connector.requests()).toHaveLength(1);
  });

  it.each([
    { shape: 'envelope' as const, code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
    { shape: 'subcode' as const, code: 'MessageWritesBlocked', message: 'Thread is blocked from message writes.' },
  ])('reports a blocked conversation ($shape body) as blocked', async ({ shape, code, message }) => {
    const { connector, transport, onTurnError } = await setup({ blocked: ['a:1Hq-personal-chat'], blockedShape: shape });
    const error = await failure(transport.send(reference(connector.url), { text: 'x' }));
    expect(error).toMatchObject({ status: 403, code, blocked: true });
    expect(error.message).toContain(message);
    expect(onTurnError).not.toHaveBeenCalled();
  });

  it('does not call other 403s blocked', async () => {
    const { connector, transport } = await setup();
    connector.failWith('a:1Hq-personal-chat', { status: 403, code: 'BotNotInConversationRoster', message: "The bot isn't part of the conversation roster." });
    expect(await failure(transport.send(reference(connector.url), { text: 'x' }))).toMatchObject({ status: 403, code: 'BotNotInConversationRoster', blocked: false });
  });

  it('reports a failed update with the status and code', async () => {
    const { connector, transport } = await setup();
    connector.failWith('a:1Hq-personal-chat', { status: 404, code: 'ActivityNotFound', message: 'Activity not found.' });
    const error = await failure(transport.update(reference(connector.url), '1700000000001', { text: 'x' }));
    expect(error).toMatchObject({ status: 404, code: 'ActivityNotFound' });
    expect(error.message).toBe('updating activity 1700000000001 in conversation a:1Hq-personal-chat: Activity not found.');
  });

  it('reports a refused connection as not sent (safe to retry)', async () => {
    const { transport } = await setup();
    const port = await closedPort();
    const error = await failure(transport.send(reference(`http://127.0.0.1:${port}/`), { text: 'x' }));
    expect(error).toMatchObject({ status: 0, code: 'ECONNREFUSED', outcomeUnknown: false, blocked: false });
  });
});
