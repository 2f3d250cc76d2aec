import { describe, expect, it } from 'vitest';
import { reviewOutcomeLabel, statusPhrase } from './labels.js';

describe('statusPhrase', () => {
  it.each([
    ['in-progress', 'is in progress'],
    ['not-applicable', 'is not applicable'],
    ['assured', 'is assured'],
    ['unknown', 'has no status recorded'],
  ] as const)('%s → "%s"', (status, phrase) => {
    expect(statusPhrase(status)).toBe(phrase);
  });
});

describe('reviewOutcomeLabel', () => {
  it.each([
    ['assured', 'Assured'],
    ['returned', 'Returned'],
    ['not-applicable', 'Not applicable'],
  ] as const)('%s → %s', (outcome, label) => {
    expect(reviewOutcomeLabel(outcome)).toBe(label);
  });
});
