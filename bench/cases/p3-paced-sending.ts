import { createCloudAdapter } from '../../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../../bot/botbuilder/proactive-transport.js';
import { createSender, type SenderEvent, type SendItem, type SendResult, summarise } from '../../bot/sending/index.js';
import type { ConversationReference } from '../../core/model/conversation.js';
import { percentile } from '../lib/measure.js';
import { startConnectorFake, type ConnectorFake } from '../../test/fakes/connector/index.js';
import { taggedReminderCard, tagIn } from '../lib/bench-cards.js';
import { check, count, type CorrectnessCase, type CorrectnessRow } from '../lib/correctness-case.js';
import { ratio } from '../lib/table.js';

/**
 * P3 — paced sending. Reminders go through the real stack: the paced sender
 * (bot/sending/sender.ts, app limit set to the service's own 50/s), the proactive transport and
 * botbuilder's CloudAdapter in local mode, over HTTP to the connector fake, which enforces 50
 * requests/s for the app and 7/s per conversation and refuses 10% of requests with 429
 * (Retry-After 1 s, as Teams sends). Each card carries a unique tag, so the fake's records
 * show what was lost, duplicated or reordered.
 *
 * The mix, 400 people × 5 reminders: reminders go to personal chats, one conversation per
 * person, so hundreds of conversations each with a few messages is the real shape. Five per
 * person exercises the per-conversation queue (in order, one at a time, 7/s) while 400
 * conversations keep the app-wide limit the binding one — the limit whose use is measured.
 * A control run without injected 429s separates the pacing's own efficiency from what the
 * refusals cost.
 */
const LIMIT = 50;
const TARGET = 0.95;
const TODAY = '2025-06-18';
const TAG = /\[(p3-[a-z]+-\d+-\d+)\]/;

interface Scenario {
  name: string;
  label: string;
  people: number;
  perPerson: number;
  rate429: number;
}

const MAIN: Scenario = { name: 'main', label: 'P3a 2,000 reminders, 400 people × 5, 10% 429', people: 400, perPerson: 5, rate429: 0.1 };
const CONTROL: Scenario = { name: 'control', label: 'P3b control: 500 reminders, 100 × 5, no 429', people: 100, perPerson: 5, rate429: 0 };

function reference(serviceUrl: string, scenario: Scenario, person: number): ConversationReference {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: `a:p3-${scenario.name}-${String(person)}`, tenantId: 'tenant-1', conversationType: 'personal' },
    bot: { id: '28:followthrough', name: 'Followthrough' },
    user: { id: `29:person-${String(person)}`, aadObjectId: `aad-${String(person)}` },
  };
}

/** Reminder n for every person, then n + 1 for every person…: people interleaved, as a sweep orders them by due date. */
function items(serviceUrl: string, scenario: Scenario): { item: SendItem; tag: string; person: number; n: number }[] {
  const out: { item: SendItem; tag: string; person: number; n: number }[] = [];
  for (let n = 0; n < scenario.perPerson; n += 1) {
    for (let person = 0; person < scenario.people; person += 1) {
      const tag = `p3-${scenario.name}-${String(person)}-${String(n)}`;
      const item: SendItem = { recipient: `aad-${String(person)}`, reference: reference(serviceUrl, scenario, person), activity: { card: taggedReminderCard(tag, TODAY), summary: 'Followthrough reminder' } };
      out.push({ item, tag, person, n });
    }
  }
  return out;
}

export const p3PacedSending: CorrectnessCase = {
  id: 'p3-paced-sending',
  label: 'P3 paced sending through the connector fake',
  async run(progress) {
    const rows: CorrectnessRow[] = [];
    const notes: string[] = [];
    for (const scenario of [MAIN, CONTROL]) {
      progress(`P3: ${scenario.label} (about ${String(Math.round((scenario.people * scenario.perPerson) / (LIMIT * 0.9)))} s)`);
      const outcome = await sendScenario(scenario);
      rows.push(outcome.row);
      notes.push(...outcome.notes);
    }
    return {
      rows,
      notes: [
        `Real stack: createSender({ limits: { appPerSecond: ${String(LIMIT)} } }) (other limits default: 7/s, 8/2 s, 60/30 s per conversation; 16 workers) → createProactiveTransport → createCloudAdapter(null), appId '' → HTTP on loopback → connector fake (50/s app, 7/s per conversation, Retry-After 1 s, seeded 429s). Each activity is a real reminder card with a unique tag in its action text.`,
        `rate = accepted sends per second, averaged over the whole 1 s windows from the first arrival (a sliding window lets the first second take a full 50 at once, which inflates sends ÷ wall time on a short run), ÷ ${String(LIMIT)}; "steady" leaves out the first and last 5% of arrivals (the start and the tail of retries waiting out Retry-After). lost = an item without a sent result, or a sent result the fake has no record of; duplicated = a tag the fake accepted more than once; order = each conversation's tags arrive in the order given.`,
        ...notes,
      ],
    };
  },
};

async function sendScenario(scenario: Scenario) {
  const fake = await startConnectorFake({ faults: { rate429: scenario.rate429, seed: 20_250_618 }, retryAfterSeconds: 1 });
  try {
    const warnings: string[] = [];
    const events: SenderEvent[] = [];
    const transport = createProactiveTransport(createCloudAdapter(null), '', { warn: (message) => warnings.push(message) });
    const sender = createSender({ transport, limits: { appPerSecond: LIMIT }, onEvent: (event) => events.push(event) });
    const planned = items(fake.url, scenario);
    const started = performance.now();
    const results = await sender.sendAll(planned.map((entry) => entry.item));
    const wallMs = performance.now() - started;
    return judge(scenario, fake, planned, results, { wallMs, warnings, events });
  } finally {
    await fake.close();
  }
}

function judge(scenario: Scenario, fake: ConnectorFake, planned: ReturnType<typeof items>, results: SendResult[], run: { wallMs: number; warnings: string[]; events: SenderEvent[] }) {
  const total = planned.length;
  const arrivals = fake.activities();
  const seen = new Map<string, number>();
  let unknown = 0;
  for (const entry of arrivals) {
    const tag = tagIn(entry.activity, TAG);
    if (tag === null) unknown += 1;
    else seen.set(tag, (seen.get(tag) ?? 0) + 1);
  }
  const notSent = results.filter((result) => result.status !== 'sent').length;
  const sentUnrecorded = planned.filter((entry, index) => results[index]?.status === 'sent' && !seen.has(entry.tag)).length;
  const lost = notSent + sentUnrecorded;
  const duplicated = [...seen.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const planTags = new Set(planned.map((entry) => entry.tag));
  unknown += [...seen.keys()].filter((tag) => !planTags.has(tag)).length;
  const outOfOrder = conversationsOutOfOrder(scenario, fake);

  const stats = fake.stats();
  const accepted = stats.acceptedByKind.send;
  const refused429 = stats.rejected['injected-429'];
  const refusedForRate = stats.rejected['app-rate'] + stats.rejected['conversation-rate'];
  const peakApp = fake.maxRate(1_000);
  const peakConversation = stats.maxObserved.perConversation[0]?.max ?? 0;
  const seconds = run.wallMs / 1000;
  const times = arrivals.map((entry) => entry.at).sort((a, b) => a - b);
  const achieved = perFullSecond(times);
  const endToEnd = accepted / seconds;
  const steady = steadyRate(times);
  const ceiling = (LIMIT * accepted) / stats.requests;
  const retried = results.reduce((sum, result) => sum + Math.max(0, result.attempts - 1), 0);
  const appPauses = run.events.filter((event) => event.type === 'app-paused').length;
  const summary = summarise(results);

  const row: CorrectnessRow = {
    case: scenario.label,
    store: 'connector fake',
    measured: `${achieved.toFixed(1)}/s accepted (${count(accepted)} in ${seconds.toFixed(1)} s); steady ${steady.toFixed(1)}/s`,
    target: `rate ÷ ${String(LIMIT)} ≥ ${String(TARGET)}; 0 lost, 0 dup`,
    result: `${ratio(achieved / LIMIT)} (${achieved / LIMIT >= TARGET ? 'met' : 'below'}), steady ${ratio(steady / LIMIT)}; ${String(lost)} lost, ${String(duplicated)} dup`,
    retries: `429 ${count(refused429)}, retried ${count(retried)}, rate 429s ${String(refusedForRate)}`,
    timeMs: run.wallMs,
    figures: {
      reminders: total, people: scenario.people, perPerson: scenario.perPerson, injected429Rate: scenario.rate429,
      accepted, requests: stats.requests, injected429: refused429, refusedForRate, retried, appPauses,
      achievedPerSecond: achieved, ratioToLimit: achieved / LIMIT, steadyPerSecond: steady, steadyRatio: steady / LIMIT, endToEndPerSecond: endToEnd,
      ceilingIfRefusalsCount: ceiling, peakAppPerSecond: peakApp, peakConversationPerSecond: peakConversation,
      lost, duplicated, unknown, outOfOrder, sent: summary.sent, failed: summary.failed, blocked: summary.blocked, wallMs: run.wallMs,
    },
  };
  const where = `P3 ${scenario.name}`;
  check(run.warnings.length === 0, `${where}: the transport warned: ${run.warnings.join('; ')}`);
  check(lost === 0, `${where}: ${String(lost)} lost (${String(notSent)} without a sent result: ${JSON.stringify(summary)}; ${String(sentUnrecorded)} reported sent but never recorded by the fake)`);
  check(duplicated === 0, `${where}: ${String(duplicated)} duplicated deliveries`);
  check(unknown === 0, `${where}: ${String(unknown)} recorded activities carry no tag we sent`);
  check(outOfOrder === 0, `${where}: ${String(outOfOrder)} conversations received their reminders out of order`);
  check(refusedForRate === 0 && peakApp <= LIMIT && peakConversation <= 7, `${where}: pacing let the fake refuse ${String(refusedForRate)} requests for rate (peak ${String(peakApp)}/s app, ${String(peakConversation)}/s in one conversation)`);
  check(retried === refused429, `${where}: ${String(retried)} retries for ${String(refused429)} injected 429s`);

  const notes = [
    `${scenario.label}: ${count(stats.requests)} requests for ${count(total)} reminders (${count(refused429)} refused by injected 429s${refused429 > 0 ? ', each retried after its Retry-After' : ''}; ${String(refusedForRate)} refused for rate; ${String(appPauses)} app-wide pauses); peak ${String(peakApp)} accepted in any 1 s (limit ${String(LIMIT)}), ${String(peakConversation)} in one conversation (limit 7); sent ÷ wall time ${endToEnd.toFixed(1)}/s; took ${seconds.toFixed(1)} s where ${String(LIMIT)}/s needs ${((total - LIMIT) / LIMIT).toFixed(1)} s after the first second's burst.`,
    ...(refused429 > 0
      ? [
          `  429s: a refused request gives its app-wide slot back (bot/sending/sender.ts, decision 008), as the fake holds only accepted requests against its 50/s (test/fakes/connector/README.md). Counting the refusals would cap the rate at 50 × accepted ÷ requests = ${ceiling.toFixed(1)}/s (${ratio(ceiling / LIMIT)}).`,
        ]
      : []),
  ];
  return { row, notes };
}

/** Conversations whose tags arrived in another order than given (n = 0, 1, 2, …). */
function conversationsOutOfOrder(scenario: Scenario, fake: ConnectorFake): number {
  let wrong = 0;
  for (let person = 0; person < scenario.people; person += 1) {
    const ns = fake.activities(`a:p3-${scenario.name}-${String(person)}`).map((entry) => Number((tagIn(entry.activity, TAG) ?? '').split('-').at(-1)));
    if (ns.some((n, index) => n !== index)) wrong += 1;
  }
  return wrong;
}

/** Arrivals per second over the whole 1 s windows from the first arrival (the last, partial window left out). */
function perFullSecond(sortedAt: readonly number[]): number {
  const first = sortedAt[0];
  const last = sortedAt.at(-1);
  if (first === undefined || last === undefined) return 0;
  const windows = Math.floor((last - first) / 1000);
  if (windows === 0) return sortedAt.length;
  const end = first + windows * 1000;
  return sortedAt.filter((at) => at < end).length / windows;
}

/** Accepted per second between the 5th and 95th percentile arrival. */
function steadyRate(sortedAt: readonly number[]): number {
  const low = percentile(sortedAt, 5);
  const high = percentile(sortedAt, 95);
  return high > low ? (sortedAt.length * 0.9) / ((high - low) / 1000) : Number.NaN;
}
