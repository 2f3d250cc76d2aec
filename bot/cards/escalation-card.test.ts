import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, executesOf, inputsOf, monthDue, nodesOf, planText, TODAY } from './card-fixtures.js';
import { ESCALATION_MAX_ITEMS, ESCALATION_MAX_PLANS, type EscalationItem, type EscalationPlan, escalationCard } from './escalation-card.js';
import { validateCard } from './validate-card.js';

function escalated(id: string, due: string | null, leads: EscalationItem['leads'], planId = 'plan-1'): EscalationItem {
  return {
    action: { id, planId, ref: id.slice(-1), text: `Action ${id}: share learning at the Trust-wide learning forum.`, due: due === null ? null : monthDue('Aug-25', due), revisions: [], status: 'in-progress' },
    recommendationNumber: '4',
    leads,
  };
}

function planSection(overrides: Partial<EscalationPlan> = {}): EscalationPlan {
  return {
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

function escalationData(section: Partial<EscalationPlan> = {}) {
  return { today: TODAY, plans: [planSection(section)] };
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

describe('escalationCard for an owner of several plans', () => {
  const second = planSection({
    plan: { id: 'plan-2', title: 'Maternity services improvement plan', references: ['SI 2024/991'], owner: 'Director of Midwifery' },
    thresholdDays: 7,
    items: [escalated('act-9a', '2025-09-01', [{ role: 'Head of Midwifery', holders: ['Jo Reid'] }], 'plan-2')],
    openUrl: 'https://teams.microsoft.com/l/entity/app-id/plan-2',
  });
  const card = escalationCard({ today: TODAY, plans: [second, planSection()] });
  const text = allText(card);

  it('is one valid card with a section per plan, the most overdue plan first', () => {
    expect(validateCard(card)).toEqual([]);
    expect(text).toContain('Actions that need you as plan owner');
    expect(text).toContain('5 actions in 2 plans you own.');
    const order = ['Action plan in response to the independent HASCAS review', 'Maternity services improvement plan'].map((title) => text.indexOf(title));
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[0]).toBeLessThan(order[1] ?? -1);
  });

  it.each([
    ['each plan’s own threshold', '1 action more than 7 days overdue. You are told as the plan\'s owner (Director of Midwifery).'],
    ['the other plan’s summary', '2 actions more than 14 days overdue; 3 actions with nobody in the lead role. You are told as the plan\'s owner (Director of Nursing).'],
  ])('says %s', (_what, expected) => {
    expect(text).toContain(expected);
  });

  it('points each Update button at its own plan, and opens each plan from its section', () => {
    expect(executesOf(card).map((button) => [button.data.actionId, button.data.planId])).toEqual([
      ['act-4c', 'plan-1'],
      ['act-4a', 'plan-1'],
      ['act-4b', 'plan-1'],
      ['act-4d', 'plan-1'],
      ['act-9a', 'plan-2'],
    ]);
    expect(card).not.toHaveProperty('actions');
    const links = nodesOf(card).filter((node) => node.type === 'Action.OpenUrl').map((node) => node.url);
    expect(links).toEqual(['https://teams.microsoft.com/l/entity/app-id/plan', 'https://teams.microsoft.com/l/entity/app-id/plan-2']);
  });

  it(`lists at most ${String(ESCALATION_MAX_ITEMS)} actions and ${String(ESCALATION_MAX_PLANS)} plans, counting the rest, under ${String(CARD_MAX_BYTES)} bytes`, () => {
    const plans = Array.from({ length: 12 }, (_, p) =>
      planSection({
        plan: { id: `plan-${String(p)}`, title: planText(300), references: [planText(200)], owner: 'Director of Nursing' },
        items: Array.from({ length: 3 }, (_, i) => ({ ...escalated(`act-${String(p)}-${String(i)}`, '2025-06-30', [{ role: 'Deputy Medical Director', holders: ['Dr A Jones'] }], `plan-${String(p)}`), action: { ...escalated(`x-${String(p)}-${String(i)}`, '2025-06-30', [], `plan-${String(p)}`).action, text: planText(2000) } })),
      }),
    );
    const many = escalationCard({ today: TODAY, plans });
    expect(cardBytes(many)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(many)).toEqual([]);
    expect(executesOf(many)).toHaveLength(ESCALATION_MAX_ITEMS);
    expect(allText(many)).toContain(`${String(12 - ESCALATION_MAX_PLANS)} more plans (12 actions) not shown here: open them in Teams.`);
    expect(allText(many)).toContain('3 more actions not shown here: open the plan in Teams to see them all.');
  });

  it('leaves out a plan with nothing in it', () => {
    const only = escalationCard({ today: TODAY, plans: [planSection({ items: [] }), second] });
    expect(allText(only)).not.toContain('HASCAS');
    expect(allText(only)).toContain('Actions that need the plan owner');
  });
});
