/**
 * R1's reminder runner, in a process of its own so the benchmark (bench/cases/r1-runner-crashes.ts)
 * can SIGKILL it. Wired as app/start-bot.ts wires it, without the HTTP side: the scheduler and
 * sweepOnce over a SQLite store, delivering through pacedDelivery → the paced sender → the
 * proactive transport → botbuilder's CloudAdapter in local mode.
 *
 * Usage (forked with an IPC channel): r1-runner-child.ts <sqlite path> <instance id> <sweep ms> <lease ms>
 * Sends { type: 'ready' } once its modules are loaded, starts sweeping on { type: 'go' }, sends
 * { type: 'swept', leader, sent, planned } after each sweep, and on SIGTERM stops the scheduler
 * (waiting for the sweep in flight), closes the store and exits 0.
 */
import { createLogger } from '../app/logger.js';
import { createCloudAdapter } from '../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../bot/botbuilder/proactive-transport.js';
import { bankHolidays } from '../bot/reminders/bank-holidays.js';
import { pacedDelivery } from '../bot/reminders/paced-delivery.js';
import { startScheduler } from '../bot/reminders/scheduler.js';
import { createSender, DEFAULT_LIMITS } from '../bot/sending/sender.js';
import { createCardRenderer } from '../bot/service/card-renderer.js';
import { DEFAULT_REMINDER_SETTINGS } from '../core/model/index.js';
import { openSqlitePlanStore } from '../store/sqlite/sqlite-plan-store.js';

const [path = '', instanceId = '', sweepMs = '', leaseMs = ''] = process.argv.slice(2);
if (path === '' || instanceId === '' || !(Number(sweepMs) > 0) || !(Number(leaseMs) > 0)) {
  throw new Error('usage: r1-runner-child.ts <sqlite path> <instance id> <sweep ms> <lease ms>');
}

/** Set once started: what SIGTERM must stop. */
let stop: (() => Promise<void>) | null = null;

function start(): void {
  const store = openSqlitePlanStore({ path });
  const log = createLogger('warn');
  const transport = createProactiveTransport(createCloudAdapter(null), '', { warn: (message) => { log.warn(message); } });
  // As start-bot.ts wires it: one reminder in flight (REMINDER_SENDS_IN_FLIGHT's default).
  const sender = createSender({ transport, limits: { ...DEFAULT_LIMITS, appPerSecond: 40 }, concurrency: 1 });
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const scheduler = startScheduler(
    {
      store,
      delivery: pacedDelivery(sender),
      render: createCardRenderer({ formatTime: (instant) => format.format(new Date(instant)) }),
      now: () => new Date(),
      timeZone: 'Europe/London',
      holidays: bankHolidays,
      defaults: DEFAULT_REMINDER_SETTINGS,
      instanceId,
      leaseMs: Number(leaseMs),
      openUrl: (actionId) => `http://localhost:3978/tab/actions/${encodeURIComponent(actionId)}`,
      log,
    },
    Number(sweepMs),
  );
  // Tell the parent about each finished sweep (the scheduler keeps only the last report).
  let reported = scheduler.last();
  const watch = setInterval(() => {
    const report = scheduler.last();
    if (report === reported || report === null) return;
    reported = report;
    process.send?.({ type: 'swept', leader: report.leader, sent: report.sent, planned: report.planned });
  }, 20);
  stop = async () => {
    clearInterval(watch);
    await scheduler.stop();
    await store.close();
  };
}

// Installed before 'go', so a SIGTERM that comes before the runner started still ends it cleanly.
process.once('SIGTERM', () => {
  (stop ?? (() => Promise.resolve()))().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`r1 runner: stopping failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
});

process.once('message', (message: unknown) => {
  if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'go') start();
});
process.send?.({ type: 'ready' });
