import { describe, expect, it } from 'vitest';
import { ROLES, storedAction } from '../../test/support/stored-action.js';
import { holdsAnyRole, isLeadOrDeputy, updateRight } from './permissions.js';

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

describe('holdsAnyRole', () => {
  it.each([
    ['a holder of one of the roles', 'owner-1', ['Medical Director', 'Director of Quality'], true],
    ['a deputy of one of the roles', 'dep-1', ['head of nursing'], true],
    ['someone holding none of them', 'lead-1', ['Director of Quality'], false],
    ['anyone, when no roles are named', 'owner-1', [], false],
    ['anyone, for a role nobody was given', 'owner-1', ['Chief Executive'], false],
  ])('%s', (_what, who, names, expected) => {
    expect(holdsAnyRole(who, names, ROLES)).toBe(expected);
  });
});
