/** One action found in a cell, with its label as written ("a", "3.", "•") or null. */
export interface ActionPart {
  ref: string | null;
  text: string;
}

interface Marker {
  index: number;
  end: number;
  label: string;
  kind: 'letter' | 'number' | 'bullet';
}

const LINE_MARKER = /^[ \t]*(\(?([a-z])\)|([a-z])\.(?=\s)|\(?(\d{1,2})[.)]|([•·▪◦*–-]))[ \t]*/gim;
const INLINE_LETTER = /(?:^|\s)\(?([a-z])\)\s/g;

/**
 * A cell may hold several actions: lettered a)–e), numbered, or bulleted, on separate lines or
 * run together on one. Each becomes its own action; text before the first marker stays with
 * the first. A single label at the start is taken as the action's ref ("a) Using …" → "a").
 */
export function splitActionCell(text: string): ActionPart[] {
  const markers = lineSequence(text) ?? inlineLetterSequence(text);
  if (markers === null) return [single(text)];
  const lead = text.slice(0, markers[0]?.index ?? 0).trim();
  return markers.map((marker, i) => {
    const next = markers[i + 1];
    const body = text.slice(marker.end, next ? next.index : undefined).trim();
    return { ref: marker.label, text: i === 0 && lead !== '' ? `${lead}\n${body}` : body };
  });
}

function single(text: string): ActionPart {
  const match = /^\s*(?:\(?([a-z])\)|\((\d{1,2})\)|(\d{1,2}\.)|([•·▪◦]))\s*(?=\S)/i.exec(text);
  if (!match) return { ref: null, text: text.trim() };
  const ref = match[1] ?? match[2] ?? match[3] ?? match[4] ?? null;
  return { ref, text: text.slice(match[0].length).trim() };
}

function lineSequence(text: string): Marker[] | null {
  const markers = [...text.matchAll(LINE_MARKER)].map((m): Marker => {
    const letter = m[2] ?? m[3];
    const number = m[4];
    const kind = letter !== undefined ? 'letter' : number !== undefined ? 'number' : 'bullet';
    const label = letter ?? (number !== undefined ? `${number}.` : (m[5] ?? '•'));
    return { index: m.index, end: m.index + m[0].length, label, kind };
  });
  return longestRun(markers);
}

function inlineLetterSequence(text: string): Marker[] | null {
  const markers = [...text.matchAll(INLINE_LETTER)].map((m): Marker => {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    return { index: start, end: m.index + m[0].length, label: m[1] ?? '', kind: 'letter' };
  });
  return longestRun(markers);
}

/** The markers that form a real sequence: a, b, c… or 1, 2, 3… or two or more bullets. */
function longestRun(markers: readonly Marker[]): Marker[] | null {
  const kind = markers[0]?.kind;
  if (kind === undefined) return null;
  const run: Marker[] = [];
  for (const marker of markers) {
    if (marker.kind !== kind) continue;
    const previous = run.at(-1);
    if (previous === undefined ? startsSequence(marker) : follows(previous, marker)) run.push(marker);
  }
  return run.length >= 2 ? run : null;
}

function startsSequence(marker: Marker): boolean {
  return marker.kind === 'bullet' || marker.label.toLowerCase() === 'a' || marker.label === '1.';
}

function follows(previous: Marker, marker: Marker): boolean {
  if (marker.kind === 'bullet') return marker.label === previous.label;
  if (marker.kind === 'letter') return marker.label.toLowerCase().charCodeAt(0) === previous.label.toLowerCase().charCodeAt(0) + 1;
  return Number.parseInt(marker.label, 10) === Number.parseInt(previous.label, 10) + 1;
}
