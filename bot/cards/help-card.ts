import { MAX_SNOOZE_DAYS } from '../../core/chat/parse-command.js';
import type { AdaptiveCard, CardElement } from './adaptive-card.js';
import { card, heading, text } from './card-parts.js';

/** A chat command as the help card explains it. */
export interface HelpCommand {
  /** As typed, with placeholders in angle brackets: "snooze <ref> <days>". */
  usage: string;
  what: string;
  example: string;
}

/** The commands `parseCommand` understands, in the order a newcomer needs them. */
export const HELP_COMMANDS: readonly HelpCommand[] = [
  { usage: 'my actions', what: 'Lists the open actions you lead, soonest due first, each with an Update button.', example: 'my actions' },
  {
    usage: 'update <ref>: <note>',
    what: 'Adds a progress note to an action. To change its status, move its date or add evidence, use Update on its card.',
    example: 'update 2b: Audit completed, results go to the March committee',
  },
  {
    usage: 'snooze <ref> <days>',
    what: `No reminders about an action for 1 to ${String(MAX_SNOOZE_DAYS)} days.`,
    example: 'snooze 2b 7',
  },
  { usage: 'help', what: 'Shows this card.', example: 'help' },
];

/** What the bot does and the chat commands it understands, with examples. */
export function helpCard(): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'Container', style: 'emphasis', bleed: true, items: [heading('Followthrough', { size: 'Medium' }), text('Keeps your action plans moving, here in Teams.', { spacing: 'Small' })] },
    text(
      'Before an action you lead is due, I send you a card: say what has happened, set its status, move the date (with a reason) or add evidence, right in the card. If it slips past its date I remind you again, and after a while I tell the plan owner.',
      { spacing: 'Medium' },
    ),
    heading('What you can type', { spacing: 'Medium' }),
    ...HELP_COMMANDS.map(
      (command): CardElement => ({
        type: 'Container',
        spacing: 'Medium',
        items: [
          text(command.usage, { weight: 'Bolder' }),
          text(command.what, { spacing: 'None' }),
          text(`For example: ${command.example}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
        ],
      }),
    ),
    text(
      'An action\'s ref is its recommendation number and its letter, as on its card: 2b, R3a, 4. Leads get reminders about their own actions; a deputy or the plan owner may update them too.',
      { isSubtle: true, size: 'Small', spacing: 'Large', separator: true },
    ),
  ];
  return card(body, { fallbackText: 'Followthrough: type "my actions", "update 2b: note", "snooze 2b 7" or "help".' });
}
