import { describe, expect, it } from 'vitest';
import { checksSummary, findingHref, severityLabel } from './checks.js';

describe('checksSummary', () => {
  it.each([
    [0, 0, 'No problems found.'],
    [1, 0, '1 error, 0 warnings.'],
    [2, 1, '2 errors, 1 warning.'],
  ])('%i errors and %i warnings read "%s"', (errors, warnings, text) => {
    expect(checksSummary({ counts: { errors, warnings } })).toBe(text);
  });
});

describe('findingHref', () => {
  it('links an action finding to the action page, escaping the id', () => {
    expect(findingHref({ actionId: 'a/1' })).toBe('/tab/actions/a%2F1');
  });

  it('gives no link for the plan or a recommendation', () => {
    expect(findingHref({ actionId: null })).toBeNull();
  });
});

describe('severityLabel', () => {
  it('says the severity in words', () => {
    expect([severityLabel({ severity: 'error' }), severityLabel({ severity: 'warning' })]).toEqual(['Error', 'Warning']);
  });
});
