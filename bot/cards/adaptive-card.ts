/**
 * The slice of the Adaptive Card schema (1.5, what Teams renders) our cards use, as plain JSON
 * types. Deliberately small: a card that needs something new adds it here first, and the card
 * tests check every card against the adaptivecards library's own parser and validator.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Spacing = 'None' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Lighter' | 'Bolder';
  size?: 'Default' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: TextColor;
  isSubtle?: boolean;
  /** 1.5: `heading` lets screen readers announce it as one. */
  style?: 'heading';
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

interface InputBase extends ElementBase {
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  isMultiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  value?: string;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  /** YYYY-MM-DD */
  min?: string;
  max?: string;
  value?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  value?: string;
  placeholder?: string;
  style?: 'expanded';
}

export type CardInput = TextInput | DateInput | ChoiceSetInput;
export type CardElement = TextBlock | Container | FactSet | ActionSet | CardInput;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: JsonObject;
  associatedInputs?: 'none';
  style?: 'positive' | 'destructive';
}

/** Universal Action: Teams sends an `adaptiveCard/action` invoke with `verb` and `data` (inputs merged in). */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: JsonObject;
  associatedInputs?: 'none';
  style?: 'positive' | 'destructive';
  /** For clients without Universal Actions: the same data, plus `verb`, as a message submit. */
  fallback?: SubmitAction;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction | ToggleVisibilityAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  /** What a client that cannot render the card shows instead. */
  fallbackText?: string;
  body: CardElement[];
  actions?: CardAction[];
  /** Teams only: use the chat's full width (long plan text reads better). */
  msteams?: { width: 'Full' };
}

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** The newest schema Teams renders. */
export const CARD_VERSION = '1.5';

/**
 * Our own ceiling for one card's JSON. A Teams message may be about 100 KB (older documentation:
 * 40 KB); staying well below either leaves room for the activity around the card.
 */
export const CARD_MAX_BYTES = 28 * 1024;

/** The card's size as it travels: compact JSON, UTF-8. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
