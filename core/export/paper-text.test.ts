import { describe, expect, it } from 'vitest';
import { paperText } from './paper-text.js';

describe('paperText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['line one\r\nline two\rline three', 'line one\nline two\nline three'],
    ['form\ffeed and vertical\u000Btab', 'formfeed and verticaltab'],
    ['nul\u0000 and bell\u0007', 'nul and bell'],
    ['tab\tkept', 'tab\tkept'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 📋 kept', 'emoji 📋 kept'],
    ['not a character \uFFFE', 'not a character '],
    ['<&> "quotes" stay for the writers to escape', '<&> "quotes" stay for the writers to escape'],
  ])('%j → %j', (input, expected) => {
    expect(paperText(input)).toBe(expected);
  });
});
