import { describe, expect, it } from 'vitest';
import { ROLES, storedAction } from '../../test/support/stored-action.js';
import { isLeadOrDeputy, updateRight } from './permissions.js';

describe('updateRight', () => {
  const plan = { owner: 'Director of Quality' };
  it.each([
    ['lead-1', 'lead'],
    ['dep-1', 'deputy'],
    ['owner-1', 'editor'],
    ['stranger', null],
  ])('%s → %s', (who, right) => {
    expect(updateRight(who, storedAction(), plan, ROLES)).toBe(right);
  });

  it('matches lead roles however they are cased or punctuated', () => {
    expect(updateRight('lead-1', storedAction({ leads: ['HEAD OF NURSING.'] }), plan, ROLES)).toBe('lead');
  });

  it('gives nothing for a plan with no owner to someone who leads nothing', () => {
    expect(updateRight('owner-1', storedAction(), { owner: null }, ROLES)).toBeNull();
  });

  it('isLeadOrDeputy excludes editors', () => {
    expect([isLeadOrDeputy('dep-1', storedAction(), ROLES), isLeadOrDeputy('owner-1', storedAction(), ROLES)]).toEqual([true, false]);
  });
});
