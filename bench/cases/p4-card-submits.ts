import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { systemClock } from '../../app/clock.js';
import { DEMO_USER } from '../../app/demo.js';
import { createLogger } from '../../app/logger.js';
import { startBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import { CLOSED_STATUSES, type Action } from '../../core/model/index.js';
import { DEMO_LEAD_ROLE } from '../../core/demo/demo-plan.js';
import { openSqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import { startConnectorFake } from '../../test/fakes/connector/index.js';
import type { BenchCase } from '../lib/bench-case.js';
import { type Answer, loadTest, postJson } from '../lib/http-load.js';
import { percentile, summarise } from '../lib/measure.js';
import { ms, ratio } from '../lib/table.js';
import type { SelfTimedCase } from '../lib/timing-extras.js';

// restify is loaded now, and has patched writeHead for every server in this process: put Node's
// contract back so the connector fake here (and the fakes of the cases that run after) still work.

/**
 * P4 — card submits under load. The real server (startBot in local mode: restify, CloudAdapter,
 * the bot service, SQLite in a temporary file) answers `adaptiveCard/action` invokes with verb
 * `submitUpdate` from 50 concurrent clients: the demo lead recording progress on their open
 * actions, each submit with its own cardId and note, across all their actions. Beside it, in the
 * same process, a bare restify server whose one handler reads the same request and answers a
 * fixed copy of a real answer. Batches of the two alternate (the first rotating), so a slow
 * moment of the machine falls on both; latency is per request, from sending to the last byte.
 */
const CONCURRENCY = 50;
const BATCH = 150;
const ROUNDS = 12;
const WARMUP = 100;
const SEQUENTIAL = 60;
const TARGET_P95_RATIO = 3;
const CARD = 'application/vnd.microsoft.card.adaptive';

interface Submit {
  cardId: string;
  actionId: string;
}

interface Servers {
  botUrl: string;
  bareUrl: string;
  actions: Action[];
  /** The connector fake: the serviceUrl in the invokes, so the bot's reminder sweeps send there. */
  serviceUrl: string;
  /** Reminder cards the bot has sent to the connector fake so far (its sweeps). */
  proactiveSends: () => number;
  /** The bare server's fixed answer. */
  setStatic: (text: string) => void;
  /** performance.now() when startBot returned: its scheduler sweeps 10 s after, and every 10 s. */
  botStartedAt: number;
  errorsLogged: () => string[];
  store: ReturnType<typeof openSqlitePlanStore>;
  close: () => Promise<void>;
}

const NOTES = [
  'Audit sample chosen; first results due next week.',
  'Met the team leads; the prompt is in testing with two teams and goes live on the first of the month if the pilot shows no problems.',
  'Waiting for the records team.',
  'Training dates booked for all five localities; attendance will be reported to the Quality and Safety Committee.',
];

async function startServers(): Promise<Servers> {
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-bench-p4-'));
  const path = join(dir, 'p4.db');
  const store = openSqlitePlanStore({ path });
  const fake = await startConnectorFake();
  const lines: string[] = [];
  const log = createLogger('warn', (line) => lines.push(line));
  // Sweeps every 10 s (the shortest allowed), so one is due during the load.
  const config = loadConfig({ SQLITE_PATH: path, LOG_LEVEL: 'warn', REMINDER_SWEEP_SECONDS: '10', PLAYGROUND: 'off' });
  const bot = await startBot(config, { port: 0, playground: false, store, clock: systemClock, log });
  const botStartedAt = performance.now();
  const bare = restify.createServer({ name: 'bare', handleUncaughtExceptions: false });
  bare.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));
  let staticAnswer = '{}';
  bare.post('/api/messages', async (_request, response) => {
    await Promise.resolve();
    response.sendRaw(200, staticAnswer, { 'Content-Type': 'application/json' });
  });
  await new Promise<void>((resolve) => {
    bare.listen(0, '127.0.0.1', resolve);
  });
  const plans = await store.listPlans();
  const trees = await Promise.all(plans.map((plan) => store.getPlan(plan.id)));
  const actions = trees.flatMap((tree) => tree?.recommendations.flatMap((r) => r.actions) ?? []).filter((action) => action.leads.includes(DEMO_LEAD_ROLE) && !CLOSED_STATUSES.includes(action.status));
  if (actions.length < 3) throw new Error(`P4: the demo plan gave ${String(actions.length)} open actions led by the demo user`);
  return {
    botUrl: `${bot.url}/api/messages`,
    bareUrl: `http://127.0.0.1:${String(bare.address().port)}/api/messages`,
    actions,
    serviceUrl: fake.url,
    botStartedAt,
    proactiveSends: () => fake.activities().length,
    errorsLogged: () => lines.filter((line) => (JSON.parse(line) as { level: string }).level === 'error'),
    store,
    setStatic: (text) => {
      staticAnswer = text;
    },
    close: async () => {
      try {
        await bot.stop();
        await new Promise<void>((resolve) => {
          bare.close(() => {
            resolve();
          });
        });
        await fake.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The invoke Teams sends when the demo lead presses "Submit update" on a reminder card. */
function invoke(submit: Submit, action: Action, note: string, serviceUrl: string): string {
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `invoke-${submit.cardId}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:alex-wilber', aadObjectId: DEMO_USER.aadObjectId, name: DEMO_USER.displayName },
    recipient: { id: '28:followthrough', name: 'Followthrough' },
    conversation: { id: 'a:p4-demo-lead', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000001' },
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
    locale: 'en-GB',
    value: { action: { type: 'Action.Execute', verb: 'submitUpdate', data: { actionId: action.id, planId: action.planId, cardId: submit.cardId, note, status: action.status } } },
  });
}

/** Makes the bodies of a batch: cardIds unique across the run, actions and notes in turn. */
function submitter(servers: Servers) {
  let made = 0;
  const submits: Submit[] = [];
  return {
    submits,
    batch(size: number): string[] {
      return Array.from({ length: size }, () => {
        const n = (made += 1);
        const action = servers.actions[n % servers.actions.length] ?? servers.actions[0];
        if (action === undefined) throw new Error('no action');
        const submit = { cardId: `p4-card-${String(n)}`, actionId: action.id };
        submits.push(submit);
        return invoke(submit, action, `${NOTES[n % NOTES.length] ?? ''} (${String(n)})`, servers.serviceUrl);
      });
    },
  };
}

/** Every answer from the bot: HTTP 200 carrying the "Update recorded" card. */
function checkOurs(answers: readonly Answer[]): void {
  for (const answer of answers) {
    const body = answer.status === 200 ? (JSON.parse(answer.text) as { statusCode?: number; type?: string; value?: unknown }) : null;
    if (body?.statusCode !== 200 || body.type !== CARD || !JSON.stringify(body.value).includes('Update recorded')) {
      throw new Error(`P4: a submit was answered ${String(answer.status)}: ${answer.text.slice(0, 300)}`);
    }
  }
}

function checkBaseline(answers: readonly Answer[], expected: string): void {
  for (const answer of answers) if (answer.status !== 200 || answer.text !== expected) throw new Error(`P4: the bare server answered ${String(answer.status)}`);
}

/**
 * Each submit recorded exactly once, under its cardId: the update's idempotency key is the
 * cardId, or (since card ids are scoped per action) `<actionId>:<cardId>`.
 */
async function checkRecorded(servers: Servers, submits: readonly Submit[]): Promise<{ lost: number; duplicated: number }> {
  const keys = new Map<string, number>();
  for (const action of servers.actions) {
    for (const update of await servers.store.listUpdates(action.id)) {
      if (update.idempotencyKey !== null) keys.set(update.idempotencyKey, (keys.get(update.idempotencyKey) ?? 0) + 1);
    }
  }
  const lost = submits.filter((submit) => !keys.has(submit.cardId) && !keys.has(`${submit.actionId}:${submit.cardId}`)).length;
  const duplicated = [...keys.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return { lost, duplicated };
}

const latencies = (answers: readonly Answer[]): number[] => answers.map((answer) => answer.ms);
const p = (values: readonly number[], at: number): number => percentile([...values].sort((a, b) => a - b), at);

export const p4CardSubmits: BenchCase = {
  id: 'p4-card-submits',
  label: `P4 card submit, ${String(CONCURRENCY)} concurrent`,
  baseline: `a bare restify server (bodyParser and one handler answering a fixed copy of a real answer) under the same ${String(CONCURRENCY)} clients; runs = requests, median and p95 = per-request latency`,
  runPlan: { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0, gcEachRun: false },
  async prepare() {
    const servers = await startServers();
    const make = submitter(servers);
    // One real answer, untimed, becomes the bare server's fixed answer (the same size as ours).
    const first = await postJson(servers.botUrl, make.batch(1)[0] ?? '');
    checkOurs([first]);
    const staticAnswer = first.text;
    servers.setStatic(staticAnswer);

    const runOurs = async (size: number): Promise<Answer[]> => {
      const bodies = make.batch(size);
      const answers = await loadTest(servers.botUrl, size, CONCURRENCY, (index) => bodies[index] ?? '');
      checkOurs(answers);
      return answers;
    };
    const runBaseline = async (size: number): Promise<Answer[]> => {
      const baselineBodies = make.batch(size);
      // The same requests go to the bare server; their cardIds are not recorded anywhere.
      make.submits.splice(make.submits.length - size, size);
      const answers = await loadTest(servers.bareUrl, size, CONCURRENCY, (index) => baselineBodies[index] ?? '');
      checkBaseline(answers, staticAnswer);
      return answers;
    };

    const prepared: SelfTimedCase = {
      ours: { run: () => runOurs(BATCH) },
      baseline: { run: () => runBaseline(BATCH) },
      async timeSideBySide(progress) {
        progress(`P4: warming up (${String(WARMUP)} submits to each)`);
        await runOurs(WARMUP);
        await runBaseline(WARMUP);
        const sendsBefore = servers.proactiveSends();
        const loadStart = performance.now();
        const oursMs: number[] = [];
        const baselineMs: number[] = [];
        const roundMedians: number[] = [];
        // Each round's p95 ÷ the bare server's p95 in the same round: a paired comparison, so a
        // slow stretch of this noisy 2-core machine lands on both sides of one ratio.
        const roundRatios: number[] = [];
        let roundOurs: number[] = [];
        let roundBaseline: number[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          progress(`P4: round ${String(round + 1)} of ${String(ROUNDS)}, ${String(BATCH)} submits to each`);
          const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
          for (const which of order) {
            if (which === 'ours') {
              roundOurs = latencies(await runOurs(BATCH));
              oursMs.push(...roundOurs);
              roundMedians.push(p(roundOurs, 50));
            } else {
              roundBaseline = latencies(await runBaseline(BATCH));
              baselineMs.push(...roundBaseline);
            }
          }
          roundRatios.push(p(roundOurs, 95) / p(roundBaseline, 95));
        }
        const loadSeconds = (performance.now() - loadStart) / 1000;
        const loadFrom = (loadStart - servers.botStartedAt) / 1000;
        const sendsDuringLoad = servers.proactiveSends() - sendsBefore;
        // One at a time, alternating: what a submit costs without queueing behind 49 others.
        const sequentialOurs: number[] = [];
        const sequentialBaseline: number[] = [];
        for (let i = 0; i < SEQUENTIAL; i += 1) {
          sequentialOurs.push(...latencies(await runOurs(1)));
          sequentialBaseline.push(...latencies(await runBaseline(1)));
        }
        // After the load: does the sweep that was due during it run now? (scheduler.nudge debounces on every card action.)
        const quietStart = performance.now();
        while (servers.proactiveSends() === sendsBefore + sendsDuringLoad && performance.now() - quietStart < 4_000) await new Promise((resolve) => setTimeout(resolve, 50));
        const sweepAfterMs = servers.proactiveSends() > sendsBefore + sendsDuringLoad ? performance.now() - quietStart : Number.NaN;

        const recorded = await checkRecorded(servers, make.submits);
        const errors = servers.errorsLogged();
        if (recorded.lost > 0 || recorded.duplicated > 0) throw new Error(`P4: of ${String(make.submits.length)} submits, ${String(recorded.lost)} were not recorded and ${String(recorded.duplicated)} were recorded twice`);
        if (errors.length > 0) throw new Error(`P4: the bot logged errors: ${errors.slice(0, 3).join(' | ')}`);

        const oursTiming = summarise(oursMs);
        const baselineTiming = summarise(baselineMs);
        const pooledRatio = oursTiming.p95Ms / baselineTiming.p95Ms;
        // The verdict: the median of the paired per-round ratios (the pooled ratio is shown too).
        const p95Ratio = p(roundRatios, 50);
        const seqOurs = p(sequentialOurs, 50);
        const seqBaseline = p(sequentialBaseline, 50);
        const updatesPerAction = Math.round(make.submits.length / servers.actions.length);
        return {
          ours: oursTiming,
          baseline: baselineTiming,
          notes: [
            `p95 ratio ${ratio(p95Ratio)} — the median of ${String(ROUNDS)} paired rounds (each round: ${String(BATCH)} requests to each server back to back; per-round ratios ${roundRatios.map((value) => ratio(value)).join(', ')}) — target ≤ ${String(TARGET_P95_RATIO)}×: ${p95Ratio <= TARGET_P95_RATIO ? 'met' : 'not met'}. Pooled over all rounds: p50 ${ms(oursTiming.medianMs)} vs ${ms(baselineTiming.medianMs)} ms, p95 ${ms(oursTiming.p95Ms)} vs ${ms(baselineTiming.p95Ms)} ms (${ratio(pooledRatio)}); after ${String(WARMUP)} to each untimed.`,
            `one at a time (no queue), p50 ${ms(seqOurs)} vs ${ms(seqBaseline)} ms (${ratio(seqOurs / seqBaseline)}): under 50 concurrent clients a request waits for the ones ahead of it on the one event loop, so latency ≈ 50 × the cost of one.`,
            `our p50 by round: ${roundMedians.map((value) => ms(value)).join(', ')} ms, while each of the ${String(servers.actions.length)} actions gathered about ${String(updatesPerAction)} updates (a submit reads the action by key with its plan and recommendation, its last update and any update under the card's key — not the plan or the history, so the rounds should not slow as updates gather).`,
            `all ${String(make.submits.length)} submits answered 200 with "Update recorded" and stored once under their cardId; bot errors logged: 0.`,
            `reminder sweeps: the bot sweeps every 10 s and the demo lead's reminders were due (their conversation was stored by the first submit); from ${loadFrom.toFixed(1)} s to ${(loadFrom + loadSeconds).toFixed(1)} s after start, under load, it sent ${String(sendsDuringLoad)}; after the load ${Number.isNaN(sweepAfterMs) ? 'none within 4 s' : `the first came ${ms(sweepAfterMs)} ms after the sequential submits ended`}.`,
          ],
          figures: {
            concurrency: CONCURRENCY, requestsEach: oursMs.length, oursP50Ms: oursTiming.medianMs, oursP95Ms: oursTiming.p95Ms, baselineP50Ms: baselineTiming.medianMs, baselineP95Ms: baselineTiming.p95Ms,
            p95Ratio, pooledP95Ratio: pooledRatio, sequentialOursP50Ms: seqOurs, sequentialBaselineP50Ms: seqBaseline, submitsRecorded: make.submits.length, lost: recorded.lost, duplicated: recorded.duplicated,
            loadSeconds, loadStartAfterBotSeconds: loadFrom, remindersSentDuringLoad: sendsDuringLoad, sweepAfterLoadMs: sweepAfterMs,
          },
        };
      },
      dispose: () => servers.close(),
    };
    return prepared;
  },
};
