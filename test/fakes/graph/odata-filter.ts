/**
 * The `$filter` subset Graph accepts on list items (and on lists): comparisons of a property
 * path with a literal, joined by `and` / `or`, with parentheses. Parsing is separate from
 * binding the paths to columns, which the caller does (items.ts, lists.ts).
 */
import { badRequest } from './errors.js';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type Literal = { type: 'string'; value: string } | { type: 'number'; value: number } | { type: 'boolean'; value: boolean } | { type: 'null' };
export type FilterNode =
  | { kind: 'compare'; path: string[]; op: CompareOp; literal: Literal }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };

type Token = { t: 'path'; v: string[] } | { t: 'lit'; v: Literal } | { t: 'word'; v: string } | { t: '(' } | { t: ')' };

const OPS = new Set<string>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const UNQUOTED_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_@][A-Za-z0-9_.@]*(\/[A-Za-z_][A-Za-z0-9_]*)*/;

function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw badRequest('Invalid filter clause: unterminated string literal.');
    if (ch === "'") {
      if (text[i + 1] === "'") { value += "'"; i += 2; continue; }
      return { value, end: i + 1 };
    }
    value += ch;
    i++;
  }
}

function wordToken(word: string): Token {
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false') return { t: 'lit', v: { type: 'boolean', value: lower === 'true' } };
  if (lower === 'null') return { t: 'lit', v: { type: 'null' } };
  if (OPS.has(lower) || lower === 'and' || lower === 'or') return { t: 'word', v: lower };
  return { t: 'path', v: word.split('/') };
}

function nextToken(text: string, i: number): { token: Token; end: number } {
  const ch = text[i] ?? '';
  if (ch === '(' || ch === ')') return { token: { t: ch }, end: i + 1 };
  if (ch === "'") {
    const { value, end } = readString(text, i);
    return { token: { t: 'lit', v: { type: 'string', value } }, end };
  }
  const rest = text.slice(i);
  const date = UNQUOTED_DATE.exec(rest);
  if (date) return { token: { t: 'lit', v: { type: 'string', value: date[0] } }, end: i + date[0].length };
  const num = NUMBER.exec(rest);
  if (num) return { token: { t: 'lit', v: { type: 'number', value: Number(num[0]) } }, end: i + num[0].length };
  const name = NAME.exec(rest);
  if (name) return { token: wordToken(name[0]), end: i + name[0].length };
  throw badRequest(`Invalid filter clause: unexpected '${rest.slice(0, 20)}'.`);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) { i++; continue; }
    const { token, end } = nextToken(text, i);
    tokens.push(token);
    i = end;
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw badRequest('Invalid filter clause: unexpected text after the expression.');
    return node;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.pos];
    return token?.t === 'word' && token.v === word;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekWord('or')) { this.pos++; left = { kind: 'or', left, right: this.and() }; }
    return left;
  }

  private and(): FilterNode {
    let left = this.primary();
    while (this.peekWord('and')) { this.pos++; left = { kind: 'and', left, right: this.primary() }; }
    return left;
  }

  private primary(): FilterNode {
    const token = this.tokens[this.pos++];
    if (token?.t === '(') {
      const inner = this.or();
      if (this.tokens[this.pos++]?.t !== ')') throw badRequest('Invalid filter clause: missing \')\'.');
      return inner;
    }
    if (token?.t !== 'path') throw badRequest('Invalid filter clause: expected a property such as fields/Title.');
    const op = this.tokens[this.pos++];
    if (op?.t !== 'word' || !OPS.has(op.v)) throw badRequest(`Invalid filter clause: expected eq, ne, lt, le, gt or ge after '${token.v.join('/')}'.`);
    const literal = this.tokens[this.pos++];
    if (literal?.t !== 'lit') throw badRequest(`Invalid filter clause: expected a literal after '${op.v}'.`);
    return { kind: 'compare', path: token.v, op: op.v as CompareOp, literal: literal.v };
  }
}

export function parseFilter(text: string): FilterNode {
  if (text.trim() === '') throw badRequest('Invalid filter clause: empty.');
  return new Parser(tokenize(text)).parse();
}

/** Every property path the filter mentions, in order. */
export function filterPaths(node: FilterNode): string[][] {
  return node.kind === 'compare' ? [node.path] : [...filterPaths(node.left), ...filterPaths(node.right)];
}

/** Applies `op` to a comparison result (negative, zero, positive). */
export function opHolds(op: CompareOp, cmp: number): boolean {
  switch (op) {
    case 'eq': return cmp === 0;
    case 'ne': return cmp !== 0;
    case 'lt': return cmp < 0;
    case 'le': return cmp <= 0;
    case 'gt': return cmp > 0;
    case 'ge': return cmp >= 0;
  }
}
