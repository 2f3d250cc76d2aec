export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

// Stops at whitespace and angle brackets; trailing punctuation is given back to the sentence below.
const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;

/** Evidence as written, with its http(s) addresses picked out to show as links (nothing else is ever a link). */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/u, '');
    const start = match.index;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    if (isHttpUrl(url)) parts.push({ kind: 'link', href: url, text: url });
    else parts.push({ kind: 'text', text: url });
    at = start + url.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
