import { describe, expect, it } from 'vitest';
import { NOTE_MAX } from '../../core/model/index.js';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, executesOf, inputsOf, planText } from './card-fixtures.js';
import { type ConfirmNoteCardData, confirmNoteCard } from './confirm-note-card.js';
import { validateCard } from './validate-card.js';

function confirmData(overrides: Partial<ConfirmNoteCardData> = {}): ConfirmNoteCardData {
  return {
    plan: { id: 'plan-1', title: 'Action plan in response to the independent HASCAS review' },
    recommendationNumber: '2',
    action: { id: 'act-2b', ref: 'b', text: 'Audit medicines adherence care plans.' },
    note: '  Audit completed; results go to the March committee.  ',
    cardId: 'card-9',
    ...overrides,
  };
}

describe('confirmNoteCard', () => {
  const card = confirmNoteCard(confirmData());

  it('is a valid Adaptive Card 1.5 without inputs', () => {
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
  });

  it('names the action and shows the note', () => {
    expect(allText(card)).toContain('Add this note to Action 2b?');
    expect(allText(card)).toContain('Audit completed; results go to the March committee.');
  });

  it('"Add note" sends confirmNote with the trimmed note and the card id; "Open the full update" sends openUpdate', () => {
    const [confirm, open] = executesOf(card);
    expect(confirm).toMatchObject({ title: 'Add note', verb: 'confirmNote', associatedInputs: 'none' });
    expect(confirm?.data).toEqual({ actionId: 'act-2b', planId: 'plan-1', cardId: 'card-9', note: 'Audit completed; results go to the March committee.' });
    expect(confirm?.fallback?.data).toEqual({ ...confirm?.data, verb: 'confirmNote' });
    expect(open).toMatchObject({ verb: 'openUpdate', data: { actionId: 'act-2b', planId: 'plan-1' } });
  });

  it('a note of NOTE_MAX characters can be confirmed, and the card stays small', () => {
    const note = 'x'.repeat(NOTE_MAX);
    const full = confirmNoteCard(confirmData({ note, action: { id: 'act-2b', ref: 'b', text: planText(4000) } }));
    expect(executesOf(full)[0]?.data.note).toBe(note);
    expect(cardBytes(full)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(full)).toEqual([]);
  });

  it('a longer note is not offered for confirmation: the lead is asked to shorten it', () => {
    const long = confirmNoteCard(confirmData({ note: planText(NOTE_MAX + 500) }));
    expect(executesOf(long).map((action) => action.verb)).toEqual(['openUpdate']);
    expect(allText(long)).toMatch(/a note may have at most 2000\. Shorten it and send it again\./);
    expect(cardBytes(long)).toBeLessThan(CARD_MAX_BYTES);
    expect(validateCard(long)).toEqual([]);
  });
});
