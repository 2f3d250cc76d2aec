/**
 * A fake Microsoft Graph for the SharePoint-list endpoints Followthrough uses, served over HTTP
 * on loopback so the real Graph client can be tested against it unchanged.
 * README.md in this folder lists what is modelled and what is simplified.
 */
import { listenGraphFake } from './fake.js';
import type { GraphFake, GraphFakeOptions } from './types.js';

export type { GraphFake, GraphFakeFaults, GraphFakeOptions, GraphFakeRequestLog, GraphFakeSite } from './types.js';
export { DEFAULT_SITE } from './types.js';

/** Starts a fake on 127.0.0.1 on a free port; `close()` it when done. */
export function startGraphFake(options: GraphFakeOptions = {}): Promise<GraphFake> {
  return listenGraphFake(options, 0);
}
