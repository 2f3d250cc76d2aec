/**
 * The file name a download is saved as: the server's Content-Disposition (RFC 6266; the UTF-8
 * `filename*` form preferred, as browsers do), else the fallback. Any folder part is dropped and
 * characters file systems refuse are replaced, since the name comes from outside the tab.
 */
export function downloadName(disposition: string | null, fallback: string): string {
  const found = disposition === null ? null : (extendedName(disposition) ?? plainName(disposition));
  const safe = found === null ? '' : cleanName(found);
  return safe === '' ? fallback : safe;
}

function extendedName(header: string): string | null {
  const match = /filename\*\s*=\s*([^;]+)/i.exec(header);
  const value = match?.[1]?.trim();
  if (value === undefined) return null;
  const encoded = /^([\w-]+)'[^']*'(.*)$/.exec(value);
  if (encoded === null) return null;
  const [, charset = '', text = ''] = encoded;
  if (charset.toLowerCase() !== 'utf-8') return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function plainName(header: string): string | null {
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1');
  const bare = /filename\s*=\s*([^;\s]+)/i.exec(header);
  return bare?.[1] ?? null;
}

function cleanName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  // Control characters and the ones Windows refuses; leading dots would hide the file.
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
}
