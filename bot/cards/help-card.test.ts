import { describe, expect, it } from 'vitest';
import { MAX_SNOOZE_DAYS, parseCommand } from '../../core/chat/parse-command.js';
import { CARD_MAX_BYTES, cardBytes } from './adaptive-card.js';
import { allText, inputsOf } from './card-fixtures.js';
import { HELP_COMMANDS, helpCard } from './help-card.js';
import { validateCard } from './validate-card.js';

describe('helpCard', () => {
  const card = helpCard();
  const text = allText(card);

  it('is a small, valid Adaptive Card 1.5 without inputs or buttons', () => {
    expect(card.version).toBe('1.5');
    expect(validateCard(card)).toEqual([]);
    expect(inputsOf(card)).toEqual([]);
    expect(card).not.toHaveProperty('actions');
    expect(cardBytes(card)).toBeLessThan(CARD_MAX_BYTES);
  });

  it('says what the bot does', () => {
    expect(text).toContain('Before an action you lead is due, I send you a card');
  });

  it.each(['my actions', 'help', 'snooze <ref> <days>', 'update <ref>: <note>'])('explains "%s"', (usage) => {
    expect(text).toContain(usage);
  });

  it.each(HELP_COMMANDS.map((command) => [command.example, command.usage.split(' ')[0]] as const))('its example "%s" is understood by the chat parser', (example, first) => {
    const kinds: Record<string, string> = { my: 'my-actions', help: 'help', snooze: 'snooze', update: 'update' };
    expect(parseCommand(example).kind).toBe(kinds[first ?? '']);
    expect(text).toContain(`For example: ${example}`);
  });

  it('gives the snooze limit the parser enforces', () => {
    expect(text).toContain(`1 to ${String(MAX_SNOOZE_DAYS)} days`);
  });
});
