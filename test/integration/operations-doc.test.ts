// docs/operations.md tells an operator which log lines to search and alert on: each message it
// names must be one the code writes, word for word, or the query finds nothing forever.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_DIRS = ['app', 'api', 'bot', 'edge', 'server', 'store'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const SOURCE = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => readFileSync(path, 'utf8')).join('\n');
const DOC = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');

/** The messages in the first column of the "While running" table: the code spans before the fields in brackets. */
function runningMessages(doc: string): string[] {
  const section = doc.slice(doc.indexOf('### While running'), doc.indexOf('\nErrors from'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => {
      const cell = (line.split('|')[1] ?? '').split('(')[0] ?? '';
      return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    })
    .filter((message) => !message.includes('…'));
}

/** Messages the alert queries search for: `line.message) == "…"` and `in ("…", "…")`. */
function queriedMessages(doc: string): string[] {
  const found: string[] = [];
  for (const match of doc.matchAll(/line\.message\)\s*(?:==\s*"([^"]+)"|in\s*\(([^)]*)\))/g)) {
    if (match[1] !== undefined) found.push(match[1]);
    for (const quoted of (match[2] ?? '').matchAll(/"([^"]+)"/g)) found.push(quoted[1] ?? '');
  }
  return found;
}

const written = (message: string): boolean => SOURCE.includes(`'${message}'`) || SOURCE.includes(`'${message.replace(/'/g, "\\'")}'`);

describe('docs/operations.md', () => {
  it('finds the messages it documents', () => {
    expect(runningMessages(DOC).length).toBeGreaterThan(15);
    expect(queriedMessages(DOC).length).toBeGreaterThan(5);
  });

  it.each([...new Set([...runningMessages(DOC), ...queriedMessages(DOC)])])('names "%s", which the code writes', (message) => {
    expect(written(message)).toBe(true);
  });

  it('would notice a message the code does not write', () => {
    expect(runningMessages('### While running\n| `reminder sweep went missing` (info) | x |\nErrors from').filter((message) => !written(message))).toEqual(['reminder sweep went missing']);
  });
});
