import Holidays from 'date-holidays';

/**
 * England and Wales bank holidays, from the maintained `date-holidays` data (region GB-ENG: the
 * same bank holidays as Wales). The pure reminder rules take them as a set of ISO dates.
 */
export function bankHolidays(years: readonly number[]): ReadonlySet<string> {
  const calendar = new Holidays('GB', 'ENG');
  const dates = new Set<string>();
  for (const year of years) {
    for (const holiday of calendar.getHolidays(year)) {
      // "public" is what date-holidays calls a bank holiday; observances are not days off.
      if (holiday.type === 'public') dates.add(holiday.date.slice(0, 10));
    }
  }
  return dates;
}
