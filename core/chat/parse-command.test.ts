import { describe, expect, it } from 'vitest';
import { matchesRef, parseCommand } from './parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['<at>Followthrough</at> help', { kind: 'help' }],
    ['My actions', { kind: 'my-actions' }],
    ['my action', { kind: 'my-actions' }],
    ['snooze 2b 7', { kind: 'snooze', ref: { recommendation: '2', action: 'b', text: '2b' }, days: 7 }],
    ['Snooze 2 b for 3 days', { kind: 'snooze', ref: { recommendation: '2', action: 'b', text: '2 b' }, days: 3 }],
    ['snooze R4 14', { kind: 'snooze', ref: { recommendation: '4', action: null, text: 'R4' }, days: 14 }],
    ['update 2b: audit booked for June', { kind: 'update', ref: { recommendation: '2', action: 'b', text: '2b' }, note: 'audit booked for June' }],
    ['update 3.2 - tracker updated', { kind: 'update', ref: { recommendation: '3', action: '2', text: '3.2' }, note: 'tracker updated' }],
    ['update 1a:  line one\nline two', { kind: 'update', ref: { recommendation: '1', action: 'a', text: '1a' }, note: 'line one line two' }],
  ])('%j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    ['snooze 2b 0', 'Snooze for 1 to 30 days, e.g. "snooze 2b 7".'],
    ['snooze 2b 45', 'Snooze for 1 to 30 days, e.g. "snooze 2b 7".'],
    ['snooze soon', 'Try "snooze 2b 7".'],
    ['update 2b', 'Try "update 2b: what has happened".'],
  ])('refuses %j with a hint', (text, problem) => {
    expect(parseCommand(text)).toEqual({ kind: 'unknown', text, problem });
  });

  it('does not guess at anything else', () => {
    expect(parseCommand('please remind me tomorrow')).toEqual({ kind: 'unknown', text: 'please remind me tomorrow' });
  });
});

describe('matchesRef', () => {
  const ref = { recommendation: '2', action: 'b', text: '2b' };
  it.each([
    ['2', 'b', true],
    ['2.', 'b)', true],
    ['2', '(b)', true],
    ['2', 'a', false],
    ['3', 'b', false],
    [null, 'b', false],
  ])('rec %j action %j → %s', (rec, action, matches) => {
    expect(matchesRef(ref, rec, action)).toBe(matches);
  });

  it('a ref without a label matches every action of the recommendation', () => {
    expect(matchesRef({ recommendation: '4', action: null, text: '4' }, '4', '•')).toBe(true);
  });
});
