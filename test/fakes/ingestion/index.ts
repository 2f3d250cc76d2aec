/**
 * A fake Application Insights ingestion endpoint on loopback: what the Azure Monitor exporter
 * posts to `<IngestionEndpoint>/v2.1/track` (a JSON array of envelopes, usually gzipped). It
 * accepts everything and records the envelopes, so a test can check that telemetry left the
 * process and carried the trace ids the logs show.
 *
 * The exporter rewrites an http:// endpoint to https:// (connectionStringParser.js in
 * @azure/monitor-opentelemetry-exporter), so the fake speaks TLS with a certificate made for the
 * occasion by the `openssl` command: start the process under test with
 * NODE_EXTRA_CA_CERTS=<caFile> and APPLICATIONINSIGHTS_CONNECTION_STRING=<connectionString>.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One telemetry item as the exporter sends it (the fields tests look at). */
export interface Envelope {
  name: string;
  time: string;
  iKey?: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

export interface IngestionFake {
  url: string;
  /** InstrumentationKey (a random GUID) and IngestionEndpoint pointing here. */
  connectionString: string;
  /** The fake's self-signed certificate (PEM), for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  envelopes(): Envelope[];
  /** Paths posted to, in order (e.g. /v2.1/track). */
  paths(): string[];
  close(): Promise<void>;
}

const TRACK = new Set(['/v2/track', '/v2.1/track']);

export async function startIngestionFake(): Promise<IngestionFake> {
  const envelopes: Envelope[] = [];
  const paths: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'followthrough-ingestion-'));
  const { key, cert } = selfSignedCertificate(dir);
  const server = createServer({ key, cert }, (request, response) => {
    void readBody(request).then(
      (body) => {
        const path = (request.url ?? '/').split('?')[0] ?? '/';
        paths.push(path);
        if (request.method !== 'POST' || !TRACK.has(path)) {
          response.writeHead(404).end();
          return;
        }
        const items = parseItems(request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body);
        envelopes.push(...items);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    url,
    connectionString: `InstrumentationKey=${randomUUID()};IngestionEndpoint=${url}/`,
    caFile: join(dir, 'cert.pem'),
    envelopes: () => [...envelopes],
    paths: () => [...paths],
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
    }),
  };
}

/** A key and a certificate for 127.0.0.1, valid for a day, written to `dir` (cert.pem is the CA file). */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error('the ingestion fake needs the openssl command to make its TLS certificate (Debian: apt-get install openssl)', { cause: error });
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => { resolve(Buffer.concat(chunks)); });
    request.on('error', reject);
  });
}

/** A JSON array, or (older exporters) one envelope per line. */
function parseItems(body: Buffer): Envelope[] {
  const text = body.toString('utf8').trim();
  if (text === '') return [];
  if (text.startsWith('[')) return JSON.parse(text) as Envelope[];
  return text.split('\n').map((line) => JSON.parse(line) as Envelope);
}
