/** Building a fake: its state, its HTTP server, and the handle tests hold. */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan } from './faults.js';
import { allFields } from './item-json.js';
import { itemETag, ListData } from './list-data.js';
import { serve } from './server.js';
import { type FakeContext, findList, type SiteState } from './state.js';
import { teamworkState } from './teamwork.js';
import { DEFAULT_SITE, type GraphFake, type GraphFakeOptions, type GraphFakeRequestLog } from './types.js';


function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 1) throw new RangeError(`Graph fake: ${name} must be a whole number ≥ 1`);
  return result;
}

function siteStates(options: GraphFakeOptions): Map<string, SiteState> {
  const sites = new Map<string, SiteState>();
  for (const site of options.sites ?? [DEFAULT_SITE]) {
    // Every real site has its document library.
    sites.set(site.id.toLowerCase(), { site: { ...site }, lists: [new ListData('Documents', '', 'documentLibrary')] });
  }
  return sites;
}

function checkLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('Graph fake: latencyMs must be ≥ 0');
  return ms;
}

/** Starts a fake on 127.0.0.1:`port` (0 = any free port). */
export async function listenGraphFake(options: GraphFakeOptions, port: number): Promise<GraphFake> {
  const defaultPageSize = positiveInteger(options.defaultPageSize, 200, 'defaultPageSize');
  const maxPageSize = positiveInteger(options.maxPageSize, 5000, 'maxPageSize');
  const threshold = positiveInteger(options.threshold, 5000, 'threshold');
  const plan = new FaultPlan(options.faults);
  let latencyMs = checkLatency(options.latencyMs ?? 0);
  const requests: GraphFakeRequestLog[] = [];
  const ctx: FakeContext = { sites: siteStates(options), limits: { defaultPageSize, maxPageSize, threshold }, plan, baseUrl: '', instance: randomUUID().replace(/-/g, ''), teamwork: teamworkState(options.catalogApps) };
  const hooks = { ctx, log: (entry: GraphFakeRequestLog) => { requests.push(entry); }, latencyMs: () => latencyMs, requireBearer: options.requireBearer };
  const server = createServer((req, res) => {
    void serve(hooks, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { resolve(); });
  });
  const address = server.address() as AddressInfo;
  ctx.baseUrl = `http://127.0.0.1:${address.port}/v1.0`;
  return {
    url: ctx.baseUrl,
    requests,
    setFaults: (faults) => { plan.set(faults); },
    setLatency: (ms) => { latencyMs = checkLatency(ms); },
    items: (siteId, listName) => {
      const site = ctx.sites.get(siteId.toLowerCase());
      if (!site) throw new Error(`Graph fake: no site '${siteId}'`);
      const list = findList(site, listName);
      return [...list.items.values()].map((item) => ({ id: String(item.id), eTag: itemETag(item), fields: allFields(list, item) }));
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => { if (error) reject(error); else resolve(); });
      server.closeAllConnections();
    }),
  };
}
