/**
 * Text extracted from Word and PDF plans carries HTML fragments (`<p>`, `<ul>`,
 * `<input type="checkbox"/>`), bookmark markers and ragged whitespace. This turns a cell into
 * plain text with paragraph breaks as newlines, keeping every word.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function cleanCellText(raw: string): string {
  // Cells from Word and Excel tables rarely carry markup: skip the replacements when none can match.
  if (!/[<&[*]/.test(raw)) return tidyWhitespace(raw);
  const text = raw
    .replace(/\[bookmark:[^\]]*\]/gi, '')
    .replace(/<input\b[^>]*type\s*=\s*["']?checkbox["']?[^>]*\/?>/gi, '\n☐ ')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<\/(p|li|ul|ol|div|tr|h\d)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(p|ul|ol|div|table|tr|td|th|h\d|span|strong|em|b|i|u)\b[^>]*>/gi, (tag) => (/^<(p|ul|ol|div)/i.test(tag) ? '\n' : ''))
    .replace(/<\/(span|strong|em|b|i|u|td|th|table)>/gi, '')
    .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/\*\*([^*]+)\*\*/g, '$1');
  return tidyWhitespace(text);
}

/** Collapses runs of spaces, trims each line, and keeps at most one blank line. */
export function tidyWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0 ]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^ ?\n+|\n+ ?$/g, '')
    .trim();
}

/** One line, for single-valued fields such as a status or a date. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Joins a continuation fragment onto text that a page break or cell split interrupted. */
export function joinContinuation(previous: string, fragment: string): string {
  if (previous === '') return fragment;
  if (fragment === '') return previous;
  const midSentence = !/[.!?:;)\]’"”]$/.test(previous) && /^[\p{Ll}(]/u.test(fragment);
  return midSentence ? `${previous} ${fragment}` : `${previous}\n${fragment}`;
}

/** True when a cell holds nothing but rule characters (`--`, `———`). */
export function isRuling(text: string): boolean {
  return /^[\s\-–—_=|·.]*$/.test(text) && /[-–—_=]/.test(text);
}
