import { isoOf } from '../model/index.js';

/**
 * Wall-clock time in a named zone (Europe/London: GMT in winter, BST in summer), computed with
 * `Intl.DateTimeFormat` and an explicit `timeZone`, never the machine's own zone or clock.
 */
const DAY_MS = 86_400_000;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar date, `YYYY-MM-DD`, that the instant `now` falls on in `timeZone`. */
export function localDate(now: string, timeZone: string): string {
  const wall = wallClock(instantMs(now), timeZone);
  return isoOf(wall.year, wall.month, wall.day);
}

/**
 * The instant (UTC, ISO 8601) at which clocks in `timeZone` show `time` (HH:MM) on `date`.
 * A time the clocks skip (01:30 as they go forward) is read on the offset before the change
 * (so 02:30 BST); a time they show twice (01:30 as they go back) is the first of the two.
 */
export function localTimeToInstant(date: string, time: string, timeZone: string): string {
  return new Date(localTimeToMs(date, time, timeZone)).toISOString();
}

/** `localTimeToInstant` as milliseconds since the epoch. */
export function localTimeToMs(date: string, time: string, timeZone: string): number {
  const wall = wallMs(date, time);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  return fits.length > 0 ? Math.min(...fits) : wall - before;
}

/** Milliseconds since the epoch of an ISO instant; throws on text that is not one. */
export function instantMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: "${instant}"`);
  return ms;
}

/** The date and time as if the wall clock read UTC. */
function wallMs(date: string, time: string): number {
  const clock = CLOCK_TIME.exec(time);
  const midnight = Date.parse(`${date}T00:00:00Z`);
  if (clock === null || Number.isNaN(midnight)) throw new RangeError(`not a date and time of day: "${date}" "${time}"`);
  return midnight + (Number(clock[1]) * 60 + Number(clock[2])) * 60_000;
}

/** How far the zone's clocks are ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
