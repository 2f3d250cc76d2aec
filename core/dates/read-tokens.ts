import type { Token } from './tokens.js';

/** Token `i` is one of `words` (lower case). */
export function wordAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  const token = tokens[i];
  return token?.kind === 'word' && words.includes(token.lower);
}

/** Token `i` is one of the characters in `chars`; `tight` also asks for no space before it. */
export function symAt(tokens: readonly Token[], i: number, chars: string, tight = false): boolean {
  const token = tokens[i];
  return token?.kind === 'sym' && chars.includes(token.text) && !(tight && token.spaced);
}

/** The digits of token `i` when it is a number of one of the given lengths. */
export function digitsAt(tokens: readonly Token[], i: number, lengths: readonly number[], tight = false): string | undefined {
  const token = tokens[i];
  if (token?.kind !== 'num' || !lengths.includes(token.text.length) || (tight && token.spaced)) return undefined;
  return token.text;
}

export function numAt(tokens: readonly Token[], i: number, lengths: readonly number[], tight = false): number | undefined {
  const digits = digitsAt(tokens, i, lengths, tight);
  return digits === undefined ? undefined : Number(digits);
}

/**
 * A year at token `i`: four digits between 1900 and 2099, or (when `short`) two digits,
 * which are this century's ("Sep-20" is September 2020).
 */
export function yearAt(tokens: readonly Token[], i: number, short: boolean, tight = false): number | undefined {
  const digits = digitsAt(tokens, i, short ? [2, 4] : [4], tight);
  if (digits === undefined) return undefined;
  const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
  return year >= 1900 && year <= 2099 ? year : undefined;
}

/** Past any of `words`, in any order. */
export function skipWords(tokens: readonly Token[], i: number, words: readonly string[]): number {
  let j = i;
  while (wordAt(tokens, j, words)) j += 1;
  return j;
}

/** Past any of the characters in `chars`. */
export function skipSyms(tokens: readonly Token[], i: number, chars: string): number {
  let j = i;
  while (symAt(tokens, j, chars)) j += 1;
  return j;
}

/** Past an ordinal suffix ("st", "ND", "rd", "th"), written with or without a space. */
export function skipOrdinal(tokens: readonly Token[], i: number): number {
  return wordAt(tokens, i, ['st', 'nd', 'rd', 'th']) ? i + 1 : i;
}
