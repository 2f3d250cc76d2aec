import {
  type ActionSet,
  type AdaptiveCard,
  CARD_SCHEMA,
  CARD_VERSION,
  type CardAction,
  type CardElement,
  type ContainerStyle,
  type ExecuteAction,
  type Fact,
  type JsonObject,
  type TextBlock,
  type TextColor,
} from './adaptive-card.js';
import { type DueTone, plural, shorten } from './card-text.js';

/** Building blocks shared by the cards. Every function returns fresh plain JSON. */

export function card(body: CardElement[], options: { actions?: CardAction[]; fallbackText: string; fullWidth?: boolean }): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: options.fallbackText,
    body,
    ...(options.actions && options.actions.length > 0 ? { actions: options.actions } : {}),
    ...(options.fullWidth ? { msteams: { width: 'Full' as const } } : {}),
  };
}

/** A wrapping TextBlock (long plan text must never be cut off by the renderer). */
export function text(value: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A heading screen readers announce as one; body-sized unless `size` says otherwise. */
export function heading(value: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap' | 'style' | 'weight'> = {}): TextBlock {
  return text(value, { style: 'heading', weight: 'Bolder', size: 'Default', ...options });
}

/** Facts without empty values: a card never shows a label with nothing after it. */
export function facts(list: readonly (Fact | null)[]): CardElement[] {
  const kept = list.filter((fact): fact is Fact => fact !== null && fact.value.trim() !== '');
  return kept.length === 0 ? [] : [{ type: 'FactSet', facts: kept }];
}

export function actionSet(actions: CardAction[], options: Omit<ActionSet, 'type' | 'actions'> = {}): ActionSet {
  return { type: 'ActionSet', actions, ...options };
}

/**
 * A Universal Action with an `Action.Submit` fallback carrying the same data plus `verb`, so a
 * client without Universal Actions still reaches the bot (as a message whose `value` is the data).
 */
export function execute(title: string, verb: string, data: JsonObject, options: { noInputs?: boolean; style?: 'positive' | 'destructive' } = {}): ExecuteAction {
  const extras = { ...(options.noInputs ? { associatedInputs: 'none' as const } : {}), ...(options.style ? { style: options.style } : {}) };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { ...data },
    ...extras,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...extras },
  };
}

export const TONE_COLOR: Record<DueTone, TextColor> = {
  overdue: 'Attention',
  today: 'Warning',
  soon: 'Warning',
  later: 'Good',
  none: 'Default',
};

export const TONE_STYLE: Record<DueTone, ContainerStyle> = {
  overdue: 'attention',
  today: 'warning',
  soon: 'warning',
  later: 'emphasis',
  none: 'emphasis',
};

export interface LongTextLimits {
  /** Characters shown before "Show the full text". */
  preview: number;
  /** Characters the full text is cut to, to keep the card small. */
  max: number;
}

/**
 * A text that may be long: up to `preview` characters are shown; a longer one shows its start,
 * with a button that swaps in the full text (itself cut to `max`, saying so). `id` must be unique
 * in the card.
 */
export function longText(id: string, value: string, limits: LongTextLimits, options: { toggleTitle?: string; isSubtle?: boolean } = {}): CardElement[] {
  const look = options.isSubtle ? { isSubtle: true } : {};
  const whole = shorten(value, limits.max);
  const preview = shorten(value, limits.preview);
  if (!preview.shortened) return [text(preview.text, look)];
  const previewId = `${id}-preview`;
  const fullId = `${id}-full`;
  const full: CardElement[] = [text(whole.text, { id: fullId, isVisible: false, ...look })];
  const targets = [previewId, fullId];
  if (whole.shortened) {
    const noteId = `${id}-shortened`;
    full.push(text(`Shortened to ${plural(limits.max, 'character')}; the plan holds the full text.`, { id: noteId, isVisible: false, isSubtle: true, size: 'Small', spacing: 'Small' }));
    targets.push(noteId);
  }
  return [
    text(preview.text, { id: previewId, ...look }),
    ...full,
    actionSet([{ type: 'Action.ToggleVisibility', title: options.toggleTitle ?? 'Show or hide the full text', targetElements: targets }], { spacing: 'Small' }),
  ];
}

/** A shortened one-off text that says so when it was cut (no toggle: used in lists). */
export function shortText(value: string, max: number, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  const result = shorten(value.replace(/\s+/g, ' '), max);
  return text(result.text, options);
}
