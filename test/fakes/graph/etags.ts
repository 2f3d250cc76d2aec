/** List item eTags as Graph writes them: `"<guid>,<version>"`, quotes included. */
import { GraphFakeError } from './errors.js';

export function formatETag(guid: string, version: number): string {
  return `"${guid},${version}"`;
}

/** Strips weak markers, quotes and braces so `"{GUID},3"`, `W/"guid,3"` and `guid,3` compare equal. */
function normalise(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();
}

/** True when an If-Match header value allows a write to an item whose eTag is `current`. */
export function ifMatchAllows(header: string | undefined, current: string): boolean {
  if (header === undefined || header.trim() === '') return true;
  const wanted = normalise(current);
  return splitTags(header).some((tag) => tag === '*' || normalise(tag) === wanted);
}

/** If-Match may list several quoted tags; a SharePoint tag holds a comma inside its quotes. */
function splitTags(header: string): string[] {
  const trimmed = header.trim();
  if (trimmed === '*') return ['*'];
  const quoted = trimmed.match(/(?:W\/)?"[^"]*"/g);
  return quoted ?? [trimmed];
}

export function assertIfMatch(header: string | undefined, current: string): void {
  if (!ifMatchAllows(header, current)) {
    throw new GraphFakeError(412, 'preconditionFailed', 'The request ETag value does not match the object\'s ETag value.');
  }
}
