import { describe, expect, it } from 'vitest';
import { NOTE_MAX } from '../../core/model/index.js';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, inputsOf, monthDue, nodesOf, planText, TODAY } from './card-fixtures.js';
import { type RecordedAction, type RecordedCardData, recordedCard } from './recorded-card.js';
import type { ReviewSeen } from './review-state.js';
import { validateCard } from './validate-card.js';

function recordedData(overrides: Partial<RecordedCardData> = {}): RecordedCardData {
  return {
    today: TODAY,
    plan: { id: 'plan-1', title: 'Action plan in response to the independent HASCAS review', references: ['StEIS 2017/7489'] },
    recommendationNumber: '3',
    action: {
      id: 'act-3b',
      ref: 'b',
      text: 'Audit medicines adherence care plans for patients on community treatment orders.',
      due: monthDue(),
      revisions: [{ date: '2025-12-31', reason: 'Audit team capacity in the autumn', at: '2025-09-23T13:05:00Z', by: { aadObjectId: 'u1', displayName: 'Priya Shah' } }],
      status: 'blocked',
      evidence: null,
    },
    before: { status: 'in-progress', due: monthDue(), revisions: [] },
    update: {
      note: 'Fieldwork paused: the audit team is at capacity until December.',
      status: 'blocked',
      revisedDue: { date: '2025-12-31', reason: 'Audit team capacity in the autumn' },
      evidence: null,
      author: { aadObjectId: 'u1', displayName: 'Priya Shah' },
    },
    when: '23 Sep 2025, 14:05',
    openUrl: 'https://teams.microsoft.com/l/entity/app-id/plan',
    ...overrides,
  };
}

describe('recordedCard', () => {
  const card = recordedCard(recordedData());
  const text = allText(card);

  it('is a valid Adaptive Card 1.5 without inputs', () => {
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
    expect(nodesOf(card).filter((node) => node.type === 'Action.Execute' || node.type === 'Action.Submit')).toEqual([]);
  });

  it.each([
    ['what was recorded', 'Update recorded: Action 3b'],
    ['by whom and when', 'By Priya Shah, 23 Sep 2025, 14:05.'],
    ['the note', 'Fieldwork paused: the audit team is at capacity until December.'],
    ['the status change', 'Status: In progress → Blocked'],
    ['the revised date', 'Due date: 30 Sep 2025 → 31 Dec 2025'],
    ['the reason', 'Why it moved: Audit team capacity in the autumn'],
    ['the new status', 'Status: Blocked'],
    ['the new due date', 'Due date: 31 Dec 2025'],
    ['the days left now', 'Due in 99 days'],
  ])('shows %s', (_what, expected) => {
    expect(text).toContain(expected);
  });

  it('says when the status did not change, and shows evidence', () => {
    const unchanged = allText(
      recordedCard(
        recordedData({
          action: { ...recordedData().action, status: 'in-progress', revisions: [], evidence: 'Audit report v1' },
          update: { note: 'Report drafted.', status: null, revisedDue: null, evidence: 'Audit report v1', author: { aadObjectId: 'u1', displayName: 'Priya Shah' } },
        }),
      ),
    );
    expect(unchanged).toContain('Status: In progress (unchanged)');
    expect(unchanged).toContain('Evidence');
    expect(unchanged).toContain('Audit report v1');
    expect(unchanged).not.toContain('Why it moved');
    expect(unchanged).toContain('Due in 7 days');
  });

  it('says a completed action awaits assurance, with no more reminders', () => {
    const complete = recordedCard(
      recordedData({
        action: { ...recordedData().action, status: 'complete', revisions: [], evidence: 'Audit report' },
        update: { note: 'Done.', status: 'complete', revisedDue: null, evidence: 'Audit report', author: { aadObjectId: 'u1', displayName: null } },
      }),
    );
    expect(allText(complete)).toContain('Awaiting assurance');
    expect(allText(complete)).toContain('No reminders meanwhile.');
    expect(allText(complete)).not.toMatch(/days? overdue|Due in/);
    expect(allText(complete)).toContain('By Someone, 23 Sep 2025, 14:05.');
    expect(validateCard(complete)).toEqual([]);
  });

  describe('where the action stands now follows the lifecycle', () => {
    const returned: ReviewSeen = { outcome: 'returned', reason: 'The audit covers one ward only.', by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee' };
    const assured: ReviewSeen = { outcome: 'assured', reason: null, by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee' };
    it.each<[string, RecordedAction['status'], ReviewSeen | null, string[], string[]]>([
      ['open, never reviewed', 'in-progress', null, ['Due in 99 days'], ['Returned', 'Awaiting', 'Assured']],
      ['returned and still open: the due date and why', 'in-progress', returned, ['Due in 99 days', 'Returned at review: The audit covers one ward only.', 'Returned by Dr Rao on 16 Sep 2025 at Quality Committee.'], ['Awaiting']],
      ['complete after a return: awaiting, the return in small print', 'complete', returned, ['Awaiting assurance', 'It was returned by Dr Rao on 16 Sep 2025 at Quality Committee: The audit covers one ward only.'], ['Due in']],
      // A double press answered after a reviewer assured it in between.
      ['assured since', 'assured', assured, ['Assured by Dr Rao on 16 Sep 2025 at Quality Committee', 'A reviewer must reopen it before it can be updated.'], ['Due in', 'Awaiting']],
    ])('%s', (_what, status, review, shown, absent) => {
      const standing = recordedCard(recordedData({ action: { ...recordedData().action, status }, review }));
      expect(validateCard(standing)).toEqual([]);
      const from = standing.body.findIndex((node) => node.type === 'TextBlock' && node.text === 'Where the action stands now');
      expect(from).toBeGreaterThan(0);
      const text = allText({ ...standing, body: standing.body.slice(from) });
      for (const words of shown) expect(text).toContain(words);
      for (const words of absent) expect(text).not.toContain(words);
    });
  });

  it('opens the action in Teams when a link is given, and has no buttons otherwise', () => {
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open in Teams', url: 'https://teams.microsoft.com/l/entity/app-id/plan' }]);
    expect(recordedCard(recordedData({ openUrl: undefined }))).not.toHaveProperty('actions');
  });

  it(`stays under ${String(CARD_MAX_BYTES)} bytes with long texts, saying what was shortened`, () => {
    const long = recordedCard(
      recordedData({
        plan: { id: 'plan-1', title: planText(500), references: [] },
        action: { ...recordedData().action, text: planText(5000), evidence: planText(4000) },
        update: { note: planText(NOTE_MAX * 2), status: 'complete', revisedDue: { date: '2025-12-31', reason: planText(900) }, evidence: planText(4000), author: { aadObjectId: 'u1', displayName: 'Priya Shah' } },
      }),
    );
    expect(cardBytes(long)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(long)).toEqual([]);
    expect(allText(long)).toContain('Shortened to 2500 characters; the plan holds the full text.');
    expect(nodesOf(long).find((node) => node.id === 'note-preview')?.text).toMatch(/…$/);
  });
});
