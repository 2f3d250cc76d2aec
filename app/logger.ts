import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';

/**
 * Structured logging: one JSON object per line, written by pino. Fields are data. Callers pass
 * ids and lengths, never tokens, card inputs or request bodies; all the same, fields named like
 * secrets are censored (pino's `redact`) and anything that looks like a bearer token or a JWT is
 * scrubbed from the finished line, wherever it sits.
 *
 * Correlation: `child()` binds fields (a sweep id, a reminder id) to a logger, and
 * `withLogContext()` binds them to everything logged while a piece of work runs (a request id, a
 * turn id), so code that holds the app's one logger still writes the current request's id.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same logger, every line of which also carries `bindings`. */
  child(bindings: LogFields): Logger;
}

export interface LoggerOptions {
  /** Fields from the surrounding context on every line: OpenTelemetry's trace ids when it runs. */
  correlate?: () => LogFields;
}

/** Keys whose values are censored wherever they sit, up to three levels down. */
const SECRET_KEYS = ['authorization', 'Authorization', 'cookie', 'token', 'accessToken', 'access_token', 'idToken', 'id_token', 'refreshToken', 'assertion', 'password', 'secret', 'clientSecret', 'client_secret', 'connectionString'];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

const context = new AsyncLocalStorage<LogFields>();

/** Runs `work` with `fields` on every line logged until it settles (nested contexts add to the outer one). */
export function withLogContext<T>(fields: LogFields, work: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, work);
}

export function writeToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function createLogger(level: LogLevel, write: (line: string) => void = writeToStderr, options: LoggerOptions = {}): Logger {
  const base = pino(
    {
      level,
      messageKey: 'message',
      // Level names, not numbers: `level: "error"` is what people search for.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...options.correlate?.(), ...context.getStore() }),
    },
    // Synchronous: a line is out before a crash, and scrubbed before anyone sees it.
    { write: (line: string) => { write(redact(line.trimEnd())); } },
  );
  const make = (bindings: LogFields): Logger => {
    const log = (at: LogLevel) => (message: string, fields: LogFields = {}) => {
      base[at]({ ...bindings, ...fields }, message);
    };
    return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: (more) => make({ ...bindings, ...more }) };
  };
  return make({});
}

/** Scrubs bearer tokens and JWTs from a finished line, whatever field or message they hid in. */
export function redact(line: string): string {
  return line.replace(/(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, '$1[redacted]').replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{5,}/g, '[redacted-jwt]');
}

/** For tests: collects lines instead of printing them. */
export function memoryLogger(options: LoggerOptions = {}): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>), options);
  return Object.assign(logger, { lines });
}
