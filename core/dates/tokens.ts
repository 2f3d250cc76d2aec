/** A word, a run of digits or one other visible character, and where it sits in the text. */
export interface Token {
  kind: 'word' | 'num' | 'sym';
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Whitespace comes before it, or it opens the text. */
  spaced: boolean;
}

const TOKEN = /\p{L}+|\d+|\S/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index;
    tokens.push({ kind: kindOf(word), text: word, lower: word.toLowerCase(), start, end: start + word.length, spaced: start !== previousEnd });
    previousEnd = start + word.length;
  }
  return tokens;
}

function kindOf(word: string): Token['kind'] {
  if (/^\d/.test(word)) return 'num';
  return /^\p{L}/u.test(word) ? 'word' : 'sym';
}

/** The text from token `from` to just before token `to`, as written. */
export function sliceTokens(source: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first === undefined || last === undefined || to <= from ? '' : source.slice(first.start, last.end);
}
