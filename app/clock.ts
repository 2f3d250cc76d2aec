/** The only place that reads the time. The core is given `today`; tests give a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date in a zone, as YYYY-MM-DD: "today" for due dates. (Formatters are costly to build: one per zone.) */
export function todayIn(clock: Clock, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(clock.now());
}
