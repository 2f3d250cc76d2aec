/** Excel's limits on a sheet's name: at most 31 characters, none of these, not "History". */
const MAX_LENGTH = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;
const RESERVED = new Set(['history']);

/**
 * A sheet name for each heading, in order, that Excel accepts and no two share (Excel compares
 * them ignoring case). `taken` are names already used, such as "Summary".
 */
export function sheetNames(headings: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return headings.map((heading) => {
    const base = cleanName(heading);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()) || RESERVED.has(name.toLowerCase()); n++) {
      const suffix = ` (${String(n)})`;
      name = `${base.slice(0, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** A name may not start or end with an apostrophe, and may not be blank. */
function cleanName(heading: string): string {
  const name = heading.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX_LENGTH).trim();
  return name === '' ? 'Table' : name;
}
