// Application Insights without Azure: the real server (server/main.ts under tsx) with a connection
// string pointing at the ingestion fake on loopback (TLS, its certificate trusted through
// NODE_EXTRA_CA_CERTS). What the exporter posts there is what Azure would receive.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectorFake, startConnectorFake } from '../test/fakes/connector/index.js';
import { type IngestionFake, startIngestionFake } from '../test/fakes/ingestion/index.js';
import { freePort } from '../test/support/free-port.js';
import { messageActivity } from '../test/support/teams-activities.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

/**
 * The distro's SDK accepts @opentelemetry/api below 1.10; when the app's own copy is newer, npm
 * installs two, the SDK registers its providers with the older one, and spans made through the
 * newer one (ours, and the top-level http instrumentation's) are no-ops. Log export still works.
 */
function apiVersions(): { ours: string; distro: string } {
  const ours = createRequire(import.meta.url);
  const distro = createRequire(ours.resolve('@azure/monitor-opentelemetry'));
  const version = (require: NodeJS.Require): string => {
    // The package exports no package.json: walk up from its entry point to its folder.
    const entry = require.resolve('@opentelemetry/api');
    const folder = entry.slice(0, entry.lastIndexOf('/@opentelemetry/api/') + '/@opentelemetry/api/'.length);
    return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
  };
  return { ours: version(ours), distro: version(distro) };
}
const versions = apiVersions();

interface Server {
  child: ChildProcess;
  url: string;
  lines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
}

let fake: IngestionFake | null = null;
let server: Server | null = null;
let dir: string | null = null;
let connector: ConnectorFake | null = null;

afterEach(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  await server?.exited;
  await fake?.close();
  await connector?.close();
  connector = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  [server, fake, dir] = [null, null, null];
});

async function start(ingestion: IngestionFake): Promise<Server> {
  dir = mkdtempSync(join(tmpdir(), 'followthrough-telemetry-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    SQLITE_PATH: join(dir, 'telemetry.db'),
    PLAYGROUND: 'off',
    LOG_LEVEL: 'debug',
    REMINDER_SWEEP_SECONDS: '3600',
    APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
    NODE_EXTRA_CA_CERTS: ingestion.caFile,
    // The SDK's own usage reports go to Microsoft's endpoints, and the VM detector asks Azure's metadata service: neither is here.
    APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
    OTEL_NODE_RESOURCE_DETECTORS: 'env,host,os',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { resolve(code); }));
  const deadline = Date.now() + 40_000;
  while (!stdout.includes('is running at')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
    await sleep(50);
  }
  const lines = () => stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, url: `http://127.0.0.1:${String(port)}`, lines, exited };
}

/** SIGTERM: the server stops and flushes what the exporters still hold. */
async function stop(running: Server): Promise<void> {
  running.child.kill('SIGTERM');
  expect(await running.exited).toBe(0);
}

describe('Application Insights through the ingestion fake', () => {
  it('sends the server\'s log lines as Application Insights messages, with their fields', async () => {
    fake = await startIngestionFake();
    server = await start(fake);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await stop(server);

    const key = /InstrumentationKey=([^;]+)/.exec(fake.connectionString)?.[1];
    const messages = fake.envelopes().filter((envelope) => envelope.data?.baseType === 'MessageData');
    expect(fake.paths().every((path) => path === '/v2.1/track')).toBe(true);
    expect(messages.every((envelope) => envelope.iKey === key)).toBe(true);
    expect(messages.map((envelope) => envelope.data?.baseData?.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^local mode: no bot identity/),
      'sending requests, dependencies and logs to Application Insights',
    ]));
    const local = messages.find((envelope) => String(envelope.data?.baseData?.message).startsWith('local mode'));
    expect(local?.data?.baseData).toMatchObject({ severityLevel: 'Information', properties: { url: server.url } });
  }, 60_000);

  it('uses the one @opentelemetry/api the distro registers with (two copies would leave our spans empty)', () => {
    expect(versions.ours).toBe(versions.distro);
  });

  it(
    'puts the request\'s trace id on its log lines and on the request Application Insights receives',
    async () => {
      fake = await startIngestionFake();
      server = await start(fake);
      // The turn must succeed to log "bot turn": its reply goes to a connector fake.
      connector = await startConnectorFake();
      const activity = messageActivity({ aadObjectId: 'aad-visitor', displayName: 'Visitor' }, 'help', { serviceUrl: connector.url });
      await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` }, body: JSON.stringify(activity) });
      await stop(server);

      expect(server.lines()).toContainEqual(expect.objectContaining({ message: 'bot turn', requestId: TRACE, trace_id: TRACE }));
      const requests = fake.envelopes().filter((envelope) => envelope.data?.baseType === 'RequestData');
      expect(requests.map((envelope) => envelope.tags?.['ai.operation.id'])).toContain(TRACE);
      const turn = fake.envelopes().find((envelope) => envelope.data?.baseData?.message === 'bot turn');
      expect(turn?.tags?.['ai.operation.id']).toBe(TRACE);
    },
    60_000,
  );
});
