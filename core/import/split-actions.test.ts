import { describe, expect, it } from 'vitest';
import { splitActionCell } from './split-actions.js';

describe('splitActionCell', () => {
  it.each([
    ['Review the policy.', [{ ref: null, text: 'Review the policy.' }]],
    ['a) Review the policy.', [{ ref: 'a', text: 'Review the policy.' }]],
    ['(b) Train the team.', [{ ref: 'b', text: 'Train the team.' }]],
    ['2. Update the tracker.', [{ ref: '2.', text: 'Update the tracker.' }]],
    [
      'a) Review the policy.\nb) Train the team.\nc) Audit in six months.',
      [
        { ref: 'a', text: 'Review the policy.' },
        { ref: 'b', text: 'Train the team.' },
        { ref: 'c', text: 'Audit in six months.' },
      ],
    ],
    [
      'a) Review the policy. b) Train the team. c) Audit in six months.',
      [
        { ref: 'a', text: 'Review the policy.' },
        { ref: 'b', text: 'Train the team.' },
        { ref: 'c', text: 'Audit in six months.' },
      ],
    ],
    [
      'The Trust will:\n1. Review the policy\n2. Train the team',
      [
        { ref: '1.', text: 'The Trust will:\nReview the policy' },
        { ref: '2.', text: 'Train the team' },
      ],
    ],
    [
      '• Publish guidance\n• Hold a workshop',
      [
        { ref: '•', text: 'Publish guidance' },
        { ref: '•', text: 'Hold a workshop' },
      ],
    ],
  ])('%j', (cell, parts) => {
    expect(splitActionCell(cell)).toEqual(parts);
  });

  it('does not split a lone letter that is not the start of a sequence', () => {
    expect(splitActionCell('Plan b) is kept\nc) too')).toHaveLength(1);
  });

  it('keeps dates and dashes inside an action whole', () => {
    const text = 'a) Roll out the new forms\nAugust 2019 - all adult teams\nSeptember 2019 - older adult teams';
    expect(splitActionCell(text)).toEqual([{ ref: 'a', text: 'Roll out the new forms\nAugust 2019 - all adult teams\nSeptember 2019 - older adult teams' }]);
  });
});
