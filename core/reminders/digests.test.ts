import { describe, expect, it } from 'vitest';
import { groupDigests } from './digests.js';

describe('groupDigests', () => {
  it('groups per recipient and sending time, in order of first appearance', () => {
    const nine = '2025-06-30T08:00:00.000Z';
    const ten = '2025-06-30T09:00:00.000Z';
    const reminders = [
      { key: 'a1', recipient: 'u-1', plannedFor: nine },
      { key: 'a2', recipient: 'u-2', plannedFor: nine },
      { key: 'a3', recipient: 'u-1', plannedFor: nine },
      { key: 'a4', recipient: 'u-1', plannedFor: ten },
    ];
    expect(groupDigests(reminders)).toEqual([
      { recipient: 'u-1', plannedFor: nine, reminders: [reminders[0], reminders[2]] },
      { recipient: 'u-2', plannedFor: nine, reminders: [reminders[1]] },
      { recipient: 'u-1', plannedFor: ten, reminders: [reminders[3]] },
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(groupDigests([])).toEqual([]);
  });
});
