import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, executesOf, inputsOf, monthDue, nodesOf, planText, TODAY } from './card-fixtures.js';
import { DIGEST_MAX_ITEMS, type DigestItem, digestCard } from './digest-card.js';
import type { ReviewSeen } from './review-state.js';
import { validateCard } from './validate-card.js';

function item(id: string, due: string | null, overrides: Partial<DigestItem['action']> = {}, planTitle = 'Action plan in response to the independent HASCAS review'): DigestItem {
  return {
    action: {
      id,
      planId: 'plan-1',
      ref: id.slice(-1),
      text: `Action ${id}: audit care plans for patients on community treatment orders.`,
      due: due === null ? null : { text: `written ${due}`, date: due, precision: 'day' },
      revisions: [],
      status: 'in-progress',
      ...overrides,
    },
    plan: { id: 'plan-1', title: planTitle },
    recommendationNumber: '2',
  };
}

describe('digestCard', () => {
  const items = [item('a2c', '2025-10-07'), item('a2a', '2025-09-11'), item('a2d', null), item('a2b', '2025-09-23'), item('a2e', '2025-09-20')];
  const card = digestCard({ today: TODAY, items });

  it('is a valid Adaptive Card 1.5 without inputs', () => {
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
  });

  it('lists the most overdue first and undated last', () => {
    expect(executesOf(card).map((action) => action.data.actionId)).toEqual(['a2a', 'a2e', 'a2b', 'a2c', 'a2d']);
  });

  it('shows each action’s plan, ref, text, due date and days left or overdue', () => {
    const text = allText(card);
    for (const expected of [
      'Action plan in response to the independent HASCAS review',
      'Action 2a',
      'Action a2a: audit care plans',
      '12 days overdue · 11 Sep 2025 (plan says "written 2025-09-11") · In progress',
      'Due today',
      'Due in 14 days',
      'No due date',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('sums up in the header, and colours it when something is overdue', () => {
    expect(allText(card)).toContain('5 actions, 2 overdue');
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
  });

  it('gives every action an Update button: Action.Execute openUpdate with its ids and a Submit fallback', () => {
    const buttons = executesOf(card);
    expect(buttons).toHaveLength(5);
    for (const button of buttons) {
      expect(button).toMatchObject({ type: 'Action.Execute', title: 'Update', verb: 'openUpdate', associatedInputs: 'none' });
      expect(Object.keys(button.data).sort()).toEqual(['actionId', 'planId']);
      expect(button.fallback).toEqual({ type: 'Action.Submit', title: 'Update', associatedInputs: 'none', data: { ...button.data, verb: 'openUpdate' } });
    }
  });

  it('works to a revised date', () => {
    const revised = item('a9z', '2025-09-01', { revisions: [{ date: '2025-12-31', reason: 'capacity', at: null, by: null }] });
    const ordered = digestCard({ today: TODAY, items: [revised, item('a1a', '2025-10-01')] });
    expect(executesOf(ordered).map((action) => action.data.actionId)).toEqual(['a1a', 'a9z']);
    expect(allText(ordered)).toContain('Due in 99 days · 31 Dec 2025');
  });

  it('takes a title for "my actions"', () => {
    expect(allText(digestCard({ today: TODAY, items, title: 'Your actions' }))).toContain('Your actions');
  });

  it('with nothing to list is a friendly "Nothing is due" card', () => {
    const empty = digestCard({ today: TODAY, items: [] });
    expect(validateCard(empty)).toEqual([]);
    expect(allText(empty)).toContain('Nothing is due');
    expect(executesOf(empty)).toEqual([]);
    expect(allText(digestCard({ today: TODAY, items: [], emptyText: 'You lead no open actions.' }))).toContain('You lead no open actions.');
  });

  describe('a long list of long actions', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      item(`act-${String(i)}`, `2025-${String(10 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, { text: planText(3000), due: monthDue(planText(200), '2025-10-31') }, planText(400)),
    );
    const long = digestCard({ today: TODAY, items: many, moreUrl: 'https://teams.microsoft.com/l/entity/app-id/plan' });

    it(`stays under ${String(CARD_MAX_BYTES)} bytes and valid`, () => {
      expect(cardBytes(long)).toBeLessThan(CARD_MAX_BYTES);
      expect(validateCard(long)).toEqual([]);
    });

    it(`lists ${String(DIGEST_MAX_ITEMS)} and counts the rest, linking to all of them`, () => {
      expect(executesOf(long)).toHaveLength(DIGEST_MAX_ITEMS);
      expect(allText(long)).toContain('40 more actions not shown here: open the plan in Teams to see them all.');
      expect(long.actions).toEqual([{ type: 'Action.OpenUrl', title: 'See all in Teams', url: 'https://teams.microsoft.com/l/entity/app-id/plan' }]);
    });

    it('shortens each plan title and action text, ending it with "…"', () => {
      const texts = nodesOf(long).filter((node) => node.type === 'TextBlock' && String(node.text).startsWith('The Trust will provide'));
      expect(texts.length).toBe(2 * DIGEST_MAX_ITEMS);
      for (const text of texts) {
        expect(String(text.text)).toMatch(/…$/);
        expect(String(text.text).length).toBeLessThanOrEqual(180);
      }
    });
  });

  describe('marks where an action stands with review', () => {
    const returned: ReviewSeen = { outcome: 'returned', reason: 'The audit covers one ward only.', by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee' };
    it.each<[string, Partial<DigestItem['action']>, ReviewSeen | null, string | null]>([
      ['an open action: nothing', {}, null, null],
      ['a returned action: the reason, before its text', {}, returned, 'Returned at review: The audit covers one ward only.'],
      ['a returned action completed since: awaiting assurance', { status: 'complete' }, returned, 'Awaiting assurance'],
    ])('%s', (_what, action, review, line) => {
      const marked = digestCard({ today: TODAY, items: [{ ...item('a2a', '2025-09-30', action), review }, item('a2b', '2025-10-30')] });
      expect(validateCard(marked)).toEqual([]);
      const texts = nodesOf(marked).filter((node) => node.type === 'TextBlock').map((node) => String(node.text));
      const title = texts.indexOf('Action 2a');
      if (line === null) {
        expect(texts.join('\n')).not.toMatch(/Returned|Awaiting/);
        return;
      }
      expect(texts[title + 1]).toBe(line);
      expect(texts[title + 2]).toContain('audit care plans');
    });

    it('counts returned actions in the summary', () => {
      const marked = digestCard({ today: TODAY, items: [{ ...item('a2a', '2025-09-30'), review: returned }, { ...item('a2b', '2025-09-01'), review: returned }, item('a2c', '2025-10-30')] });
      expect(allText(marked)).toContain('3 actions, 1 overdue, 2 returned at review');
    });
  });
});
