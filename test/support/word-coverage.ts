/**
 * The share of the input's distinct words that appear anywhere in the output: how the
 * issue checks that an import loses no text. Words are runs of letters and digits, compared
 * case-insensitively. The output is read as its string values (not as JSON text, whose `\n`
 * escapes would glue an "n" onto the next word).
 */
export function wordCoverage(input: string, output: unknown): { ratio: number; missing: string[] } {
  const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const have = words(stringsOf(output).join(' '));
  const want = [...words(input)];
  const missing = want.filter((word) => !have.has(word));
  return { ratio: want.length === 0 ? 1 : (want.length - missing.length) / want.length, missing };
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
