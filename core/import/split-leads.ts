import { hasRoleNoun } from './cell-kinds.js';

/**
 * A lead cell often names several roles: on separate lines (seed 004), or joined by "/", "&",
 * "and" or commas (seeds 002, 003). A join is split only when both sides name a role, so
 * "Head of Patient Safety and Risk" and "Joint Local Authority/ CCG Lead" stay whole, while
 * "Quality Improvement Facilitator – Patient Safety and Quality Leads" becomes two.
 */
export function splitLeads(cell: string): string[] {
  const roles = groupLines(cell).flatMap((group) => splitJoined(group));
  return [...new Set(roles.map((role) => role.trim()).filter((role) => role !== ''))];
}

/** Lines that name no role qualify the role above them ("Clinical Director" / "Bucks Directorate"). */
function groupLines(cell: string): string[] {
  const groups: string[] = [];
  for (const paragraph of cell.split(/\n\s*\n/)) {
    let current: string | null = null;
    for (const line of paragraph.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
      if (current !== null && !hasRoleNoun(line)) current = `${current}, ${line}`;
      else {
        if (current !== null) groups.push(current);
        current = line;
      }
    }
    if (current !== null) groups.push(current);
  }
  return groups;
}

const SEPARATORS: readonly RegExp[] = [/\s*;\s*/, /\s*\/\s*/, /\s+&\s+/, /\)\s+(?=[A-Z])/, /,\s+(?:and\s+)?/, /\s+and\s+(?:the\s+)?/];

function splitJoined(text: string, depth = 0): string[] {
  const separator = SEPARATORS[depth];
  if (separator === undefined) return [text];
  const parts = text.split(separator);
  const restoreParen = depth === 3;
  const pieces = parts.map((part, index) => (restoreParen && index < parts.length - 1 ? `${part})` : part));
  const merged = mergeRoleless(pieces, depth);
  return merged.flatMap((piece) => splitJoined(piece, depth + 1));
}

/** "Clinical Director of …" opens with a role; "Learning Disabilities (… Group) Director" does not. */
function opensWithRole(text: string): boolean {
  return hasRoleNoun(text.split(/\s+/).slice(0, 4).join(' '));
}

/** Rejoins pieces that name no role onto their neighbour, so only role-with-role splits stand. */
function mergeRoleless(pieces: readonly string[], depth: number): string[] {
  const joiner = [';', '/', ' & ', ' ', ', ', ' and '][depth] ?? ' ';
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last !== undefined && !(hasRoleNoun(last) && opensWithRole(piece))) out[out.length - 1] = `${last}${joiner}${piece}`;
    else out.push(piece);
  }
  return out;
}
