// The adapter reuses one ConnectorClient across inbound turns (building one per turn was a
// large share of a card submit's cost), and keeps proactive turns on a client of their own.
import type { TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../app/demo.js';
import { messageActivity } from '../../test/support/teams-activities.js';
import { createCloudAdapter } from './create-adapter.js';

/** The least of a request and response that CloudAdapter.process reads and writes. */
function exchange(body: Record<string, unknown>) {
  const response = { socket: null, status: () => response, header: () => response, send: () => response, end: () => response };
  return { request: { body, headers: {}, method: 'POST' }, response };
}

async function turnState(adapter: ReturnType<typeof createCloudAdapter>, serviceUrl: string, key: symbol): Promise<unknown> {
  let seen: unknown = null;
  const { request, response } = exchange({ ...messageActivity(DEMO_USER, 'help', { serviceUrl }), type: 'event', name: 'probe' });
  await adapter.process(request, response, (context: TurnContext) => {
    seen = context.turnState.get(key);
    return Promise.resolve();
  });
  return seen;
}

const connectorOfTurn = (adapter: ReturnType<typeof createCloudAdapter>, serviceUrl: string) => turnState(adapter, serviceUrl, adapter.ConnectorClientKey);

describe('createCloudAdapter', () => {
  it('reuses the connector client for inbound turns to the same service, and not across services', async () => {
    const adapter = createCloudAdapter(null);
    const first = await connectorOfTurn(adapter, 'https://smba.trafficmanager.net/uk/');
    const second = await connectorOfTurn(adapter, 'https://smba.trafficmanager.net/uk/');
    const elsewhere = await connectorOfTurn(adapter, 'https://smba.trafficmanager.net/emea/');
    expect(first).not.toBeNull();
    expect(second).toBe(first);
    expect(elsewhere).not.toBe(first);
  });

  it('reuses the user token client across inbound turns instead of building one per turn', async () => {
    const adapter = createCloudAdapter(null);
    const first = await turnState(adapter, 'https://smba.trafficmanager.net/uk/', adapter.UserTokenClientKey);
    const second = await turnState(adapter, 'https://smba.trafficmanager.net/emea/', adapter.UserTokenClientKey);
    expect(first).not.toBeNull();
    expect(second).toBe(first);
  });

  it('gives a proactive turn a client of its own (its retry policy is removed for pacing)', async () => {
    const adapter = createCloudAdapter(null);
    const serviceUrl = 'https://smba.trafficmanager.net/uk/';
    const inbound = await connectorOfTurn(adapter, serviceUrl);
    let proactive: unknown = null;
    await adapter.continueConversationAsync('', { serviceUrl, channelId: 'msteams', conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: '28:bot', name: 'bot' } }, (context) => {
      proactive = context.turnState.get(adapter.ConnectorClientKey);
      return Promise.resolve();
    });
    expect(proactive).not.toBeNull();
    expect(proactive).not.toBe(inbound);
  });
});
