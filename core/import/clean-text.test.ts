import { describe, expect, it } from 'vitest';
import { cleanCellText, isRuling, joinContinuation } from './clean-text.js';

describe('cleanCellText', () => {
  it.each([
    ['<p>Ongoing</p> <p>Complete Q1 25/26</p>', 'Ongoing\n\nComplete Q1 25/26'],
    ['Such a protocol should: <ul style="list-style-type: none"> Be based on evidence', 'Such a protocol should:\nBe based on evidence'],
    ['assurance that: <input type="checkbox"/> needs are assessed; <input type="checkbox"/> plans are reviewed', 'assurance that:\n☐ needs are assessed;\n☐ plans are reviewed'],
    ['[bookmark: _Hlk1]The Trust has developed', 'The Trust has developed'],
    ['  spaced   out\t text  ', 'spaced out text'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['**Deputy Director**', 'Deputy Director'],
  ])('%j', (raw, clean) => {
    expect(cleanCellText(raw)).toBe(clean);
  });
});

describe('joinContinuation', () => {
  it('joins a lower-case fragment with a space where a sentence broke off', () => {
    expect(joinContinuation('simulation-based', 'training')).toBe('simulation-based training');
  });
  it('starts a new line after a finished sentence', () => {
    expect(joinContinuation('It is done.', 'However, more is needed.')).toBe('It is done.\nHowever, more is needed.');
  });
});

describe('isRuling', () => {
  it.each([['--', true], ['--------', true], ['· · · ·', false], ['-all adult teams', false], ['', false]])('%j → %s', (text, ruling) => {
    expect(isRuling(text)).toBe(ruling);
  });
});
