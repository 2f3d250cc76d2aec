import type { AdaptiveCard, ContainerStyle, TextColor } from './adaptive-card.js';
import { card, heading, text } from './card-parts.js';
import { oneLine, shorten } from './card-text.js';

/** Named as Adaptive Cards name container styles: `good` confirms, `attention` refuses or fails. */
export type MessageTone = 'default' | 'good' | 'warning' | 'attention';

const TONES: Record<MessageTone, { style: ContainerStyle; color: TextColor }> = {
  default: { style: 'emphasis', color: 'Default' },
  good: { style: 'good', color: 'Good' },
  warning: { style: 'warning', color: 'Warning' },
  attention: { style: 'attention', color: 'Attention' },
};

const LIMITS = { title: 150, text: 2000 } as const;

/** A short confirmation or refusal ("Snoozed until 3 Oct 2025", "You don't lead this action"). */
export function messageCard(title: string, message: string, tone: MessageTone = 'default'): AdaptiveCard {
  const look = TONES[tone];
  const shortTitle = oneLine(title, LIMITS.title);
  const body = shorten(message, LIMITS.text).text;
  return card(
    [
      {
        type: 'Container',
        style: look.style,
        items: [heading(shortTitle, { color: look.color }), ...(body === '' ? [] : [text(body, { spacing: 'Small' })])],
      },
    ],
    { fallbackText: body === '' ? shortTitle : `${shortTitle}: ${body}` },
  );
}
