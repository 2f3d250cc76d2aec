import { describe, expect, it } from 'vitest';
import { storedAction } from '../../test/support/stored-action.js';
import { VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { isPlanEditor, rightsFor, rolesOf } from './rights.js';
import { ActionRights } from './tab-api.js';

const PLAN = { owner: 'Director of Quality' };
const NURSING = storedAction({ leads: ['Head of Nursing'] });

describe('rightsFor', () => {
  it.each([
    ['the lead', 'lead-1', NURSING, PLAN, { canUpdate: true, canEdit: false }],
    ['the lead’s deputy', 'dep-1', NURSING, PLAN, { canUpdate: true, canEdit: false }],
    ['the plan owner (editor)', 'owner-1', NURSING, PLAN, { canUpdate: true, canEdit: true }],
    ['the plan owner’s deputy (editor)', 'owner-dep', NURSING, PLAN, { canUpdate: true, canEdit: true }],
    ['a lead of another action', 'md-1', NURSING, PLAN, { canUpdate: false, canEdit: false }],
    ['a stranger', 'stranger', NURSING, PLAN, { canUpdate: false, canEdit: false }],
    ['an editor who also leads', 'owner-1', storedAction({ leads: ['Director of Quality'] }), PLAN, { canUpdate: true, canEdit: true }],
    ['the owner’s holder when the plan names no owner', 'owner-1', NURSING, { owner: null }, { canUpdate: false, canEdit: false }],
    ['a lead named in another case', 'lead-1', storedAction({ leads: ['HEAD OF NURSING.'] }), PLAN, { canUpdate: true, canEdit: false }],
    ['anyone, on an action with no leads', 'lead-1', storedAction({ leads: [] }), PLAN, { canUpdate: false, canEdit: false }],
  ])('%s', (_who, aadObjectId, action, plan, expected) => {
    const rights = ActionRights.parse(rightsFor(aadObjectId, action, plan, VIEW_ROLES));
    expect(rights).toEqual(expected);
  });
});

describe('isPlanEditor', () => {
  it.each([
    ['owner-1', 'Director of Quality', true],
    ['owner-dep', 'Director of Quality', true],
    ['owner-1', 'director of quality.', true],
    ['lead-1', 'Director of Quality', false],
    ['stranger', 'Director of Quality', false],
    ['owner-1', null, false],
    ['owner-1', 'Unknown Committee', false],
  ])('%s editing a plan owned by %s → %s', (aadObjectId, owner, expected) => {
    expect(isPlanEditor(aadObjectId, { owner }, VIEW_ROLES)).toBe(expected);
  });
});

describe('rolesOf', () => {
  it.each([
    ['lead-1', ['Head of Nursing', 'Ward Manager']],
    ['dep-1', ['Head of Nursing']],
    ['owner-dep', ['Director of Quality']],
    ['stranger', []],
  ])('%s → %j', (aadObjectId, expected) => {
    expect(rolesOf(aadObjectId, VIEW_ROLES)).toEqual(expected);
  });

  it('sorts by name and lists a role once when the person both holds and deputises for it', () => {
    const roles = [
      { id: 'z', name: 'Safeguarding Lead', key: 'safeguarding lead', holders: [{ aadObjectId: 'p', displayName: 'P' }], deputies: [{ aadObjectId: 'p', displayName: 'P' }] },
      { id: 'a', name: 'Associate Director', key: 'associate director', holders: [], deputies: [{ aadObjectId: 'p', displayName: 'P' }] },
    ];
    expect(rolesOf('p', roles)).toEqual(['Associate Director', 'Safeguarding Lead']);
  });
});
