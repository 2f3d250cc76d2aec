import { z } from 'zod';

/**
 * Every setting the app reads, parsed once at start-up (docs/decisions/002). Nothing else
 * reads `process.env`. A bad or missing value stops the app with a message naming it.
 */
const Schema = z.object({
  STORE: z.enum(['sqlite']).default('sqlite'),
  SQLITE_PATH: z.string().min(1).default('.followthrough/followthrough.db'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** IANA zone whose calendar decides "today" for due dates. NHS England works on UK time. */
  TIME_ZONE: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, 'not an IANA time zone, e.g. Europe/London'),
});

export type Config = Readonly<z.infer<typeof Schema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const known = Object.fromEntries(Object.keys(Schema.shape).map((key) => [key, emptyToUndefined(env[key])]));
  const parsed = Schema.safeParse(known);
  if (parsed.success) return Object.freeze(parsed.data);
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      return `${name}${value === undefined ? '' : `="${value}"`}: ${issue.message}`;
    }),
  );
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}
