import { parseFuzzyDate } from '../dates/parse-fuzzy-date.js';
import { normaliseStatus } from '../status/normalise-status.js';

/** "1", "12.", "3)" — a recommendation number standing alone. */
export function isNumberToken(text: string): boolean {
  return /^\d{1,3}[.)]?$/.test(text);
}

/** "a)", "(b)", "c.", "3.", "iv)", "•" — an action's label standing alone. */
export function isRefToken(text: string): boolean {
  return /^(\(?[a-z]\)|[a-z][.)]|\d{1,2}[.)]?|\(?[ivx]{1,4}[.)]|[•·▪◦\-–*])$/i.test(text);
}

/** The number a recommendation's text opens with ("4.Shared care", "2. Somerset …"), or null. */
export function leadingNumber(text: string): number | null {
  const match = /^(\d{1,3})\s*[.)]\s*(?=\D|$)/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Text that carries on from an earlier cell: it opens in lower case. */
export function isFragmentStart(text: string): boolean {
  return /^[\p{Ll}]/u.test(text);
}

export function endsSentence(text: string): boolean {
  return /[.!?:;)\]’"”]$/.test(text.trim());
}

export function looksLikeDate(text: string): boolean {
  if (text.split(/\s+/).length > 30) return false;
  const parsed = parseFuzzyDate(text);
  return parsed !== null && (parsed.date !== null || parsed.ongoing === true || parsed.complete === true || parsed.problem !== undefined);
}

export function looksLikeStatus(text: string): boolean {
  return text.split(/\s+/).length <= 12 && normaliseStatus(text).status !== 'unknown';
}

const ROLE_NOUN =
  /\b(directors?|leads?|managers?|heads?|officers?|nurses?|consultants?|commissioners?|chairs?|chief|ceo|facilitators?|pharmacists?|sponsors?|matrons?|psychiatrists?|psychologists?|clinicians?|co-?ordinators?|teams?|groups?|boards?|executives?|governors?|secretary|administrators?|practitioners?|workers?|guardians?|champions?|advisers?|advisors?|specialists?|partners?|surgeons?|doctors?|therapists?|analysts?|caldicott|dpo)\b/i;

/** True when the text names a job role ("Deputy Medical Director", "Quality Leads"). */
export function hasRoleNoun(text: string): boolean {
  return ROLE_NOUN.test(text);
}
