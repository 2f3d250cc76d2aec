import { describe, expect, it } from 'vitest';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, inputsOf, planText, textsOf } from './card-fixtures.js';
import { messageCard, type MessageTone } from './message-card.js';
import { validateCard } from './validate-card.js';

describe('messageCard', () => {
  it.each([
    ['default', 'emphasis', 'Default'],
    ['good', 'good', 'Good'],
    ['warning', 'warning', 'Warning'],
    ['attention', 'attention', 'Attention'],
  ] as const)('%s: a valid 1.5 card styled %s', (tone: MessageTone, style, color) => {
    const card = messageCard('You don’t lead this action', 'Only its leads, their deputies and the plan owner can update action 2b.', tone);
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'Container', style });
    expect(card.body[0]).toMatchObject({ items: [{ text: 'You don’t lead this action', color }, { text: 'Only its leads, their deputies and the plan owner can update action 2b.' }] });
  });

  it('defaults to a plain message', () => {
    expect(messageCard('Snoozed', 'No reminders about 2b until 30 Sep 2025.').body[0]).toMatchObject({ style: 'emphasis' });
  });

  it('shows a title alone when there is no text', () => {
    const card = messageCard('Snoozed', '', 'good');
    expect(allText(card)).toBe('Snoozed');
    expect(validateCard(card)).toEqual([]);
  });

  it('shortens long texts with "…"', () => {
    const card = messageCard(planText(400), planText(10000), 'attention');
    expect(cardBytes(card)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(card)).toEqual([]);
    const [title, text] = textsOf(card);
    expect(title).toMatch(/…$/);
    expect(text).toMatch(/…$/);
  });
});
