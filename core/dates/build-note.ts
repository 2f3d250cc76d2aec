import { statusWordAt } from './status-words.js';
import { sliceTokens, type Token } from './tokens.js';

/** Punctuation that only separated the note from a date or a status word. */
const EDGE = '.,;:/\\-–—|•·*';

/**
 * The words that are neither a date nor a status word, trimmed and with whitespace collapsed
 * ("in line with delivery of reshaped CMH Service"). A status word is dropped only where it
 * opens a stretch of words, so "Action tracker template is complete." stays whole.
 */
export function buildNote(source: string, tokens: readonly Token[], covered: readonly boolean[]): string {
  return stretches(covered)
    .map(([from, to]) => stretchNote(source, tokens, from, to))
    .filter((note) => note !== '')
    .join(' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Runs of tokens that are not part of a date, as [from, to). */
function stretches(covered: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  covered.forEach((isDate, i) => {
    const last = runs.at(-1);
    if (isDate) return;
    if (last !== undefined && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  return runs;
}

function stretchNote(source: string, tokens: readonly Token[], from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end) {
    const word = statusWordAt(tokens, start);
    if (word !== null && word.end <= end) start = word.end;
    else if (isEdge(tokens[start])) start += 1;
    else break;
  }
  while (end > start && isEdge(tokens[end - 1])) end -= 1;
  return sliceTokens(source, tokens, start, end).replace(/\s+/g, ' ');
}

function isEdge(token: Token | undefined): boolean {
  return token?.kind === 'sym' && EDGE.includes(token.text);
}
