import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, executesOf, inputsOf, monthDue, planText, TODAY } from './card-fixtures.js';
import { type ReturnedCardData, returnedCard } from './returned-card.js';
import { validateCard } from './validate-card.js';

function returnedData(overrides: Partial<ReturnedCardData> = {}): ReturnedCardData {
  return {
    today: TODAY,
    plan: { id: 'plan-1', title: 'Action plan in response to the independent HASCAS review', references: ['StEIS 2017/7489'] },
    recommendationNumber: '3',
    action: { id: 'act-3b', ref: 'b)', text: 'Audit medicines adherence care plans for patients on community treatment orders.', due: monthDue(), revisions: [] },
    decision: 'return',
    review: { outcome: 'returned', reason: 'The audit covers one ward only; extend it to all four.', by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee' },
    openUrl: 'https://teams.microsoft.com/l/entity/app-id/plan',
    ...overrides,
  };
}

describe('returnedCard', () => {
  const card = returnedCard(returnedData());
  const text = allText(card);

  it('is a valid Adaptive Card 1.5 without inputs', () => {
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
  });

  it.each([
    ['the action, returned, in the header', 'Returned to you at review: Action 3b'],
    ['who returned it, when and at which meeting', 'Returned by Dr Rao on 16 Sep 2025 at Quality Committee.'],
    ['the reason', 'The audit covers one ward only; extend it to all four.'],
    ['what to do', 'mark the action complete again, with its evidence'],
    ['the plan', 'Action plan in response to the independent HASCAS review'],
    ['the references', 'StEIS 2017/7489'],
    ['the action', 'Audit medicines adherence care plans'],
    ['the meeting as a fact', 'Meeting: Quality Committee, 16 Sep 2025'],
    ['the due date', 'Due date: 30 Sep 2025 (due in 7 days)'],
  ])('shows %s', (_what, expected) => {
    expect(text).toContain(expected);
  });

  it('has "Update now", opening the reminder card (openUpdate, no inputs, a Submit fallback), then "Open in Teams"', () => {
    const [update] = executesOf(card);
    expect(update).toMatchObject({ title: 'Update now', verb: 'openUpdate', associatedInputs: 'none', data: { actionId: 'act-3b', planId: 'plan-1' } });
    expect(update?.fallback?.data).toEqual({ actionId: 'act-3b', planId: 'plan-1', verb: 'openUpdate' });
    expect(card.actions?.map((action) => action.title)).toEqual(['Update now', 'Open in Teams']);
  });

  it.each<[ReturnedCardData['decision'], string, string]>([
    ['return', 'Returned to you at review: Action 3b', 'Returned by'],
    ['reopen', 'Reopened after assurance and returned to you: Action 3b', 'Reopened by'],
    ['reinstate', 'Reinstated and returned to you: Action 3b', 'Reinstated by'],
  ])('names the decision: %s', (decision, header, by) => {
    const named = returnedCard(returnedData({ decision }));
    expect(validateCard(named)).toEqual([]);
    expect(allText(named)).toContain(header);
    expect(allText(named)).toContain(by);
  });

  it('decided outside a meeting: no meeting, the day it was recorded; an unknown reviewer is not named', () => {
    const plain = returnedCard(returnedData({ review: { outcome: 'returned', reason: 'Evidence link is broken.', by: null, on: '2025-09-20', forum: null } }));
    expect(validateCard(plain)).toEqual([]);
    expect(allText(plain)).toContain('Returned on 20 Sep 2025.');
    expect(allText(plain)).not.toContain('Meeting');
  });

  it(`stays under ${String(CARD_MAX_BYTES)} bytes with long texts`, () => {
    const long = returnedCard(returnedData({ plan: { id: 'plan-1', title: planText(900), references: [planText(500)] }, action: { ...returnedData().action, text: planText(5000) }, review: { ...returnedData().review, reason: planText(2000), forum: planText(400) } }));
    expect(cardBytes(long)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(long)).toEqual([]);
  });
});
