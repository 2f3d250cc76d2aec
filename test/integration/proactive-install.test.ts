import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../app/logger.js';
import { createCloudAdapter } from '../../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../../bot/botbuilder/proactive-transport.js';
import { createInstaller } from '../../bot/install/proactive-install.js';
import { pacedDelivery } from '../../bot/reminders/paced-delivery.js';
import { sweepOnce } from '../../bot/reminders/reminder-runner.js';
import { createSender } from '../../bot/sending/sender.js';
import { createCardRenderer } from '../../bot/service/card-renderer.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/model/index.js';
import { demoPlan, DEMO_LEAD_ROLE } from '../../core/demo/demo-plan.js';
import { createGraphHttp } from '../../store/sharepoint/graph/create-graph-http.js';
import { staticTokenSource } from '../../store/sharepoint/graph/token-source.js';
import { openSqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import type { PlanStore } from '../../store/plan-store.js';
import { type ConnectorFake, startConnectorFake } from '../fakes/connector/index.js';
import { type GraphFake, startGraphFake } from '../fakes/graph/index.js';

/** A lead who never installed the bot still gets the reminder: installed through Graph, then sent. */
const MANIFEST_ID = '5d0a0c3e-7a7b-4a5c-9b1e-1f2e3d4c5b6a';
const BOT_ID = 'b0b0b0b0-1111-2222-3333-444444444444';
const TENANT = 'ten00000-0000-0000-0000-000000000001';
const LEAD = 'lead-never-installed';
const NOW = new Date('2026-03-10T10:00:00Z');

let graph: GraphFake;
let connector: ConnectorFake;
let store: PlanStore;

beforeEach(async () => {
  graph = await startGraphFake({ catalogApps: [{ id: 'catalog-1', externalId: MANIFEST_ID, displayName: 'Followthrough' }] });
  connector = await startConnectorFake();
  store = openSqlitePlanStore({ path: ':memory:' });
});
afterEach(async () => {
  await graph.close();
  await connector.close();
  await store.close();
});

function installer() {
  const http = createGraphHttp({ baseUrl: graph.url, tokens: staticTokenSource('t') });
  return createInstaller(http, { manifestAppId: MANIFEST_ID, botAppId: BOT_ID, tenantId: TENANT, serviceUrl: connector.url, now: () => NOW });
}

describe('proactive installation through Graph', () => {
  it('installs the app for the user and returns their 1:1 chat; a second time it is already installed', async () => {
    const first = await installer().conversationFor(LEAD, 'Lee Lead');
    expect(first?.reference).toMatchObject({ channelId: 'msteams', serviceUrl: connector.url, conversation: { conversationType: 'personal', tenantId: TENANT }, bot: { id: `28:${BOT_ID}` } });
    const again = await installer().conversationFor(LEAD, 'Lee Lead');
    expect(again?.reference.conversation.id).toBe(first?.reference.conversation.id);
    expect(graph.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([201, 409]);
  });

  it('gives up (null) when the app is not in the org catalog', async () => {
    const http = createGraphHttp({ baseUrl: graph.url, tokens: staticTokenSource('t') });
    const missing = createInstaller(http, { manifestAppId: '00000000-0000-0000-0000-000000000000', botAppId: BOT_ID, tenantId: TENANT, serviceUrl: connector.url, now: () => NOW });
    expect(await missing.conversationFor(LEAD, null)).toBeNull();
  });

  it('lets the reminder runner reach a lead who never installed the bot', async () => {
    await store.savePlan(demoPlan('2026-03-10'), { now: NOW.toISOString() });
    await store.saveRole({ name: DEMO_LEAD_ROLE, holders: [{ aadObjectId: LEAD, displayName: 'Lee Lead' }], deputies: [] });
    const sender = createSender({ transport: createProactiveTransport(createCloudAdapter(null), '') });
    const report = await sweepOnce({
      store,
      delivery: pacedDelivery(sender),
      render: createCardRenderer({ formatTime: (instant) => instant }),
      now: () => NOW,
      timeZone: 'Europe/London',
      holidays: () => new Set(),
      defaults: DEFAULT_REMINDER_SETTINGS,
      instanceId: 'test',
      leaseMs: 60_000,
      openUrl: (id) => `https://example.test/${id}`,
      log: memoryLogger(),
      installer: installer(),
    });
    expect(report).toMatchObject({ leader: true, waiting: 0 });
    expect(report.sent).toBeGreaterThan(0);
    const conversation = await store.getConversation(LEAD);
    expect(conversation?.reference.conversation.id).toMatch(/^19:/);
    expect(connector.activities(conversation?.reference.conversation.id ?? '')).toHaveLength(1);
  });
});
