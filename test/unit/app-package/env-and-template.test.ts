import { describe, expect, it } from 'vitest';
import { AppPackageError } from '../../../scripts/app-package/app-package-error.js';
import { parseEnvFile } from '../../../scripts/app-package/env-file.js';
import { fillTemplate, placeholdersIn } from '../../../scripts/app-package/template.js';

describe('parseEnvFile', () => {
  it.each<[string, string, string]>([
    ['a plain value', 'A=b', 'b'],
    ['spaces around', '  A = b  ', 'b'],
    ['double quotes kept spaces', 'A=" (dev)"', ' (dev)'],
    ['single quotes', "A='x # y'", 'x # y'],
    ['a trailing comment', 'A=b # why', 'b'],
    ['a # inside a value', 'A=https://x/#top', 'https://x/#top'],
    ['an empty value', 'A=', ''],
  ])('%s', (_what, line, value) => {
    expect(parseEnvFile(`# comment\n\n${line}\n`, 'env/.env.t').get('A')).toBe(value);
  });

  it('names the file and line of every line it cannot read', () => {
    const read = (): Map<string, string> => parseEnvFile('A=1\nnot a setting\nB="open\n', 'env/.env.t');
    expect(read).toThrow(AppPackageError);
    expect(read).toThrow(/env\/\.env\.t:2: not a NAME=value line[\s\S]*env\/\.env\.t:3: B has an unclosed quote/);
  });
});

describe('fillTemplate', () => {
  const template = '{"id": "${{APP_ID}}", "name": "Followthrough${{APP_NAME_SUFFIX}}", "url": "${{ TAB_ENDPOINT }}/tab"}';

  it('lists each placeholder once, in order', () => {
    expect(placeholdersIn(`${template} \${{APP_ID}}`)).toEqual(['APP_ID', 'APP_NAME_SUFFIX', 'TAB_ENDPOINT']);
  });

  it('fills values as JSON string content, so a quote or backslash cannot break the manifest', () => {
    const filled = fillTemplate(template, new Map([['APP_ID', 'a"b\\c'], ['APP_NAME_SUFFIX', ''], ['TAB_ENDPOINT', 'https://x']]), 'env/.env.t');
    expect(JSON.parse(filled)).toEqual({ id: 'a"b\\c', name: 'Followthrough', url: 'https://x/tab' });
  });

  it('names every missing or empty value and the file it belongs in; a suffix may be empty', () => {
    const fill = (): string => fillTemplate(template, new Map([['APP_ID', ''], ['APP_NAME_SUFFIX', '']]), 'env/.env.t', ['BOT_ENDPOINT']);
    expect(problemsOf(fill)).toEqual(['APP_ID has no value in env/.env.t', 'TAB_ENDPOINT has no value in env/.env.t', 'BOT_ENDPOINT has no value in env/.env.t']);
  });
});

/** The problems an AppPackageError lists; null when nothing was thrown. */
function problemsOf(run: () => unknown): readonly string[] | null {
  try {
    run();
  } catch (error) {
    if (error instanceof AppPackageError) return error.problems;
    throw error;
  }
  return null;
}
