/**
 * Structured logging: one JSON object per line. Issue 7 puts pino and OpenTelemetry behind this
 * same interface. Fields are data; nothing here ever receives a token (callers pass ids, not
 * headers), and `redact` strips anything that looks like a bearer token all the same.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (at: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    write(redact(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields })));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export function redact(line: string): string {
  return line.replace(/(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1[redacted]').replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{5,}/g, '[redacted-jwt]');
}

/** For tests: collects lines instead of printing them. */
export function memoryLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return Object.assign(logger, { lines });
}
