import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { DEFAULT_REMINDER_SETTINGS } from '../core/model/index.js';
import { type Config, reminderLeaseMs } from '../config/config.js';
import { createTurnHandler } from '../bot/botbuilder/activity-bridge.js';
import { type BotIdentity, createCloudAdapter } from '../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../bot/botbuilder/proactive-transport.js';
import { bankHolidays } from '../bot/reminders/bank-holidays.js';
import { createLeadNotifier } from '../bot/reminders/notify-returned.js';
import { pacedDelivery } from '../bot/reminders/paced-delivery.js';
import { type Scheduler, startScheduler } from '../bot/reminders/scheduler.js';
import { sendEventLogger } from '../bot/sending/send-log.js';
import { DEFAULT_LIMITS, createSender } from '../bot/sending/sender.js';
import { createBotService } from '../bot/service/bot-service.js';
import { createCardRenderer } from '../bot/service/card-renderer.js';
import { createHttpServer } from '../server/create-server.js';
import { createHealthCheck, type SweepState } from '../server/health.js';
import { storeProbe } from '../server/health-probe.js';
import type { GraphHttp } from '../store/sharepoint/graph/graph-http.js';
import { type Clock, todayIn } from './clock.js';
import { type App, composeApp, graphFor } from './compose.js';
import { composeTab } from './compose-tab.js';
import { createInstaller, type Installer } from '../bot/install/proactive-install.js';
import { ensureDemo } from './demo.js';
import { graphRequestLogger } from './graph-request-log.js';
import { createLogger, type Logger } from './logger.js';

/** The name /health looks up: a read of one indexed key, whether or not such a role exists. */
const HEALTH_PROBE_ROLE = 'followthrough health check';

export interface RunningBot {
  app: App;
  /** Where the bot listens: http://host:port */
  url: string;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  store?: App['store'];
  log?: Logger;
  /** Overrides config.PLAYGROUND (tests start the Playground themselves, or not at all). */
  playground?: boolean;
  /** Port 0 in tests. */
  port?: number;
  /** The built tab (default dist/tab); tests point it at a folder of their own. */
  tabDir?: string;
}

/**
 * The running bot: HTTP endpoint, bot service, paced sender and reminder scheduler, wired from
 * a validated Config. With no bot identity this is local mode: the demo plan, loopback only,
 * and the Microsoft 365 Agents Playground as the Teams client.
 */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  // Every Graph attempt the app makes, its own and the tab's on behalf of people, is logged (debug; 429/5xx warn).
  const onGraphRequest = graphRequestLogger(log);
  const app = await composeApp(config, { ...(options.clock ? { clock: options.clock } : {}), ...(options.store ? { store: options.store } : {}), onGraphRequest });
  const identity = botIdentity(config);
  const local = identity === null;
  if (local) await ensureDemo(app);

  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${String(options.port ?? config.PORT)}`;
  const formatTime = ukTime(config.TIME_ZONE);
  const render = createCardRenderer({ formatTime });
  const openUrl = (actionId: string): string => `${publicUrl.replace(/\/$/, '')}/tab/actions/${encodeURIComponent(actionId)}`;
  const adapter = createCloudAdapter(identity);
  let scheduler: Scheduler | null = null;
  const service = createBotService({
    store: app.store,
    render,
    now: () => app.clock.now(),
    today: () => todayIn(app.clock, config.TIME_ZONE),
    formatTime,
    openUrl,
    onConversationSaved: () => scheduler?.nudge(),
  });
  adapter.onTurnError = async (context, error) => {
    log.error('bot turn failed', { activityType: context.activity.type, error: error.message });
    try {
      if (context.activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: 'Something went wrong; it has been logged.' } } } });
      } else {
        await context.sendActivity('Sorry, something went wrong on our side. It has been logged; please try again in a moment.');
      }
    } catch (apologyFailed) {
      // The reply path itself may be what failed (a blocked user, an unreachable connector).
      log.warn('could not tell the user about a failed turn', { error: apologyFailed instanceof Error ? apologyFailed.message : String(apologyFailed) });
    }
  };
  const handler = createTurnHandler(service, log);
  const sender = createSender({
    transport: createProactiveTransport(adapter, identity?.appId ?? '', { warn: (message) => { log.warn(message); } }),
    limits: { ...DEFAULT_LIMITS, appPerSecond: config.REMINDER_APP_RATE },
    concurrency: config.REMINDER_SENDS_IN_FLIGHT,
    onEvent: sendEventLogger(log),
  });
  const delivery = pacedDelivery(sender);
  scheduler = startScheduler(
    {
      store: app.store,
      delivery,
      render,
      now: () => app.clock.now(),
      timeZone: config.TIME_ZONE,
      holidays: bankHolidays,
      defaults: DEFAULT_REMINDER_SETTINGS,
      instanceId: config.INSTANCE_ID ?? `${hostname()}-${String(process.pid)}`,
      leaseMs: reminderLeaseMs(config),
      openUrl,
      log,
      ...(config.PROACTIVE_INSTALL === 'on' && identity !== null ? { installer: installerFor(config, identity.appId, identity.tenantId, () => app.clock.now(), await graphFor(config, onGraphRequest)) } : {}),
    },
    config.REMINDER_SWEEP_SECONDS * 1000,
  );
  const running = scheduler;

  // A decision in the tab that gives an action back to its lead is told in Teams, through the same paced delivery.
  const leads = createLeadNotifier({ store: app.store, delivery, render, today: () => todayIn(app.clock, config.TIME_ZONE), openUrl, now: () => app.clock.now(), log });
  const tab = await composeTab(config, app, log, { local, leads, onGraphRequest, ...(options.tabDir === undefined ? {} : { staticDir: options.tabDir }) });
  const health = createHealthCheck({
    mode: local ? 'local' : 'azure',
    store: config.STORE,
    // One filtered read on an indexed column: cheap in SharePoint and SQLite alike. The role need not exist.
    checkStore: storeProbe({ read: () => app.store.findRole(HEALTH_PROBE_ROLE), now: () => app.clock.now(), log }),
    sweeps: () => sweepState(running),
    sweepIntervalMs: config.REMINDER_SWEEP_SECONDS * 1000,
    now: () => app.clock.now(),
  });
  const server = createHttpServer({
    messages: { process: async (request, response) => { await adapter.process(request, response, handler); } },
    localOnly: local,
    log,
    tab,
    health,
  });
  const host = local ? '127.0.0.1' : '0.0.0.0';
  await new Promise<void>((resolve) => {
    server.listen(options.port ?? config.PORT, host, resolve);
  });
  const address = server.address();
  const url = `http://${local ? '127.0.0.1' : 'localhost'}:${String(address.port)}`;

  const playground = local && (options.playground ?? config.PLAYGROUND === 'auto') ? startPlayground(`${url}/api/messages`, config.PLAYGROUND_PORT, log) : null;
  if (local) {
    log.info('local mode: no bot identity, so Bot Framework JWTs are not checked and only calls from this machine are accepted', { url });
  }
  return {
    app,
    url,
    scheduler: running,
    async stop() {
      playground?.kill('SIGTERM');
      await running.stop();
      await new Promise<void>((resolve) => {
        server.close(() => { resolve(); });
      });
      await app.store.close();
    },
  };
}

function installerFor(config: Config, botAppId: string, tenantId: string, now: () => Date, graph: GraphHttp): Installer {
  return createInstaller(graph, { manifestAppId: config.TEAMS_APP_ID ?? '', botAppId, tenantId, serviceUrl: config.TEAMS_SERVICE_URL, now });
}

function botIdentity(config: Config): BotIdentity | null {
  if (config.BOT_APP_ID === undefined || config.BOT_TENANT_ID === undefined) return null;
  if (config.BOT_APP_TYPE === 'SingleTenant') return { appType: 'SingleTenant', appId: config.BOT_APP_ID, tenantId: config.BOT_TENANT_ID, password: config.BOT_APP_PASSWORD ?? '' };
  return { appType: 'UserAssignedMSI', appId: config.BOT_APP_ID, tenantId: config.BOT_TENANT_ID };
}

function ukTime(timeZone: string): (instant: string) => string {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (instant) => format.format(new Date(instant));
}

function sweepState(scheduler: Scheduler): SweepState {
  const { startedAt, lastSuccess } = scheduler.status();
  if (lastSuccess === null) return { startedAt, last: null };
  const { at, durationMs, report } = lastSuccess;
  const { planned, sent, failed, blocked, waiting, skipped } = report;
  return { startedAt, last: { at, durationMs, sweeping: report.leader, planned, sent, failed, blocked, waiting, skipped } };
}

/** The Agents Playground (a local Teams-like client) beside the bot; telemetry off, connector on loopback. */
function startPlayground(endpoint: string, port: number, log: Logger): ChildProcess {
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [cli, 'start', '-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => { log.debug('playground', { output: chunk.toString().trim() }); });
  child.stderr.on('data', (chunk: Buffer) => { log.debug('playground', { output: chunk.toString().trim() }); });
  child.on('exit', (code) => { log.info('the Agents Playground stopped', { code }); });
  return child;
}
