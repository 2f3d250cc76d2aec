import { AppPackageError } from './app-package-error.js';

/**
 * Reads an Agents Toolkit `env/.env.<name>` file: `NAME=value` lines, `#` comments, blank lines,
 * values optionally in quotes. No interpolation and no `export`: the toolkit writes none, and a
 * value that looks like it needs them is more likely a mistake than a feature.
 */
export function parseEnvFile(text: string, file: string): Map<string, string> {
  const values = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(trimmed);
    if (match?.[1] === undefined || match[2] === undefined) {
      problems.push(`${file}:${String(index + 1)}: not a NAME=value line`);
      return;
    }
    const value = unquote(match[2].trim());
    if (value === null) problems.push(`${file}:${String(index + 1)}: ${match[1]} has an unclosed quote`);
    else values.set(match[1], value);
  });
  if (problems.length > 0) throw new AppPackageError(problems);
  return values;
}

/** `"a b"` and `'a b'` lose their quotes; an unquoted value loses a trailing ` # comment`. */
function unquote(raw: string): string | null {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const end = raw.indexOf(quote, 1);
    return end === -1 ? null : raw.slice(1, end);
  }
  return raw.replace(/\s+#.*$/, '');
}
