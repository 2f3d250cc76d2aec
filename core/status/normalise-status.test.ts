import { describe, expect, it } from 'vitest';
import type { FuzzyDate } from '../model/fuzzy-date.js';
import { NormalisedStatus, type ActionStatus, type Rag, type RagKeyEntry } from '../model/status.js';
import { normaliseStatus } from './normalise-status.js';

/** Normalises and checks the result against the schema. */
function normalised(text: string | null | undefined, key?: readonly RagKeyEntry[]): NormalisedStatus {
  return NormalisedStatus.parse(normaliseStatus(text, key));
}

type Row = [text: string, status: ActionStatus, rag: Rag | null];

/** Seed 000's key, as the preamble reads it. */
const SEED_KEY: readonly RagKeyEntry[] = [
  { rag: 'red', meaning: 'Action not started', status: 'not-started' },
  { rag: 'amber', meaning: 'Action being progressed', status: 'in-progress' },
  { rag: 'green', meaning: 'Action fully complete', status: 'complete' },
];

/** A BRAG key where blue means assured and green only complete. */
const BRAG_KEY: readonly RagKeyEntry[] = [
  { rag: 'red', meaning: 'Off track', status: 'blocked' },
  { rag: 'amber', meaning: 'On track', status: 'in-progress' },
  { rag: 'green', meaning: 'Complete', status: 'complete' },
  { rag: 'blue', meaning: 'Complete and assured', status: 'assured' },
];

describe('normaliseStatus: nothing written', () => {
  it.each([null, undefined, '', '   ', '\n'])('%j is unknown', (text) => {
    expect(normalised(text)).toEqual({ text: text ?? '', status: 'unknown', rag: null, date: null });
  });
});

describe('normaliseStatus: RAG colours through the default key', () => {
  it.each<Row>([
    ['Red', 'not-started', 'red'],
    ['RED', 'not-started', 'red'],
    ['red', 'not-started', 'red'],
    ['R', 'not-started', 'red'],
    ['r', 'not-started', 'red'],
    ['Amber', 'in-progress', 'amber'],
    ['AMBER', 'in-progress', 'amber'],
    ['A', 'in-progress', 'amber'],
    ['a', 'in-progress', 'amber'],
    ['RAG: Amber', 'in-progress', 'amber'],
    ['RAG: A', 'in-progress', 'amber'],
    ['RAG - amber', 'in-progress', 'amber'],
    ['Green', 'complete', 'green'],
    ['G', 'complete', 'green'],
    ['g.', 'complete', 'green'],
    ['Blue', 'complete', 'blue'],
    ['B', 'complete', 'blue'],
    ['BRAG: Blue', 'complete', 'blue'],
    ['  Green \n', 'complete', 'green'],
  ])('%j is %s (%s)', (text, status, rag) => {
    expect(normalised(text)).toEqual({ text, status, rag, date: null });
  });
});

describe("normaliseStatus: RAG colours through the plan's own key", () => {
  it.each<[text: string, status: ActionStatus, rag: Rag, keyName: string, key: readonly RagKeyEntry[]]>([
    ['Red', 'not-started', 'red', 'seed 000', SEED_KEY],
    ['Amber', 'in-progress', 'amber', 'seed 000', SEED_KEY],
    ['Green', 'complete', 'green', 'seed 000', SEED_KEY],
    ['Blue', 'complete', 'blue', 'seed 000 (no blue: default)', SEED_KEY],
    ['Red', 'blocked', 'red', 'BRAG', BRAG_KEY],
    ['R', 'blocked', 'red', 'BRAG', BRAG_KEY],
    ['Blue', 'assured', 'blue', 'BRAG', BRAG_KEY],
    ['B', 'assured', 'blue', 'BRAG', BRAG_KEY],
    ['Green', 'complete', 'green', 'empty', []],
  ])('%j is %s (%s) with the %s key', (text, status, rag, _keyName, key) => {
    expect(normalised(text, key)).toEqual({ text, status, rag, date: null });
  });

  it('explicit words beat the key', () => {
    expect(normalised('Red - on hold', SEED_KEY)).toEqual({ text: 'Red - on hold', status: 'blocked', rag: 'red', date: null });
    expect(normalised('Blue - complete', BRAG_KEY)).toEqual({ text: 'Blue - complete', status: 'complete', rag: 'blue', date: null });
  });
});

describe('normaliseStatus: words', () => {
  it.each<Row>([
    ['Amber - in progress', 'in-progress', 'amber'],
    ['Green – completed', 'complete', 'green'],
    ['Amber - delayed', 'in-progress', 'amber'],
    ['Ongoing', 'in-progress', null],
    ['ONGOING', 'in-progress', null],
    ['On-going', 'in-progress', null],
    ['on going', 'in-progress', null],
    ['In progress', 'in-progress', null],
    ['In-progress', 'in-progress', null],
    ['IN PROGRESS', 'in-progress', null],
    ['Commenced', 'in-progress', null],
    ['Started', 'in-progress', null],
    ['On track', 'in-progress', null],
    ['Underway', 'in-progress', null],
    ['Under way', 'in-progress', null],
    ['Partially complete', 'in-progress', null],
    ['Partially completed', 'in-progress', null],
    ['Action being progressed', 'in-progress', null],
    ['Not complete', 'in-progress', null],
    ['In place', 'complete', null],
    ['In place and ongoing', 'in-progress', null],
    ['In place Ongoing', 'in-progress', null],
    ['In place\nOngoing', 'in-progress', null],
    ['COMPLETED', 'complete', null],
    ['Complete', 'complete', null],
    ['Completed', 'complete', null],
    ['complete.', 'complete', null],
    ['Action fully complete', 'complete', null],
    ['Closed', 'complete', null],
    ['Done', 'complete', null],
    ['Achieved', 'complete', null],
    ['Embedded', 'complete', null],
    ['Implemented', 'complete', null],
    ['Not started', 'not-started', null],
    ['Not yet started', 'not-started', null],
    ['NOT STARTED', 'not-started', null],
    ['Not commenced', 'not-started', null],
    ['Action not started', 'not-started', null],
    ['Blocked', 'blocked', null],
    ['On hold', 'blocked', null],
    ['On Hold', 'blocked', null],
    ['Stalled', 'blocked', null],
    ['N/A', 'not-applicable', null],
    ['n/a', 'not-applicable', null],
    ['Not applicable', 'not-applicable', null],
    ['Delayed', 'in-progress', 'red'],
    ['Behind', 'in-progress', 'red'],
    ['Behind schedule', 'in-progress', 'red'],
    ['Overdue', 'in-progress', 'red'],
    ['Off track', 'in-progress', 'red'],
    ['Off-track', 'in-progress', 'red'],
    ['At risk', 'in-progress', 'red'],
    ['Green but overdue', 'in-progress', 'green'],
  ])('%j is %s (%s)', (text, status, rag) => {
    expect(normalised(text)).toEqual({ text, status, rag, date: null });
  });
});

describe('normaliseStatus: several statuses give the least advanced', () => {
  it.each<Row>([
    ['Complete\nOngoing', 'in-progress', null],
    ['Not started / in progress', 'not-started', null],
    ['In progress - on hold', 'blocked', null],
    ['Complete; N/A', 'complete', null],
    ['N/A\nN/A', 'not-applicable', null],
    ['Implemented and embedded', 'complete', null],
  ])('%j is %s', (text, status, rag) => {
    expect(normalised(text)).toEqual({ text, status, rag, date: null });
  });
});

describe('normaliseStatus: a date written with the status', () => {
  const q1 = { text: 'Q1 25/26', date: '2025-06-30', precision: 'quarter', start: '2025-04-01' } satisfies FuzzyDate;
  const q2 = { text: 'Q2 2025', date: '2025-09-30', precision: 'quarter', start: '2025-07-01' } satisfies FuzzyDate;

  it.each<[text: string, status: ActionStatus, rag: Rag | null, date: FuzzyDate]>([
    ['Commenced Q2 2025', 'in-progress', null, q2],
    ['Complete Q1 25/26', 'complete', null, q1],
    ['Complete 31/01/2020', 'complete', null, { text: '31/01/2020', date: '2020-01-31', precision: 'day' }],
    ['COMPLETED 31/01/2020', 'complete', null, { text: '31/01/2020', date: '2020-01-31', precision: 'day' }],
    ['Completed May 2017', 'complete', null, { text: 'May 2017', date: '2017-05-31', precision: 'month' }],
    ['Green - completed March 2020', 'complete', 'green', { text: 'March 2020', date: '2020-03-31', precision: 'month' }],
    ['Delayed to Q3 2024', 'in-progress', 'red', { text: 'to Q3 2024', date: '2024-12-31', precision: 'quarter', start: '2024-10-01' }],
    ['Q2 2025 commenced', 'in-progress', null, q2],
    ['Complete 31/09/2020', 'complete', null, {
      text: '31/09/2020',
      date: null,
      precision: 'day',
      problem: '31/09/2020 is not a real date (September 2020 has 30 days)',
    }],
    // Seed 000, one status per paragraph, and the same on one line as the importer passes it.
    ['Ongoing\nComplete Q1 25/26\nIn place and ongoing\nCommenced Q2 2025', 'in-progress', null, q1],
    ['Ongoing Complete Q1 25/26 In place and ongoing Commenced Q2 2025', 'in-progress', null, q1],
    ['<p>Ongoing</p> <p>Complete Q1 25/26</p> <p>In place and ongoing</p>', 'in-progress', null, q1],
  ])('%j is %s with a date', (text, status, rag, date) => {
    expect(normalised(text)).toEqual({ text, status, rag, date });
  });
});

describe('normaliseStatus: the seed plans', () => {
  it.each<Row>([
    // 000: the status column and its RAG key
    ['<p>Ongoing</p>', 'in-progress', null],
    ['In place Ongoing', 'in-progress', null],
    ['Ongoing', 'in-progress', null],
    ['Action not started', 'not-started', null],
    ['Action being progressed', 'in-progress', null],
    ['Action fully complete', 'complete', null],
    // 003: the completion column, which says how it was completed
    [
      'Complete, Standard Operating Procedure has been updated and is regularly reviewed whenever iterative changes are identified.',
      'complete',
      null,
    ],
    ['Action tracker template is complete.', 'complete', null],
    // 002: the status column is empty; the header says "Status as at Jan 14"
    ['', 'unknown', null],
  ])('%j is %s', (text, status, rag) => {
    expect(normalised(text)).toEqual({ text, status, rag, date: null });
  });

  it.each(['Red', 'Amber', 'Green'])('reads the key label %j as a colour', (label) => {
    expect(normalised(label).rag).toBe(label.toLowerCase());
  });
});

describe('normaliseStatus: anything else is unknown, and kept', () => {
  it.each(['TBC', 'See progress column', 'Awaiting update', 'Set by the Local Authority', 'AB', 'Q', '?'])('%j', (text) => {
    expect(normalised(text)).toEqual({ text, status: 'unknown', rag: null, date: null });
  });

  it('still reads a date that stands alone', () => {
    expect(normalised('31/03/2020')).toEqual({
      text: '31/03/2020',
      status: 'unknown',
      rag: null,
      date: { text: '31/03/2020', date: '2020-03-31', precision: 'day' },
    });
  });
});
