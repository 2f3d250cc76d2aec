/**
 * Remembers what has been said today, so a warning that stays true from one sweep to the next (a
 * lead role nobody holds) is logged once a day instead of at every sweep. It forgets when the day
 * changes, and at a restart.
 */
export class OncePerDay {
  private day = '';
  private readonly said = new Set<string>();

  /** True the first time `key` is seen on `day` (YYYY-MM-DD); false after that, until the day changes. */
  first(key: string, day: string): boolean {
    if (day !== this.day) {
      this.day = day;
      this.said.clear();
    }
    if (this.said.has(key)) return false;
    this.said.add(key);
    return true;
  }
}
