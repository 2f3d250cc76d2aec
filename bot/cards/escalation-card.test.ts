import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, executesOf, inputsOf, monthDue, planText, TODAY } from './card-fixtures.js';
import { ESCALATION_MAX_ITEMS, type EscalationCardData, type EscalationItem, escalationCard } from './escalation-card.js';
import { validateCard } from './validate-card.js';

function escalated(id: string, due: string | null, leads: EscalationItem['leads']): EscalationItem {
  return {
    action: { id, planId: 'plan-1', ref: id.slice(-1), text: `Action ${id}: share learning at the Trust-wide learning forum.`, due: due === null ? null : monthDue('Aug-25', due), revisions: [], status: 'in-progress' },
    recommendationNumber: '4',
    leads,
  };
}

function escalationData(overrides: Partial<EscalationCardData> = {}): EscalationCardData {
  return {
    today: TODAY,
    plan: { id: 'plan-1', title: 'Action plan in response to the independent HASCAS review', references: ['StEIS 2017/7489'], owner: 'Director of Nursing' },
    thresholdDays: 14,
    items: [
      escalated('act-4a', '2025-08-31', [{ role: 'Head of Learning and Development', holders: ['Sam Okafor'] }]),
      escalated('act-4b', '2025-10-31', [{ role: 'Patient Safety Lead', holders: [] }]),
      escalated('act-4c', '2025-07-31', [
        { role: 'Deputy Medical Director', holders: ['Dr A Jones', 'Dr B Patel'] },
        { role: 'Associate Director Community Services', holders: [] },
      ]),
      escalated('act-4d', null, []),
    ],
    openUrl: 'https://teams.microsoft.com/l/entity/app-id/plan',
    ...overrides,
  };
}

describe('escalationCard', () => {
  const card = escalationCard(escalationData());
  const text = allText(card);

  it('is a valid Adaptive Card 1.5 without inputs', () => {
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
  });

  it.each([
    ['the plan', 'Action plan in response to the independent HASCAS review'],
    ['why the owner is told', "You are told as the plan's owner (Director of Nursing)."],
    ['the summary', '2 actions more than 14 days overdue; 3 actions with nobody in the lead role'],
    ['how long overdue', '54 days overdue · due 31 Jul 2025 · plan says "Aug-25" · In progress'],
    ['who leads', 'Led by Deputy Medical Director: Dr A Jones, Dr B Patel'],
    ['a vacant role', "Nobody holds the role 'Associate Director Community Services'."],
    ['another vacant role', "Nobody holds the role 'Patient Safety Lead'."],
    ['an action without a lead role', 'No lead role is named for this action.'],
  ])('shows %s', (_what, expected) => {
    expect(text).toContain(expected);
  });

  it('lists the most overdue first, undated last', () => {
    expect(executesOf(card).map((action) => action.data.actionId)).toEqual(['act-4c', 'act-4a', 'act-4b', 'act-4d']);
  });

  it('gives each action an Update button (openUpdate, with a Submit fallback)', () => {
    for (const button of executesOf(card)) {
      expect(button).toMatchObject({ verb: 'openUpdate', associatedInputs: 'none', data: { planId: 'plan-1' } });
      expect(button.fallback?.data).toEqual({ ...button.data, verb: 'openUpdate' });
    }
  });

  it('opens the plan in Teams', () => {
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the plan in Teams', url: 'https://teams.microsoft.com/l/entity/app-id/plan' }]);
  });

  it(`stays under ${String(CARD_MAX_BYTES)} bytes with many long actions, counting those left out`, () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      ...escalated(`act-${String(i)}`, '2025-06-30', [
        { role: planText(300), holders: [] },
        { role: 'Deputy Medical Director', holders: Array.from({ length: 30 }, (_, j) => `Dr Consultant Psychiatrist ${String(j)}`) },
      ]),
      action: { ...escalated(`act-${String(i)}`, '2025-06-30', []).action, text: planText(3000), due: monthDue(planText(300), '2025-06-30') },
    }));
    const long = escalationCard(escalationData({ items, plan: { id: 'plan-1', title: planText(600), references: [planText(400)], owner: planText(300) } }));
    expect(cardBytes(long)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(long)).toEqual([]);
    expect(executesOf(long)).toHaveLength(ESCALATION_MAX_ITEMS);
    expect(allText(long)).toContain(`${String(40 - ESCALATION_MAX_ITEMS)} more actions not shown here: open the plan in Teams to see them all.`);
  });
});
