import type { Config } from '../config/config.js';
import type { LogFields } from './logger.js';

/**
 * What the app sees of OpenTelemetry: trace ids for log lines, log lines forwarded to
 * Application Insights, and a flush on the way out. With no connection string it is
 * NO_TELEMETRY and nothing of OpenTelemetry is loaded, let alone started.
 */
export interface Telemetry {
  readonly enabled: boolean;
  /** The active span's trace and span ids, for the log line being written ({} outside any span). */
  correlate: () => LogFields;
  /** A finished log line (already redacted), sent on as an OpenTelemetry log record. */
  forward: (line: string) => void;
  /** Sends what is still buffered and stops the exporters. */
  shutdown: () => Promise<void>;
}

/** Starts the exporter for a connection string (the port; tests pass a spy). */
export type TelemetryStarter = (connectionString: string) => Promise<Telemetry>;

export const NO_TELEMETRY: Telemetry = Object.freeze({
  enabled: false,
  correlate: () => ({}),
  forward: () => undefined,
  shutdown: () => Promise.resolve(),
});

let azureMonitorImported = false;

/** The Azure Monitor distro, imported on first use only: it brings the whole OpenTelemetry SDK. */
const azureMonitor: TelemetryStarter = async (connectionString) => {
  azureMonitorImported = true;
  const { startAzureMonitor } = await import('./telemetry-azure.js');
  return startAzureMonitor(connectionString);
};

/** Whether this process has loaded the Azure Monitor exporter (module state, for tests and /health). */
export function azureMonitorLoaded(): boolean {
  return azureMonitorImported;
}

/**
 * Call before importing anything that does I/O (server/main.ts): in ESM the instrumentation's
 * loader hook only sees modules imported after it is registered.
 */
export async function startTelemetry(config: Pick<Config, 'APPLICATIONINSIGHTS_CONNECTION_STRING'>, start: TelemetryStarter = azureMonitor): Promise<Telemetry> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  return connectionString === undefined ? NO_TELEMETRY : start(connectionString);
}
