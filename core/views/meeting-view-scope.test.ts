import { describe, expect, it } from 'vitest';
import { tree } from '../../test/support/view-fixtures.js';
import { forumScope, forumsOf, namesForum, sameForum } from './meeting-view-scope.js';

describe('sameForum', () => {
  it.each([
    ['Quality Committee', 'Quality Committee', true],
    ['quality  committee ', 'Quality Committee', true],
    ['QualityCommittee', 'Quality Committee', true],
    ['Quality Committee', 'Quality and Safety Committee', false],
    ['', '', false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(sameForum(a, b)).toBe(expected);
  });
});

describe('namesForum', () => {
  it.each([
    ['Directorate Management Group', 'directorate management group', true],
    ['Quality and Safety Committee and Trust Board', 'Trust Board', true],
    ['Trust Board (quarterly)', 'trust  board', true],
    ['Directorate Management Groups', 'Directorate Management Group', false],
    ['Patient Safety Committee', 'Safety', true],
    ['Boardroom meeting', 'Board', false],
    [null, 'Trust Board', false],
    ['Trust Board', '  ', false],
  ])('%j names %j: %s', (reportedTo, forum, expected) => {
    expect(namesForum(reportedTo, forum)).toBe(expected);
  });
});

describe('forumScope', () => {
  const plan = tree(
    [
      { number: '1', actions: [{ id: 'a1', reportedTo: 'Quality Committee' }, { id: 'a2', reportedTo: 'Trust Board' }] },
      { number: '2', actions: [{ id: 'a3', reportedTo: null }] },
    ],
    { forums: ['Directorate Management Group'] },
  );

  it.each([
    ['the plan’s own forum: every action', 'directorate management group', 'plan', ['a1', 'a2', 'a3']],
    ['a forum some actions report to: those', 'Quality Committee', 'reported-to', ['a1']],
    ['a forum nothing names: not its business', 'Audit Committee', null, []],
  ])('%s', (_what, forum, scope, ids) => {
    const found = forumScope(plan, forum);
    expect([found?.scope ?? null, found?.actions.map((entry) => entry.action.id) ?? []]).toEqual([scope, ids]);
  });

  it('labels each action as the plan does', () => {
    expect(forumScope(plan, 'Trust Board')?.actions.map((entry) => entry.label)).toEqual(['1 a']);
  });
});

describe('forumsOf', () => {
  it('lists plan forums and actions’ "reported to", each once (first spelling), sorted, blanks left out', () => {
    const one = tree([{ number: '1', actions: [{ id: 'a1', reportedTo: 'quality committee' }, { id: 'a2', reportedTo: '  ' }, { id: 'a3', reportedTo: 'Audit  Committee' }] }], { forums: ['Quality Committee', 'Trust Board'] });
    const two = tree([{ number: '1', actions: [{ id: 'b1', reportedTo: 'Directorate Management Group' }, { id: 'b2', reportedTo: null }] }], { id: 'plan-2', forums: ['trust board'] });
    expect(forumsOf([one, two])).toEqual(['Audit Committee', 'Directorate Management Group', 'Quality Committee', 'Trust Board']);
  });

  it('gives nothing for no plans', () => {
    expect(forumsOf([])).toEqual([]);
  });
});
