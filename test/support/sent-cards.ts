/**
 * Reading what the bot sent: the Adaptive Cards attached to an outgoing activity or carried by an
 * invoke response, each checked with bot/cards/validate-card.ts.
 */
import type { AdaptiveCard, ExecuteAction } from '../../bot/cards/adaptive-card.js';
import { allText, executesOf } from '../../bot/cards/card-fixtures.js';
import { type CardProblem, validateCard } from '../../bot/cards/validate-card.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The cards attached to one outgoing message activity. */
export function attachedCards(activity: unknown): AdaptiveCard[] {
  const attachments = record(activity).attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.map(record).filter((a) => a.contentType === ADAPTIVE_CARD).map((a) => a.content as AdaptiveCard);
}

/** The card an invoke response body carries (`type` application/vnd.microsoft.card.adaptive), if any. */
export function invokeCard(body: unknown): AdaptiveCard | null {
  const value = record(body);
  return value.type === ADAPTIVE_CARD ? (value.value as AdaptiveCard) : null;
}

/** Problems found in any of the cards, each prefixed with the card's first words. */
export function cardProblems(cards: readonly AdaptiveCard[]): string[] {
  return cards.flatMap((card) => validateCard(card).map((problem: CardProblem) => `${firstWords(card)}: ${problem.check}: ${problem.message}`));
}

export function firstWords(card: AdaptiveCard): string {
  return allText(card).split('\n')[0] ?? '(empty card)';
}

export function textOf(card: AdaptiveCard | null | undefined): string {
  return card ? allText(card) : '';
}

/** The card's Action.Execute buttons with a verb. */
export function executeWithVerb(card: AdaptiveCard | null | undefined, verb: string): ExecuteAction[] {
  return card ? executesOf(card).filter((action) => action.verb === verb) : [];
}

/** Data of the first button with this verb; throws when the card has none. */
export function buttonData(card: AdaptiveCard | null | undefined, verb: string): Record<string, unknown> {
  const found = executeWithVerb(card, verb)[0];
  if (!found) throw new Error(`no "${verb}" button on the card "${card ? firstWords(card) : 'none'}"`);
  return { ...(found.data as Record<string, unknown>) };
}

/** The text of an error shown under an input (reminder card: TextBlock id `<input>-error`). */
export function inputErrors(card: AdaptiveCard | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const value = record(node);
    if (typeof value.id === 'string' && value.id.endsWith('-error') && typeof value.text === 'string') errors[value.id.slice(0, -'-error'.length)] = value.text;
    for (const [key, child] of Object.entries(value)) if (key !== 'fallback') visit(child);
  };
  visit(card);
  return errors;
}
