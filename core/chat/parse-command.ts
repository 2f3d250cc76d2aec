/** "2b", "2 b", "R3.a", "4." — how people name an action: its recommendation number and its label. */
export interface ActionRef {
  recommendation: string;
  action: string | null;
  /** As typed, for messages. */
  text: string;
}

export type ChatCommand =
  | { kind: 'help' }
  | { kind: 'my-actions' }
  | { kind: 'snooze'; ref: ActionRef; days: number }
  | { kind: 'update'; ref: ActionRef; note: string }
  | { kind: 'unknown'; text: string; problem?: string };

export const MAX_SNOOZE_DAYS = 30;

const REF = String.raw`(?:r(?:ec(?:ommendation)?)?\s*)?(\d{1,3})\s*[.\-/]?\s*([a-z]|[ivx]{1,4}|\d{1,2})?\s*[.)]?`;

/**
 * Reads what a lead types to the bot in chat. Teams may wrap the bot's name in <at> tags and
 * add non-breaking spaces; both are ignored. Anything not understood is `unknown`, which the bot
 * answers with help — never a guess.
 */
export function parseCommand(raw: string): ChatCommand {
  const text = raw.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  if (/^(help|\?|hi|hello|menu)$/.test(lower)) return { kind: 'help' };
  if (/^(my actions?|actions|mine|list|what'?s due\??)$/.test(lower)) return { kind: 'my-actions' };
  const snooze = new RegExp(`^snooze\\s+${REF}\\s+(?:for\\s+)?(\\d{1,3})\\s*(?:days?|d)?$`, 'i').exec(text);
  if (snooze) return snoozeCommand(text, snooze);
  const update = new RegExp(`^update\\s+${REF}\\s*[:\\-–]\\s*([\\s\\S]+)$`, 'i').exec(text);
  if (update?.[1] !== undefined && update[3] !== undefined) {
    return { kind: 'update', ref: refOf(update[1], update[2], text), note: update[3].trim() };
  }
  if (/^(snooze|update)\b/i.test(text)) return { kind: 'unknown', text, problem: lower.startsWith('snooze') ? 'Try "snooze 2b 7".' : 'Try "update 2b: what has happened".' };
  return { kind: 'unknown', text };
}

function snoozeCommand(text: string, match: RegExpExecArray): ChatCommand {
  const days = Number(match[3]);
  if (match[1] === undefined || !Number.isInteger(days) || days < 1 || days > MAX_SNOOZE_DAYS) {
    return { kind: 'unknown', text, problem: `Snooze for 1 to ${String(MAX_SNOOZE_DAYS)} days, e.g. "snooze 2b 7".` };
  }
  return { kind: 'snooze', ref: refOf(match[1], match[2], text), days };
}

function refOf(recommendation: string, action: string | undefined, text: string): ActionRef {
  const typed = /^(?:snooze|update)\s+(\S+(?:\s+[a-z]\b)?)/i.exec(text)?.[1] ?? `${recommendation}${action ?? ''}`;
  return { recommendation, action: action === undefined ? null : action.toLowerCase(), text: typed.replace(/:$/, '') };
}

/**
 * Whether an action answers to a typed ref: same recommendation number and, when given, the
 * same label however it is punctuated ("b", "b)", "(b)", "3.").
 */
export function matchesRef(ref: ActionRef, recommendationNumber: string | null, actionRef: string | null): boolean {
  const number = (recommendationNumber ?? '').replace(/[^\d]/g, '');
  if (number !== ref.recommendation) return false;
  if (ref.action === null) return true;
  return (actionRef ?? '').toLowerCase().replace(/[^a-z0-9]/g, '') === ref.action;
}
