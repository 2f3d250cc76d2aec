/**
 * Application Insights through the Azure Monitor OpenTelemetry distro. Imported only when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set (app/telemetry.ts), and before the rest of the
 * app: the distro's docs ask for `useAzureMonitor()` before anything else is imported, and in
 * ESM for its loader hook to be registered before the modules it instruments.
 *
 * Requests in and calls out (Graph, the Bot Connector) become spans through the http
 * instrumentation; our pino lines get the active span's ids, and are forwarded as log records so
 * Application Insights files them under the same operation.
 */
import type { LogFields } from './logger.js';
import type { Telemetry } from './telemetry.js';

/** Fields of a log line that the log record carries in its own slots, or that say nothing there. */
const OWN_FIELDS = new Set(['time', 'level', 'message', 'pid', 'hostname', 'trace_id', 'span_id', 'trace_flags']);

export async function startAzureMonitor(connectionString: string): Promise<Telemetry> {
  await import('@azure/monitor-opentelemetry/loader');
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    // Live Metrics keeps a connection polling Azure; off until someone asks for it.
    enableLiveMetrics: false,
    instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true }, mongoDb: { enabled: false }, mySql: { enabled: false }, postgreSql: { enabled: false }, redis: { enabled: false }, redis4: { enabled: false } },
  });
  const { isSpanContextValid, trace } = await import('@opentelemetry/api');
  const { logs, SeverityNumber } = await import('@opentelemetry/api-logs');
  const severity: Partial<Record<string, (typeof SeverityNumber)[keyof typeof SeverityNumber]>> = { debug: SeverityNumber.DEBUG, info: SeverityNumber.INFO, warn: SeverityNumber.WARN, error: SeverityNumber.ERROR };
  const records = logs.getLogger('followthrough');
  return {
    enabled: true,
    correlate: (): LogFields => {
      const span = trace.getActiveSpan()?.spanContext();
      if (span === undefined || !isSpanContextValid(span)) return {};
      return { trace_id: span.traceId, span_id: span.spanId, trace_flags: `0${span.traceFlags.toString(16)}`.slice(-2) };
    },
    forward: (line) => {
      const fields = JSON.parse(line) as LogFields;
      const level = typeof fields.level === 'string' ? fields.level : 'info';
      // Emitted while the line is written, so the record joins the active span's operation.
      records.emit({
        severityNumber: severity[level] ?? SeverityNumber.INFO,
        severityText: level.toUpperCase(),
        body: typeof fields.message === 'string' ? fields.message : '',
        attributes: attributesOf(fields),
      });
    },
    shutdown: () => shutdownAzureMonitor(),
  };
}

/** Everything else as flat attributes (Application Insights' custom dimensions are strings anyway). */
function attributesOf(fields: LogFields): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (OWN_FIELDS.has(key) || value === undefined || value === null) continue;
    attributes[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return attributes;
}
