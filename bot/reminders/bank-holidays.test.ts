import { describe, expect, it } from 'vitest';
import { bankHolidays } from './bank-holidays.js';

describe('bankHolidays', () => {
  it('knows the 2025 England and Wales bank holidays, and nothing else', () => {
    expect([...bankHolidays([2025])].sort()).toEqual([
      '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
    ]);
  });

  it('includes the substitute weekdays when Christmas falls at a weekend (2027)', () => {
    // The weekend days themselves are listed too; weekends are never working days anyway.
    expect([...bankHolidays([2027])].filter((d) => d >= '2027-12-01')).toEqual(['2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']);
  });
});
