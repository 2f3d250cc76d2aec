import { describe, expect, it } from 'vitest';
import { chooseIdentity, DEMO_LEAD_ID, readRemembered } from './identity.js';

const person = (aadObjectId: string, roles: string[]) => ({ aadObjectId, displayName: aadObjectId, roles });

describe('chooseIdentity', () => {
  const people = [person('one-role', ['A']), person('two-roles', ['A', 'B']), person('also-two', ['C', 'D'])];

  it('prefers the remembered person while they still exist', () => {
    expect(chooseIdentity([...people, person(DEMO_LEAD_ID, ['A'])], 'one-role')?.aadObjectId).toBe('one-role');
  });

  it('falls back to the demo lead, Alex Wilber', () => {
    expect(chooseIdentity([...people, person(DEMO_LEAD_ID, ['A'])], 'gone')?.aadObjectId).toBe(DEMO_LEAD_ID);
  });

  it('otherwise takes the first person holding the most roles', () => {
    expect(chooseIdentity(people, null)?.aadObjectId).toBe('two-roles');
  });

  it('has nobody to choose from an empty list', () => {
    expect(chooseIdentity([], null)).toBeNull();
  });
});

describe('readRemembered', () => {
  it.each([null, '', 'not json', '42', '{"aadObjectId":""}', '{"aadObjectId":"x"}'])('ignores %j', (stored) => {
    expect(readRemembered(stored)).toBeNull();
  });

  it('reads what was stored', () => {
    expect(readRemembered('{"aadObjectId":"x","displayName":"X Y","extra":1}')).toEqual({ aadObjectId: 'x', displayName: 'X Y' });
  });
});
