import { describe, expect, it, vi } from 'vitest';
import type { AdaptiveCard } from './adaptive-card.js';
import { reminderData } from './card-fixtures.js';
import { digestCard } from './digest-card.js';
import { helpCard } from './help-card.js';
import { messageCard } from './message-card.js';
import { reminderCard } from './reminder-card.js';
import { validateCard } from './validate-card.js';

/** A deliberately broken card, typed loosely: the validator must see what TypeScript would stop. */
function cardWith(body: unknown[], actions?: unknown[]): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions ? { actions } : {}) } as unknown as AdaptiveCard;
}

const submit = (data: object) => ({ type: 'Action.Submit', title: 'Go', data });

describe('validateCard', () => {
  it('passes a correct card', () => {
    expect(validateCard(cardWith([{ type: 'TextBlock', text: 'Hello', wrap: true }]))).toEqual([]);
  });

  it.each([
    ['a version Teams does not render', { ...cardWith([{ type: 'TextBlock', text: 'x' }]), version: '1.6' } as unknown as AdaptiveCard, 'schema'],
    ['an unknown element', cardWith([{ type: 'Table2' }]), 'parse'],
    ['a bad enum value', cardWith([{ type: 'TextBlock', text: 'x', color: 'Red' }]), 'parse'],
    ['a misspelt property', cardWith([{ type: 'TextBlock', text: 'x', colour: 'Attention' }]), 'round-trip'],
    ['a required input without label or error message', cardWith([{ type: 'Input.Text', id: 'note', isRequired: true }]), 'validate'],
    ['two elements with one id', cardWith([{ type: 'Input.Text', id: 'note', label: 'a' }, { type: 'Input.Text', id: 'note', label: 'b' }]), 'validate'],
    ['an Action.Execute without a fallback', cardWith([], [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: { a: 1 } }]), 'fallback'],
    ['a fallback without the verb', cardWith([], [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: { a: 1 }, fallback: submit({ a: 1 }) }]), 'fallback'],
    ['a fallback with other data', cardWith([], [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: { a: 1 }, fallback: submit({ a: 2, verb: 'go' }) }]), 'fallback'],
    ['a fallback of an unknown type', cardWith([], [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: {}, fallback: { type: 'Action.Sbmit', title: 'Go', data: { verb: 'go' } } }]), 'fallback'],
    ['a toggle aiming at nothing', cardWith([{ type: 'TextBlock', text: 'x', id: 'here' }], [{ type: 'Action.ToggleVisibility', title: 'T', targetElements: ['here', 'gone'] }]), 'toggle'],
  ])('reports %s', (_what, card, check) => {
    const problems = validateCard(card);
    expect(problems.map((problem) => problem.check)).toContain(check);
  });

  it('accepts a fallback that matches its Action.Execute', () => {
    const card = cardWith([{ type: 'TextBlock', text: 'x' }], [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: { a: 1 }, fallback: submit({ verb: 'go', a: 1 }) }]);
    expect(validateCard(card)).toEqual([]);
  });

  it('lets the adaptivecards library print nothing while it checks our cards', () => {
    const printed = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
    const cards = [reminderCard(reminderData({ errors: { note: 'Write a note.' } })), digestCard({ today: '2025-09-23', items: [] }), helpCard(), messageCard('Done', 'Saved.', 'good')];
    for (const card of cards) expect(validateCard(card)).toEqual([]);
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
  });
});
