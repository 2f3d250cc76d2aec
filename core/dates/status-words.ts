import { symAt, wordAt } from './read-tokens.js';
import type { Token } from './tokens.js';

export interface StatusWord {
  kind: 'ongoing' | 'complete';
  /** First token after the word. */
  end: number;
}

/** Words before "complete" or "ongoing" that take its meaning away ("not complete", "to be completed"). */
const QUALIFIERS = ['not', 'yet', 'partially', 'partly', 'nearly', 'almost', 'be', 'being', 'to', 'until', 'awaiting', 'once', 'when', 'if'];

/** "Ongoing", "on-going", "on going"; "Complete", "Completed", "Done". */
export function statusWordAt(tokens: readonly Token[], i: number): StatusWord | null {
  if (wordAt(tokens, i, ['ongoing'])) return { kind: 'ongoing', end: i + 1 };
  if (wordAt(tokens, i, ['complete', 'completed', 'done'])) return { kind: 'complete', end: i + 1 };
  if (!wordAt(tokens, i, ['on'])) return null;
  const going = symAt(tokens, i + 1, '-') ? i + 2 : i + 1;
  return wordAt(tokens, going, ['going']) ? { kind: 'ongoing', end: going + 1 } : null;
}

/** What the words outside the dates say about the work. */
export function statusFlags(tokens: readonly Token[], covered: readonly boolean[]): { ongoing: boolean; complete: boolean } {
  const flags = { ongoing: false, complete: false };
  tokens.forEach((_, i) => {
    const word = covered[i] === true ? null : statusWordAt(tokens, i);
    if (word !== null && !wordAt(tokens, i - 1, QUALIFIERS)) flags[word.kind] = true;
  });
  return flags;
}
