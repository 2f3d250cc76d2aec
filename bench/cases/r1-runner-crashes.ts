import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock, todayIn } from '../../app/clock.js';
import { PlanDraft } from '../../core/model/index.js';
import { openSqlitePlanStore, type SqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import { startConnectorFake, type ConnectorFake } from '../../test/fakes/connector/index.js';
import { check, count, SQLITE, type CorrectnessCase, type CorrectnessRow } from '../lib/correctness-case.js';
import { seededRandom } from '../../test/support/seeded-random.js';

/**
 * R1 — the reminder runner killed at random moments. A child process (bench/r1-runner-child.ts)
 * runs the bot's scheduler and sweepOnce against a SQLite file shared with this process, sending
 * through the real sender, transport and CloudAdapter to the connector fake here. Each of 50
 * rounds adds a plan with 10 actions due today, each led by its own person whose conversation is
 * stored, starts a runner and SIGKILLs it at a random moment — mostly while it sends, some before
 * its first send — and the next round's runner picks up. A last runner then finishes, and is
 * stopped with SIGTERM once every reminder is `sent`.
 *
 * Each person has exactly one reminder and a conversation of their own, so the fake's record of
 * that conversation counts that reminder's deliveries. missed = reminders never delivered (or not
 * `sent` in the store) at the end; repeats = deliveries beyond one per reminder. The runner says
 * "a crash between the two leaves it `sending`, and the next sweep sends it again: at most one
 * repeat per crash, never a skip" (bot/reminders/reminder-runner.ts): 0 missed, repeats ≤ kills.
 */
const ROUNDS = 50;
const PER_ROUND = 10;
const SWEEP_MS = 100;
/** Each runner is a new instance (as a restarted process is), so it waits for the killed one's lease to lapse. */
const LEASE_MS = 500;
/** Share of kills aimed before the runner's first send (opening the store, the lease, planning, marking `sending`). */
const EARLY_KILLS = 0.2;
/** A kill during sends lands up to this long after the runner's first request: about 12 sends at 40/s. */
const SEND_WINDOW_MS = 300;
const FINISH_TIMEOUT_MS = 90_000;
/** Runners booting ahead of their round. */
const SPARES = 2;
const SEED = 1_806;
const CHILD = fileURLToPath(new URL('../r1-runner-child.ts', import.meta.url));
const TENANT = 'tenant-r1';

interface Runner {
  child: ChildProcess;
  ready: Promise<void>;
  /** Sweeps it finished as the lease holder. */
  leaderSweeps: () => number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

interface Life {
  round: number;
  early: boolean;
  /** How long the round waited for its runner to finish booting. */
  bootWaitMs: number;
  /** Requests the fake answered while this runner lived. */
  requests: number;
  ms: number;
}


function spawnRunner(path: string, instanceId: string): Runner {
  const child = fork(CHILD, [path, instanceId, String(SWEEP_MS), String(LEASE_MS)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  let leaderSweeps = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: { type?: string; leader?: boolean }) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'swept' && message.leader === true) leaderSweeps += 1;
    });
    void exited.then(({ code, signal }) => {
      reject(new Error(`the runner ${instanceId} exited (${String(code ?? signal)}) before it was ready: ${stderr}`));
    });
  });
  // A spare runner killed while it boots rejects `ready` with nobody waiting: not a failure.
  ready.catch(() => undefined);
  child.on('error', (error) => {
    stderr += `\n[child process error: ${error.message}]`;
  });
  return { child, ready, leaderSweeps: () => leaderSweeps, exited, stderr: () => stderr };
}

const person = (round: number, index: number): string => `aad-r1-${String(round)}-${String(index)}`;
const conversationOf = (round: number, index: number): string => `a:r1-${String(round)}-${String(index)}`;

/** A plan of PER_ROUND actions due today, each led by a role one new person holds, whose conversation is stored. */
async function seedRound(store: SqlitePlanStore, fake: ConnectorFake, round: number): Promise<void> {
  const today = todayIn(systemClock, 'Europe/London');
  const now = new Date().toISOString();
  const actions = Array.from({ length: PER_ROUND }, (_, index) => ({
    ref: String.fromCharCode(97 + index),
    text: `Review the learning from incident ${String(round)}.${String(index)} [r1-${String(round)}-${String(index)}]`,
    leads: [`R1 lead ${String(round)}-${String(index)}`],
    due: { text: today, date: today, precision: 'day' },
    status: 'in-progress',
    rag: null,
  }));
  const draft = PlanDraft.parse({
    // Every day and all day, so the reminders are due now whenever the benchmark runs.
    plan: { title: `R1 round ${String(round)}`, references: [`R1/${String(round)}`], status: 'active', reminders: { workingDaysOnly: false, window: { start: '00:00', end: '23:59' } } },
    recommendations: [{ number: '1', text: `Round ${String(round)}: learning from incidents.`, organisation: null, finding: null, actions }],
  });
  for (let index = 0; index < PER_ROUND; index += 1) {
    const aadObjectId = person(round, index);
    await store.saveRole({ name: `R1 lead ${String(round)}-${String(index)}`, holders: [{ aadObjectId, displayName: `Lead ${String(round)}-${String(index)}` }], deputies: [] });
    await store.saveConversation({
      aadObjectId,
      displayName: `Lead ${String(round)}-${String(index)}`,
      tenantId: TENANT,
      reference: {
        serviceUrl: fake.url,
        channelId: 'msteams',
        conversation: { id: conversationOf(round, index), conversationType: 'personal', tenantId: TENANT },
        bot: { id: '28:followthrough', name: 'Followthrough' },
        user: { id: `29:r1-${String(round)}-${String(index)}`, aadObjectId },
      },
      usable: true,
      unusableReason: null,
      updatedAt: now,
    });
  }
  await store.savePlan(draft, { now, contentKey: null });
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return true;
    await sleep(5);
  }
  return false;
}

async function kill(runner: Runner, what: string): Promise<void> {
  if (runner.child.exitCode !== null || runner.child.signalCode !== null) throw new Error(`R1: ${what} had already exited (${String(runner.child.exitCode ?? runner.child.signalCode)}) before it was killed: ${runner.stderr()}`);
  runner.child.kill('SIGKILL');
  const { signal } = await runner.exited;
  check(signal === 'SIGKILL', `${what} did not die of SIGKILL`);
}

export const r1RunnerCrashes: CorrectnessCase = {
  id: 'r1-runner-crashes',
  label: 'R1 reminder runner killed ×50',
  async run(progress) {
    const dir = mkdtempSync(join(tmpdir(), 'followthrough-bench-r1-'));
    const path = join(dir, 'r1.db');
    const store = openSqlitePlanStore({ path });
    const fake = await startConnectorFake();
    const random = seededRandom(SEED);
    const runners: Runner[] = [];
    const spawn = (name: string): Runner => {
      const runner = spawnRunner(path, name);
      runners.push(runner);
      return runner;
    };
    const started = performance.now();
    try {
      const lives: Life[] = [];
      // Runners boot (node, tsx, botbuilder: a second or two of CPU) ahead of their round, SPARES at a time.
      let spawned = 0;
      const spares: Runner[] = [];
      const topUp = (): void => {
        while (spares.length < SPARES && spawned <= ROUNDS) spares.push(spawn(`r1-runner-${String(spawned++)}`));
      };
      const take = (): Runner => {
        topUp();
        const runner = spares.shift();
        if (runner === undefined) throw new Error('R1: no runner left');
        return runner;
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        await seedRound(store, fake, round);
        const runner = take();
        const bootStart = performance.now();
        await runner.ready;
        const bootWaitMs = performance.now() - bootStart;
        topUp();
        const mark = fake.requests().length;
        const lifeStart = performance.now();
        runner.child.send({ type: 'go' });
        const early = random() < EARLY_KILLS;
        if (early) {
          await sleep(random() * 600);
        } else {
          await waitUntil(() => fake.requests().length > mark, 5_000);
          await sleep(random() * SEND_WINDOW_MS);
        }
        await kill(runner, `runner ${String(round)}`);
        lives.push({ round, early, bootWaitMs, requests: fake.requests().length - mark, ms: performance.now() - lifeStart });
        if ((round + 1) % 10 === 0) progress(`R1: ${String(round + 1)} of ${String(ROUNDS)} runners killed`);
      }

      progress('R1: a last runner finishes');
      const expected = ROUNDS * PER_ROUND;
      const last = take();
      await last.ready;
      const finishStart = performance.now();
      last.child.send({ type: 'go' });
      // Finished: every reminder is 'sent', and the last runner has completed a sweep as the lease holder since.
      let allSentAt = Number.NaN;
      const finished = await waitUntil(async () => {
        if (Number.isNaN(allSentAt) && (await store.listReminders({ state: 'sent' })).length >= expected) allSentAt = last.leaderSweeps();
        return !Number.isNaN(allSentAt) && last.leaderSweeps() > allSentAt;
      }, FINISH_TIMEOUT_MS);
      const finishMs = performance.now() - finishStart;
      last.child.kill('SIGTERM');
      const stopped = await last.exited;
      check(stopped.code === 0, `the last runner did not stop cleanly (${String(stopped.code ?? stopped.signal)}): ${last.stderr()}`);
      return await judge({ store, fake, lives, finished, finishMs, totalMs: performance.now() - started, expected }, progress);
    } finally {
      for (const runner of runners) if (runner.child.exitCode === null && runner.child.signalCode === null) runner.child.kill('SIGKILL');
      await Promise.all(runners.map((runner) => runner.exited));
      await store.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function judge(run: { store: SqlitePlanStore; fake: ConnectorFake; lives: Life[]; finished: boolean; finishMs: number; totalMs: number; expected: number }, progress: (message: string) => void) {
  const { store, fake, lives } = run;
  const deliveries = new Map<string, number>();
  for (const entry of fake.activities()) deliveries.set(entry.conversationId, (deliveries.get(entry.conversationId) ?? 0) + 1);
  const reminders = await store.listReminders({});
  const byRecipient = new Map<string, number>();
  for (const entry of reminders) byRecipient.set(entry.recipient, (byRecipient.get(entry.recipient) ?? 0) + 1);
  const states: Record<string, number> = {};
  for (const entry of reminders) states[entry.state] = (states[entry.state] ?? 0) + 1;

  let missed = 0;
  let repeats = 0;
  let maxDeliveries = 0;
  let repeated = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let index = 0; index < PER_ROUND; index += 1) {
      const n = deliveries.get(conversationOf(round, index)) ?? 0;
      if (n === 0) missed += 1;
      if (n > 1) repeated += 1;
      repeats += Math.max(0, n - 1);
      maxDeliveries = Math.max(maxDeliveries, n);
    }
  }
  const notSent = reminders.filter((entry) => entry.state !== 'sent').length;
  const plannedTwice = [...byRecipient.values()].filter((n) => n > 1).length;
  const unknown = [...deliveries.keys()].filter((id) => !/^a:r1-\d+-\d+$/.test(id)).length;
  const kills = lives.length;
  const duringSends = lives.filter((life) => life.requests > 0).length;
  const early = lives.filter((life) => life.early).length;
  const sendsBeforeKills = lives.reduce((sum, life) => sum + life.requests, 0);
  const meanLife = lives.reduce((sum, life) => sum + life.ms, 0) / Math.max(1, kills);
  const meanBootWait = lives.reduce((sum, life) => sum + life.bootWaitMs, 0) / Math.max(1, kills);
  const summary = `${String(missed)} missed, ${String(repeats)} repeats for ${String(kills)} kills (${String(repeated)} reminders delivered more than once, one of them ${String(maxDeliveries)} times); store states ${JSON.stringify(states)}`;

  const row: CorrectnessRow = {
    case: `R1 SIGKILL the runner ×${String(kills)}, ${count(run.expected)} reminders`,
    store: SQLITE,
    measured: `${count(run.expected)} due; ${String(duringSends)} kills during sends`,
    target: 'missed 0, repeats ≤ kills',
    result: `${String(missed)} missed, ${String(repeats)} repeats (≤ ${String(kills)}: ${repeats <= kills ? 'yes' : 'no'})`,
    retries: `kills ${String(kills)}, ${String(early)} aimed before sends`,
    timeMs: run.totalMs,
    figures: { rounds: ROUNDS, perRound: PER_ROUND, expected: run.expected, kills, killsDuringSends: duringSends, killsAimedEarly: early, missed, repeats, repeatedReminders: repeated, maxDeliveries, notSent, plannedTwice, unknownConversations: unknown, sendsBeforeKills, finishMs: run.finishMs, meanLifeMs: meanLife, meanBootWaitMs: meanBootWait, seed: SEED },
  };
  const notes = [
    `Each round adds a plan of ${String(PER_ROUND)} actions due today (every day, all-day window), one new person and stored conversation per action; the runner (bench/r1-runner-child.ts: startScheduler + sweepOnce + pacedDelivery + createSender (40/s, 16 in flight, as startBot wires it) + createProactiveTransport + CloudAdapter, local mode) sweeps every ${String(SWEEP_MS)} ms with a ${String(LEASE_MS)} ms lease under a new instance id per process.`,
    `Kill moments (seed ${String(SEED)}): ${String(early)} at a random time in the first 0.6 s (store, lease, planning, marking 'sending'), the rest at a random time up to ${String(SEND_WINDOW_MS)} ms after the runner's first request; ${String(duringSends)} runners had sent before they died (${count(sendsBeforeKills)} requests in all, mean life ${(meanLife / 1000).toFixed(2)} s, mean wait for a runner to boot ${(meanBootWait / 1000).toFixed(2)} s). The last runner took ${(run.finishMs / 1000).toFixed(1)} s to finish what was left and sweep once more.`,
    `Result: ${summary}.`,
  ];
  // Before the checks, so a failing run still shows its figures.
  for (const note of notes) progress(`R1: ${note}`);
  check(run.finished, `R1: the last runner did not get every reminder to 'sent' within ${String(FINISH_TIMEOUT_MS / 1000)} s; ${summary}`);
  check(reminders.length === run.expected && plannedTwice === 0, `R1: the store holds ${String(reminders.length)} reminders for ${String(run.expected)} due (${String(plannedTwice)} people with more than one)`);
  check(unknown === 0, `R1: the fake recorded sends to ${String(unknown)} conversations nobody has`);
  check(missed === 0 && notSent === 0, `R1: reminders were missed: ${summary}`);
  check(repeats <= kills, `R1: more repeats than crashes: ${summary}`);
  return { rows: [row], notes };
}
