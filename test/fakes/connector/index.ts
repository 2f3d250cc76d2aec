/**
 * A fake Bot Connector (the service a bot calls to send proactively), served over HTTP on
 * loopback so a real botbuilder CloudAdapter can send to it unchanged. It enforces Teams' rate
 * limits with sliding windows, injects seeded 429s, answers blocked conversations with 403, and
 * records what it accepted so tests and benchmarks can count lost, duplicated and paced messages.
 * README.md in this folder lists what is modelled and what is simplified.
 */
import { listenConnectorFake } from './fake.js';
import type { ConnectorFake, ConnectorFakeOptions } from './types.js';

export type {
  ActivityKind,
  BlockedShape,
  ConnectorFake,
  ConnectorFakeFaults,
  ConnectorFakeLimits,
  ConnectorFakeOptions,
  ConnectorFakeStats,
  FakeWindow,
  RecordedActivity,
  RequestLogEntry,
  RequestOutcome,
  ScriptedFailure,
  WindowObservation,
} from './types.js';

/** Starts a fake on 127.0.0.1 on a free port; `close()` it when done. */
export function startConnectorFake(options: ConnectorFakeOptions = {}): Promise<ConnectorFake> {
  return listenConnectorFake(options, 0);
}
