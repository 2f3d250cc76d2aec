import { describe, expect, it } from 'vitest';
import { actionLabel, asSentence, ukDate, ukDateTime } from './labels.js';

describe('actionLabel', () => {
  it.each([
    ['2', 'b)', '2b'],
    ['3', '1', '3.1'],
    ['3', '3.1', '3.1'],
    ['3', '3b', '3b'],
    ['R3', 'a', 'R3a'],
    ['4.', null, '4'],
    [null, '(c)', 'c'],
    ['1', '•', '1'],
    [null, null, ''],
  ])('%j + %j → %j', (number, ref, label) => {
    expect(actionLabel(number, ref)).toBe(label);
  });
});

describe('dates', () => {
  it('writes ISO dates the UK way', () => {
    expect(ukDate('2025-09-03')).toBe('3 Sep 2025');
    expect(ukDate('Sep-25')).toBe('Sep-25');
  });

  it('shows instants in UK time whatever the browser’s zone', () => {
    expect(ukDateTime('2025-07-01T23:30:00Z')).toBe('2 Jul 2025, 00:30');
    expect(ukDateTime('2025-01-01T23:30:00Z')).toBe('1 Jan 2025, 23:30');
  });
});

describe('asSentence', () => {
  it.each([
    ['Assured by Dee', 'Assured by Dee.'],
    ['Returned: not enough.', 'Returned: not enough.'],
    ['Why? ', 'Why?'],
  ])('%j → %j', (text, sentence) => {
    expect(asSentence(text)).toBe(sentence);
  });
});
