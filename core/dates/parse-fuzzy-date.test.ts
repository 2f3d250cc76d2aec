import { describe, expect, it } from 'vitest';
import { FuzzyDate, type DatePrecision } from '../model/fuzzy-date.js';
import { parseFuzzyDate } from './parse-fuzzy-date.js';

/** Parses, checks the result against the schema, and returns it without its `text`. */
function parsed(text: string): Omit<FuzzyDate, 'text'> | null {
  const result = parseFuzzyDate(text);
  if (result === null) return null;
  const { text: kept, ...rest } = FuzzyDate.parse(result);
  expect(kept).toBe(text);
  return rest;
}

type Simple = [text: string, date: string, precision: DatePrecision];
type WithStart = [text: string, date: string, precision: DatePrecision, start: string];
type Full = [text: string, expected: Omit<FuzzyDate, 'text'>];

describe('parseFuzzyDate: empty text', () => {
  it.each(['', ' ', '   ', '\n', '\t\n  \n'])('gives null for %j', (text) => {
    expect(parseFuzzyDate(text)).toBeNull();
  });
});

describe('parseFuzzyDate: numeric dates, day first', () => {
  it.each<Simple>([
    ['01/11/2019', '2019-11-01', 'day'],
    ['1/11/2019', '2019-11-01', 'day'],
    ['1/2/20', '2020-02-01', 'day'],
    ['01/10/13', '2013-10-01', 'day'],
    ['31/12/19', '2019-12-31', 'day'],
    ['05.06.2020', '2020-06-05', 'day'],
    ['31.12.2019', '2019-12-31', 'day'],
    ['01-11-2019', '2019-11-01', 'day'],
    ['5-6-2020', '2020-06-05', 'day'],
    ['2024-03-31', '2024-03-31', 'day'],
    ['2024-3-1', '2024-03-01', 'day'],
    ['29/02/2024', '2024-02-29', 'day'],
    ['29/02/2000', '2000-02-29', 'day'],
    ['28/02/2023', '2023-02-28', 'day'],
    ['30/04/2020', '2020-04-30', 'day'],
    ['31/01/2020', '2020-01-31', 'day'],
    ['03/2020', '2020-03-31', 'month'],
    ['2/2024', '2024-02-29', 'month'],
    ['12/2019', '2019-12-31', 'month'],
  ])('%j is %s (%s)', (text, date, precision) => {
    expect(parsed(text)).toEqual({ date, precision });
  });
});

describe('parseFuzzyDate: months, planned against their last day', () => {
  it.each<Simple>([
    ['Sep-20', '2020-09-30', 'month'],
    ['SEP-20', '2020-09-30', 'month'],
    ['Mar-14', '2014-03-31', 'month'],
    ['Apr-13', '2013-04-30', 'month'],
    ['Feb-24', '2024-02-29', 'month'],
    ['Feb-23', '2023-02-28', 'month'],
    ['Sept 2021', '2021-09-30', 'month'],
    ['Sept. 2021', '2021-09-30', 'month'],
    ['Jan 14', '2014-01-31', 'month'],
    ['Dec 13', '2013-12-31', 'month'],
    ['May 14', '2014-05-31', 'month'],
    ['January 2014', '2014-01-31', 'month'],
    ['JANUARY 2014', '2014-01-31', 'month'],
    ['january 2014', '2014-01-31', 'month'],
    ['March, 2020', '2020-03-31', 'month'],
    ['April-2022', '2022-04-30', 'month'],
    ["Sep '20", '2020-09-30', 'month'],
    ['may 2020', '2020-05-31', 'month'],
    ['june 2021', '2021-06-30', 'month'],
    ['November 2025', '2025-11-30', 'month'],
    ['end March 2020', '2020-03-31', 'month'],
    ['end of March 2020', '2020-03-31', 'month'],
    ['by the end of March 2020', '2020-03-31', 'month'],
    ['mid-March 2020', '2020-03-31', 'month'],
    ['by May 14', '2014-05-31', 'month'],
  ])('%j is %s (%s)', (text, date, precision) => {
    expect(parsed(text)).toEqual({ date, precision });
  });
});

describe('parseFuzzyDate: days in words', () => {
  it.each<Simple>([
    ['1st March 2020', '2020-03-01', 'day'],
    ['1 st March 2020', '2020-03-01', 'day'],
    ['23 rd March 2021', '2021-03-23', 'day'],
    ['2nd March 2021', '2021-03-02', 'day'],
    ['22ND March 2021', '2021-03-22', 'day'],
    ['31ST December 2019', '2019-12-31', 'day'],
    ['30TH January 2019', '2019-01-30', 'day'],
    ['30th June 2020', '2020-06-30', 'day'],
    ['31st March 2020', '2020-03-31', 'day'],
    ['December 31st, 2019', '2019-12-31', 'day'],
    ['December 31st 2019', '2019-12-31', 'day'],
    ['December 31 2019', '2019-12-31', 'day'],
    ['Jan 14, 2020', '2020-01-14', 'day'],
    ['31 Dec 2019', '2019-12-31', 'day'],
    ['31 dec 2019', '2019-12-31', 'day'],
    ['31st of March 2020', '2020-03-31', 'day'],
    ['1st March 13', '2013-03-01', 'day'],
    ['31 Dec 19', '2019-12-31', 'day'],
    ['29 February 2024', '2024-02-29', 'day'],
    ['29th Feb 2028', '2028-02-29', 'day'],
    ['28th JANUARY 2014', '2014-01-28', 'day'],
    ['26 January 2022', '2022-01-26', 'day'],
    ['01 October 2013', '2013-10-01', 'day'],
    ['w/c 3rd June 2024', '2024-06-03', 'day'],
    ['W/C 3rd June 2024', '2024-06-03', 'day'],
    ['week commencing 3 June 2024', '2024-06-03', 'day'],
    ['Monday 3rd June 2024', '2024-06-03', 'day'],
    ['by 31st March 2020', '2020-03-31', 'day'],
    ['on 1st March 2020', '2020-03-01', 'day'],
  ])('%j is %s (%s)', (text, date, precision) => {
    expect(parsed(text)).toEqual({ date, precision });
  });
});

describe('parseFuzzyDate: NHS financial-year quarters and years', () => {
  it.each<WithStart>([
    ['Q1 2026', '2026-06-30', 'quarter', '2026-04-01'],
    ['Q2 2025', '2025-09-30', 'quarter', '2025-07-01'],
    ['Q3 2024', '2024-12-31', 'quarter', '2024-10-01'],
    ['Q4 2020', '2021-03-31', 'quarter', '2021-01-01'],
    ['Q4 2023', '2024-03-31', 'quarter', '2024-01-01'],
    ['q2 2019', '2019-09-30', 'quarter', '2019-07-01'],
    ['Q 4 2020', '2021-03-31', 'quarter', '2021-01-01'],
    ['Q1 25/26', '2025-06-30', 'quarter', '2025-04-01'],
    ['Q4 25/26', '2026-03-31', 'quarter', '2026-01-01'],
    ['Q1 2025/26', '2025-06-30', 'quarter', '2025-04-01'],
    ['Q1 2025/2026', '2025-06-30', 'quarter', '2025-04-01'],
    ['Q1 2025-26', '2025-06-30', 'quarter', '2025-04-01'],
    ['Q1 April - June 2022/23', '2022-06-30', 'quarter', '2022-04-01'],
    ['Q1 (April - June) 2022/23', '2022-06-30', 'quarter', '2022-04-01'],
    ['Q2 Jul-Sep 2022/23', '2022-09-30', 'quarter', '2022-07-01'],
    ['Qtr 2 2024', '2024-09-30', 'quarter', '2024-07-01'],
    ['Quarter 3 2024/25', '2024-12-31', 'quarter', '2024-10-01'],
    ['end of Q3 2024', '2024-12-31', 'quarter', '2024-10-01'],
    ['2022/23', '2023-03-31', 'year', '2022-04-01'],
    ['2022/2023', '2023-03-31', 'year', '2022-04-01'],
    ['2022-23', '2023-03-31', 'year', '2022-04-01'],
    ['2019-2020', '2020-03-31', 'year', '2019-04-01'],
    ['1999/00', '2000-03-31', 'year', '1999-04-01'],
    ['FY 2022/23', '2023-03-31', 'year', '2022-04-01'],
    ['FY22/23', '2023-03-31', 'year', '2022-04-01'],
    ['financial year 2022-2023', '2023-03-31', 'year', '2022-04-01'],
    ['end of 2022/23', '2023-03-31', 'year', '2022-04-01'],
  ])('%j is %s (%s) from %s', (text, date, precision, start) => {
    expect(parsed(text)).toEqual({ date, precision, start });
  });

  it.each<Simple>([
    ['2019', '2019-12-31', 'year'],
    ['2024', '2024-12-31', 'year'],
    ['(2009)', '2009-12-31', 'year'],
  ])('a bare year: %j is %s (%s)', (text, date, precision) => {
    expect(parsed(text)).toEqual({ date, precision });
  });
});

describe('parseFuzzyDate: parts of a year and seasons', () => {
  it.each<Simple>([
    ['Early 2024', '2024-04-30', 'part-year'],
    ['early 2024', '2024-04-30', 'part-year'],
    ['EARLY 2024', '2024-04-30', 'part-year'],
    ['beginning of 2021', '2021-04-30', 'part-year'],
    ['start of 2021', '2021-04-30', 'part-year'],
    ['mid 2020', '2020-08-31', 'part-year'],
    ['mid-2020', '2020-08-31', 'part-year'],
    ['Mid-2020', '2020-08-31', 'part-year'],
    ['middle of 2020', '2020-08-31', 'part-year'],
    ['late 2020', '2020-12-31', 'part-year'],
    ['end of 2020', '2020-12-31', 'part-year'],
    ['end 2020', '2020-12-31', 'part-year'],
    ['by the end of 2020', '2020-12-31', 'part-year'],
    ['spring 2021', '2021-05-31', 'part-year'],
    ['Summer 2020', '2020-08-31', 'part-year'],
    ['autumn 2020', '2020-11-30', 'part-year'],
    ['Autumn 2024', '2024-11-30', 'part-year'],
    ['winter 2020', '2021-02-28', 'part-year'],
    ['Winter 2023', '2024-02-29', 'part-year'],
  ])('%j is %s (%s)', (text, date, precision) => {
    expect(parsed(text)).toEqual({ date, precision });
  });
});

describe('parseFuzzyDate: ranges end at their end and start at their start', () => {
  it.each<WithStart>([
    ['31ST December 2019 through to 31ST August 2020', '2020-08-31', 'day', '2019-12-31'],
    ['April 2022 - March 2023', '2023-03-31', 'month', '2022-04-01'],
    ['April 2022 – March 2023', '2023-03-31', 'month', '2022-04-01'],
    ['April 2022-March 2023', '2023-03-31', 'month', '2022-04-01'],
    ['Q2 2019- Q4 2020', '2021-03-31', 'quarter', '2019-07-01'],
    ['Q2 2019-Q 4 2020', '2021-03-31', 'quarter', '2019-07-01'],
    ['from April 2022 to March 2023', '2023-03-31', 'month', '2022-04-01'],
    ['From 1st April 2022 to 31/03/2023', '2023-03-31', 'day', '2022-04-01'],
    ['March 2020 until June 2020', '2020-06-30', 'month', '2020-03-01'],
    ['March 2020 till Q2 2020', '2020-09-30', 'quarter', '2020-03-01'],
    ['between Q1 2024 and Q3 2024', '2024-12-31', 'quarter', '2024-04-01'],
    ['between January 2020 and Early 2021', '2021-04-30', 'part-year', '2020-01-01'],
    ['2022 - 2023', '2023-12-31', 'year', '2022-01-01'],
    ['2022/23 to 2023/24', '2024-03-31', 'year', '2022-04-01'],
    ['April - June 2022', '2022-06-30', 'month', '2022-04-01'],
    ['December – February 2021', '2021-02-28', 'month', '2020-12-01'],
    ['Q1-Q2 2020', '2020-09-30', 'quarter', '2020-04-01'],
    ['01/04/2020 - 31/03/2021', '2021-03-31', 'day', '2020-04-01'],
    ['summer 2020 to winter 2020', '2021-02-28', 'part-year', '2020-06-01'],
    ['1 - 5 March 2020', '2020-03-05', 'day', '2020-03-01'],
    ['1st to 5th March 2020', '2020-03-05', 'day', '2020-03-01'],
  ])('%j ends %s (%s) and starts %s', (text, date, precision, start) => {
    expect(parsed(text)).toEqual({ date, precision, start });
  });
});

describe('parseFuzzyDate: several dates are revisions; the last written counts', () => {
  it.each<Full>([
    [
      'September 2023 Q1 2026',
      { date: '2026-06-30', precision: 'quarter', start: '2026-04-01', earlier: [{ text: 'September 2023', date: '2023-09-30', precision: 'month' }] },
    ],
    [
      '31st December 2018 / 30TH January 2019',
      { date: '2019-01-30', precision: 'day', earlier: [{ text: '31st December 2018', date: '2018-12-31', precision: 'day' }] },
    ],
    [
      'COMPLETED October /November 2017',
      { date: '2017-11-30', precision: 'month', complete: true, earlier: [{ text: 'October', date: '2017-10-31', precision: 'month' }] },
    ],
    [
      'December 31st, 2019 \nPlan audit of pathway end March 2020',
      { date: '2020-03-31', precision: 'month', note: 'Plan audit of pathway', earlier: [{ text: 'December 31st, 2019', date: '2019-12-31', precision: 'day' }] },
    ],
    [
      'March 2020 June 2020',
      { date: '2020-06-30', precision: 'month', earlier: [{ text: 'March 2020', date: '2020-03-31', precision: 'month' }] },
    ],
    [
      'March 2020, revised to Q3 2020',
      { date: '2020-12-31', precision: 'quarter', start: '2020-10-01', note: 'revised', earlier: [{ text: 'March 2020', date: '2020-03-31', precision: 'month' }] },
    ],
    [
      'Oct / Nov / Dec 2017',
      {
        date: '2017-12-31',
        precision: 'month',
        earlier: [
          { text: 'Oct', date: '2017-10-31', precision: 'month' },
          { text: 'Nov', date: '2017-11-30', precision: 'month' },
        ],
      },
    ],
    [
      'April 2022 - March 2023 / Q2 2023',
      { date: '2023-09-30', precision: 'quarter', start: '2023-07-01', earlier: [{ text: 'April 2022 - March 2023', date: '2023-03-31', precision: 'month' }] },
    ],
    [
      'Q1 2024 - Q2 2024\nQ3 2024 - Q4 2024',
      { date: '2025-03-31', precision: 'quarter', start: '2024-10-01', earlier: [{ text: 'Q1 2024 - Q2 2024', date: '2024-09-30', precision: 'quarter' }] },
    ],
    [
      '17, 23, 31 July 2013',
      {
        date: '2013-07-31',
        precision: 'day',
        earlier: [
          { text: '17', date: '2013-07-17', precision: 'day' },
          { text: '23', date: '2013-07-23', precision: 'day' },
        ],
      },
    ],
    ['9th, 19th December 2013', { date: '2013-12-19', precision: 'day', earlier: [{ text: '9th', date: '2013-12-09', precision: 'day' }] }],
  ])('%j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe('parseFuzzyDate: words that are not part of the date go in the note', () => {
  it.each<Full>([
    ['July 2026 in line with delivery of reshaped CMH Service', { date: '2026-07-31', precision: 'month', note: 'in line with delivery of reshaped CMH Service' }],
    ['01/01/2021 Delay due to other work commitments (COVID)', { date: '2021-01-01', precision: 'day', note: 'Delay due to other work commitments (COVID)' }],
    ['01/01/2021   Delay due to\n other   work', { date: '2021-01-01', precision: 'day', note: 'Delay due to other work' }],
    ['Due to go live mid-2020.', { date: '2020-08-31', precision: 'part-year', note: 'Due to go live' }],
    ['Mental Health Homicide Review action plan- July 2019', { date: '2019-07-31', precision: 'month', note: 'Mental Health Homicide Review action plan' }],
    ['Audit planned for Feb 2014', { date: '2014-02-28', precision: 'month', note: 'Audit planned' }],
    ['Audit (due March 2020) delayed', { date: '2020-03-31', precision: 'month', note: 'Audit delayed' }],
    ['since May 21', { date: '2021-05-31', precision: 'month', note: 'since' }],
    ['TBC', { date: null, precision: 'none', note: 'TBC' }],
    ['  TBC.  ', { date: null, precision: 'none', note: 'TBC' }],
    ['Set by the Local Authority', { date: null, precision: 'none', note: 'Set by the Local Authority' }],
    ['N/A', { date: null, precision: 'none', note: 'N/A' }],
    ['6 monthly review via', { date: null, precision: 'none', note: '6 monthly review via' }],
    ['end of year', { date: null, precision: 'none', note: 'end of year' }],
    ['may be delayed', { date: null, precision: 'none', note: 'may be delayed' }],
    ['march', { date: null, precision: 'none', note: 'march' }],
    ['31st', { date: null, precision: 'none', note: '31st' }],
    ['Q5 review', { date: null, precision: 'none', note: 'Q5 review' }],
  ])('%j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe('parseFuzzyDate: ongoing and complete', () => {
  it.each<Full>([
    ['Ongoing', { date: null, precision: 'ongoing', ongoing: true }],
    ['ongoing', { date: null, precision: 'ongoing', ongoing: true }],
    ['ONGOING', { date: null, precision: 'ongoing', ongoing: true }],
    ['On-going', { date: null, precision: 'ongoing', ongoing: true }],
    ['on going', { date: null, precision: 'ongoing', ongoing: true }],
    ['Ongoing.', { date: null, precision: 'ongoing', ongoing: true }],
    ['Ongoing review', { date: null, precision: 'ongoing', ongoing: true, note: 'review' }],
    ['Ongoing - Q1 2026', { date: '2026-06-30', precision: 'quarter', start: '2026-04-01', ongoing: true }],
    ['March 2021 ongoing', { date: '2021-03-31', precision: 'month', ongoing: true }],
    ['Complete', { date: null, precision: 'none', complete: true }],
    ['Completed', { date: null, precision: 'none', complete: true }],
    ['COMPLETED', { date: null, precision: 'none', complete: true }],
    ['Done', { date: null, precision: 'none', complete: true }],
    ['Completed \nMay 2017', { date: '2017-05-31', precision: 'month', complete: true }],
    ['Complete 31/01/2020', { date: '2020-01-31', precision: 'day', complete: true }],
    ['Completed: 31/01/2020.', { date: '2020-01-31', precision: 'day', complete: true }],
    ['Complete / ongoing', { date: null, precision: 'ongoing', ongoing: true, complete: true }],
    ['Not complete', { date: null, precision: 'none', note: 'Not complete' }],
    ['To be completed by March 2020', { date: '2020-03-31', precision: 'month', note: 'To be completed' }],
    ['Delayed to March 2020', { date: '2020-03-31', precision: 'month', note: 'Delayed' }],
    ['Partially complete', { date: null, precision: 'none', note: 'Partially complete' }],
    [
      'Complete, Standard Operating Procedure has been updated and is regularly reviewed whenever iterative changes are identified.',
      {
        date: null,
        precision: 'none',
        complete: true,
        note: 'Standard Operating Procedure has been updated and is regularly reviewed whenever iterative changes are identified',
      },
    ],
    ['Action tracker template is complete.', { date: null, precision: 'none', complete: true, note: 'Action tracker template is complete' }],
  ])('%j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe('parseFuzzyDate: impossible dates are never rolled over', () => {
  it.each<[text: string, precision: DatePrecision, problem: string]>([
    ['31 September 2020', 'day', '31 September 2020 is not a real date (September 2020 has 30 days)'],
    ['29 February 2021', 'day', '29 February 2021 is not a real date (February 2021 has 28 days)'],
    ['29/02/2023', 'day', '29/02/2023 is not a real date (February 2023 has 28 days)'],
    ['29 February 1900', 'day', '29 February 1900 is not a real date (February 1900 has 28 days)'],
    ['32/01/2020', 'day', '32/01/2020 is not a real date (January 2020 has 31 days)'],
    ['31/04/2020', 'day', '31/04/2020 is not a real date (April 2020 has 30 days)'],
    ['00/01/2020', 'day', '00/01/2020 is not a real date (there is no day 0)'],
    ['2024-02-30', 'day', '2024-02-30 is not a real date (February 2024 has 29 days)'],
    ['September 31st, 2020', 'day', 'September 31st, 2020 is not a real date (September 2020 has 30 days)'],
    ['13/13/2020', 'month', '13/13/2020 is not a real date (there is no month 13)'],
    ['01/13/2020', 'month', '01/13/2020 is not a real date (there is no month 13)'],
    ['13/2020', 'month', '13/2020 is not a real date (there is no month 13)'],
  ])('%j has no date: %s', (text, precision, problem) => {
    expect(parsed(text)).toEqual({ date: null, precision, problem });
  });

  it('keeps the note and flags beside the problem', () => {
    expect(parsed('Completed 31/09/2020 after audit')).toEqual({
      date: null,
      precision: 'day',
      complete: true,
      note: 'after audit',
      problem: '31/09/2020 is not a real date (September 2020 has 30 days)',
    });
  });

  it('reports an impossible earlier date and still takes the last one', () => {
    expect(parsed('31 September / 1 October 2020')).toEqual({
      date: '2020-10-01',
      precision: 'day',
      earlier: [{ text: '31 September', date: null, precision: 'day' }],
      problem: '31 September is not a real date (September 2020 has 30 days)',
    });
  });

  it('a range that starts on an impossible date has no start', () => {
    expect(parsed('31/04/2020 - 30/06/2020')).toEqual({
      date: '2020-06-30',
      precision: 'day',
      start: null,
      problem: '31/04/2020 is not a real date (April 2020 has 30 days)',
    });
  });
});

describe('parseFuzzyDate: no year, no date', () => {
  it.each<[text: string, precision: DatePrecision, problem: string]>([
    ['March', 'month', 'There is no year given for "March"'],
    ['MARCH', 'month', 'There is no year given for "MARCH"'],
    ['Sept.', 'month', 'There is no year given for "Sept"'],
    ['end of March', 'month', 'There is no year given for "March"'],
    ['end of Q3', 'quarter', 'There is no year given for "Q3"'],
    ['Q3', 'quarter', 'There is no year given for "Q3"'],
    ['1st March', 'day', 'There is no year given for "1st March"'],
    ['1 st March', 'day', 'There is no year given for "1 st March"'],
    ['March 1st', 'day', 'There is no year given for "March 1st"'],
    ['May 5', 'day', 'There is no year given for "May 5"'],
    ['summer', 'part-year', 'There is no year given for "summer"'],
  ])('%j', (text, precision, problem) => {
    expect(parsed(text)).toEqual({ date: null, precision, problem });
  });

  it.each<Full>([
    ['March / April', {
      date: null,
      precision: 'month',
      earlier: [{ text: 'March', date: null, precision: 'month' }],
      problem: 'There is no year given for "March"; There is no year given for "April"',
    }],
    ['May or May', {
      date: null,
      precision: 'month',
      earlier: [{ text: 'May', date: null, precision: 'month' }],
      problem: 'There is no year given for "May"',
    }],
  ])('several without a year: %j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe('parseFuzzyDate: tolerance', () => {
  it.each<Simple>([
    ['  Sep-20.  ', '2020-09-30', 'month'],
    ['\n\nMarch 2020\n', '2020-03-31', 'month'],
    ['March   2020', '2020-03-31', 'month'],
    ['March\n2020', '2020-03-31', 'month'],
    ['31st December 2019.', '2019-12-31', 'day'],
    ['31/03/2020;', '2020-03-31', 'day'],
    ['\t31/03/2020\n \n', '2020-03-31', 'day'],
    ['MARCH 2020.', '2020-03-31', 'month'],
    ['- March 2020 -', '2020-03-31', 'month'],
  ])('%j is %s (%s)', (text, date, precision) => {
    expect(parsed(text)).toEqual({ date, precision });
  });

  it.each([
    '/', '-', '–', 'Q', 'Q1', 'Q9 2020', '1st', '31/', '/2020', '2020/', '2020/2', 'Q1 2020/', '1/2', '12/31', 'between and', 'from to',
    'w/c', 'end of', 'the', '99/99/99', '2099/2100', '1899', '0/0/0', '((2020))', '🙂 March 2020 🙂', 'Ĳanuary 2020', 'March 2020 - ', ' - March 2020',
    'May May May', '1, 2, 3', '1, 2, 3 and', '31 - 1 March 2020', 'Q1 April - June', 'Ongoing Ongoing', 'complete complete 2020',
  ])('never fails and always gives a valid FuzzyDate for %j', (text) => {
    expect(() => parsed(text)).not.toThrow();
    expect(parsed(text)).not.toBeNull();
  });

  it('reads a long cell quickly and settles on its last date', () => {
    const text = Array.from({ length: 400 }, (_, k) => `Q${(k % 4) + 1} ${2000 + (k % 50)}`).join(' / ');
    expect(parsed(text)?.date).toBe('2050-03-31');
    expect(parsed(text)?.earlier).toHaveLength(399);
  });

  it('keeps the text exactly as given, untrimmed', () => {
    expect(parseFuzzyDate('  Q1 2026 \n')?.text).toBe('  Q1 2026 \n');
  });
});

/** Every date cell of the five seed plans, and the dates written in their other text. */
describe('parseFuzzyDate: the seed plans', () => {
  it.each<Full>([
    // 000 (HPFT)
    ['November 2025', { date: '2025-11-30', precision: 'month' }],
    ['July 2026 in line with delivery of reshaped CMH Service', { date: '2026-07-31', precision: 'month', note: 'in line with delivery of reshaped CMH Service' }],
    [
      'September 2023 Q1 2026',
      { date: '2026-06-30', precision: 'quarter', start: '2026-04-01', earlier: [{ text: 'September 2023', date: '2023-09-30', precision: 'month' }] },
    ],
    ['Early 2024', { date: '2024-04-30', precision: 'part-year' }],
    // 001 (ELFT)
    ['26 January 2022', { date: '2022-01-26', precision: 'day' }],
    ['Sep-20', { date: '2020-09-30', precision: 'month' }],
    [
      'Ongoing. Task group has been meeting monthly since May 2021. September 2021 November 2021 January 2022 Q1 April - June 2022/23 April 2022 - March 2023',
      {
        date: '2023-03-31',
        precision: 'month',
        start: '2022-04-01',
        ongoing: true,
        note: 'Task group has been meeting monthly since',
        earlier: [
          { text: 'May 2021', date: '2021-05-31', precision: 'month' },
          { text: 'September 2021', date: '2021-09-30', precision: 'month' },
          { text: 'November 2021', date: '2021-11-30', precision: 'month' },
          { text: 'January 2022', date: '2022-01-31', precision: 'month' },
          { text: 'Q1 April - June 2022/23', date: '2022-06-30', precision: 'quarter' },
        ],
      },
    ],
    ['Serious Untoward Incident Task and finish group has been meeting monthly since May 21.', {
      date: '2021-05-31',
      precision: 'month',
      note: 'Serious Untoward Incident Task and finish group has been meeting monthly since',
    }],
    // 002 (Dorset)
    ['28th JANUARY 2014', { date: '2014-01-28', precision: 'day' }],
    ['Jan 14', { date: '2014-01-31', precision: 'month' }],
    ['January 2014', { date: '2014-01-31', precision: 'month' }],
    ['Mar-14', { date: '2014-03-31', precision: 'month' }],
    ['Jan-14', { date: '2014-01-31', precision: 'month' }],
    ['May-14', { date: '2014-05-31', precision: 'month' }],
    ['Apr-14', { date: '2014-04-30', precision: 'month' }],
    ['Feb-14', { date: '2014-02-28', precision: 'month' }],
    ['Apr-13', { date: '2013-04-30', precision: 'month' }],
    ['Feb-13', { date: '2013-02-28', precision: 'month' }],
    ['Set by the Local Authority', { date: null, precision: 'none', note: 'Set by the Local Authority' }],
    [
      'Training was provided on 17, 23, 31 July 2013 and 9th, 19th December 2013.',
      {
        date: '2013-12-19',
        precision: 'day',
        note: 'Training was provided',
        earlier: [
          { text: '17', date: '2013-07-17', precision: 'day' },
          { text: '23', date: '2013-07-23', precision: 'day' },
          { text: '31 July 2013', date: '2013-07-31', precision: 'day' },
          { text: '9th', date: '2013-12-09', precision: 'day' },
        ],
      },
    ],
    ['1 st March', { date: null, precision: 'day', problem: 'There is no year given for "1 st March"' }],
    ['1st March 13', { date: '2013-03-01', precision: 'day' }],
    ['October 2013', { date: '2013-10-31', precision: 'month' }],
    ['December 13', { date: '2013-12-31', precision: 'month' }],
    ['Dec 13', { date: '2013-12-31', precision: 'month' }],
    ['01 October 2013', { date: '2013-10-01', precision: 'day' }],
    ['November 2011', { date: '2011-11-30', precision: 'month' }],
    ['end of December 2013', { date: '2013-12-31', precision: 'month' }],
    ['December 2012', { date: '2012-12-31', precision: 'month' }],
    ['(2009)', { date: '2009-12-31', precision: 'year' }],
    ['by May 14', { date: '2014-05-31', precision: 'month' }],
    ['Jan 12', { date: '2012-01-31', precision: 'month' }],
    ['June 2013', { date: '2013-06-30', precision: 'month' }],
    ['Audit planned for Feb 2014', { date: '2014-02-28', precision: 'month', note: 'Audit planned' }],
    ['August 2013', { date: '2013-08-31', precision: 'month' }],
    ['01/10/13', { date: '2013-10-01', precision: 'day' }],
    [
      'Audit in October 2013 showed 60.49% compliance and re-audited in December 13 showed further improvement by 29.38%.',
      {
        date: '2013-12-31',
        precision: 'month',
        note: 'Audit showed 60.49% compliance and re-audited showed further improvement by 29.38%',
        earlier: [{ text: 'October 2013', date: '2013-10-31', precision: 'month' }],
      },
    ],
    // 003 (Somerset)
    ['09/02/2018', { date: '2018-02-09', precision: 'day' }],
    ['01/11/2019', { date: '2019-11-01', precision: 'day' }],
    ['15/06/2020', { date: '2020-06-15', precision: 'day' }],
    ['26/06/2020', { date: '2020-06-26', precision: 'day' }],
    ['01/06/2021', { date: '2021-06-01', precision: 'day' }],
    ['18/11/2021', { date: '2021-11-18', precision: 'day' }],
    ['01/01/2021 Delay due to other work commitments (COVID)', { date: '2021-01-01', precision: 'day', note: 'Delay due to other work commitments (COVID)' }],
    ['31/07/2020', { date: '2020-07-31', precision: 'day' }],
    ['23 rd March 2021', { date: '2021-03-23', precision: 'day' }],
    ['Sept 2021', { date: '2021-09-30', precision: 'month' }],
    ['March 2021', { date: '2021-03-31', precision: 'month' }],
    ['In September 2021 a formal update', { date: '2021-09-30', precision: 'month', note: 'a formal update' }],
    ['Trust of the Year award 2021.', { date: '2021-12-31', precision: 'year', note: 'Trust of the Year award' }],
    // 004 (Oxford Health)
    ['July 2019', { date: '2019-07-31', precision: 'month' }],
    ['August / Sept 2019', { date: '2019-09-30', precision: 'month', earlier: [{ text: 'August', date: '2019-08-31', precision: 'month' }] }],
    ['August 2019 -all adult AMHTs/Early Intervention Service/ Perinatal Service', {
      date: '2019-08-31',
      precision: 'month',
      note: 'all adult AMHTs/Early Intervention Service/ Perinatal Service',
    }],
    ['September / October 2019 -all Older Adult Community MH teams / All Child and Adolescent MH services', {
      date: '2019-10-31',
      precision: 'month',
      note: 'all Older Adult Community MH teams / All Child and Adolescent MH services',
      earlier: [{ text: 'September', date: '2019-09-30', precision: 'month' }],
    }],
    ['Quarterly CPA and non – CPA audits across all MH teams and services form Q2 2019- Q4 2020', {
      date: '2021-03-31',
      precision: 'quarter',
      start: '2019-07-01',
      note: 'Quarterly CPA and non – CPA audits across all MH teams and services form',
    }],
    ['Undertake quarterly in all teams for Q2 2019-Q 4 2020.', {
      date: '2021-03-31',
      precision: 'quarter',
      start: '2019-07-01',
      note: 'Undertake quarterly in all teams',
    }],
    ['1st March 2020', { date: '2020-03-01', precision: 'day' }],
    ['Quarterly audit results reported to Quality and Safety Committee and to Trust board', {
      date: null,
      precision: 'none',
      note: 'Quarterly audit results reported to Quality and Safety Committee and to Trust board',
    }],
    [
      'December 31st, 2019 \nPlan audit of pathway end March 2020',
      { date: '2020-03-31', precision: 'month', note: 'Plan audit of pathway', earlier: [{ text: 'December 31st, 2019', date: '2019-12-31', precision: 'day' }] },
    ],
    [
      'COMPLETED \n31st December 2018 / 30TH January 2019 \n\n',
      { date: '2019-01-30', precision: 'day', complete: true, earlier: [{ text: '31st December 2018', date: '2018-12-31', precision: 'day' }] },
    ],
    ['December 31st 2019', { date: '2019-12-31', precision: 'day' }],
    ['31st March 2020', { date: '2020-03-31', precision: 'day' }],
    ['Due to go live mid-2020.', { date: '2020-08-31', precision: 'part-year', note: 'Due to go live' }],
    ['30th June 2020', { date: '2020-06-30', precision: 'day' }],
    ['Completed \nMay 2017', { date: '2017-05-31', precision: 'month', complete: true }],
    ['end of 2019 for Bucks and mid 2020 for Oxon/ Wilts. BaNES', {
      date: '2020-08-31',
      precision: 'part-year',
      note: 'for Bucks and for Oxon/ Wilts. BaNES',
      earlier: [{ text: 'end of 2019', date: '2019-12-31', precision: 'part-year' }],
    }],
    ['31ST December 2019 through to 31ST August 2020', { date: '2020-08-31', precision: 'day', start: '2019-12-31' }],
    [
      'COMPLETED October /November 2017 \nShared Care Protocols available through trust intranet and Oxon GP intranet',
      {
        date: '2017-11-30',
        precision: 'month',
        complete: true,
        note: 'Shared Care Protocols available through trust intranet and Oxon GP intranet',
        earlier: [{ text: 'October', date: '2017-10-31', precision: 'month' }],
      },
    ],
    ['31/03/2020', { date: '2020-03-31', precision: 'day' }],
  ])('%j', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it('reads the garbled seed 003 row without failing and settles on its last date', () => {
    const row =
      "Somerset's Community Mental **Deputy Director** Sept 2021 We can see that the intentions 4. Somerset Clinical Health And Commissioning Group must " +
      'to improve service provision and Wellbeing of Health services have been Commissioning Briefing report work with stakeholders to patient ' +
      'experience are present transformed over recent years. assess the impact of service Sept 2021 in the documents we have - Mental Health. ' +
      'HSJ Trust of the Year award 2021. In September 2021 a formal update';
    const result = parsed(row);
    expect(result?.date).toBe('2021-09-30');
    expect(result?.precision).toBe('month');
    expect(result?.earlier?.map((part) => part.text)).toEqual(['Sept 2021', 'Sept 2021', '2021']);
  });
});

describe('parseFuzzyDate: wording that marks the old date', () => {
  it.each([
    ['Jan 2026 (revised from Oct-25)', '2026-01-31', ['2025-10-31']],
    ['March 2025, originally December 2024', '2025-03-31', ['2024-12-31']],
    ['30/06/2025 (was 31/03/2025)', '2025-06-30', ['2025-03-31']],
    ['Previously Q3 24/25, now Q1 25/26', '2025-06-30', ['2024-12-31']],
    ['September 2023 Q1 2026', '2026-06-30', ['2023-09-30']],
    ['From April 2022 to March 2023', '2023-03-31', undefined],
  ])('%j settles on %s', (text, date, earlier) => {
    const parsed = parseFuzzyDate(text);
    expect(parsed?.date).toBe(date);
    expect(parsed?.earlier?.map((part) => part.date)).toEqual(earlier);
  });
});
