/**
 * Hands a fetched file to the browser. The papers are fetched (the bearer token cannot ride on a
 * plain link), so what the person gets is a blob: saved through a temporary link, or shown in a
 * window opened beforehand (a window opened after the fetch would be taken for a pop-up and blocked).
 */

/** How long a blob's address stays usable: long enough for the save or the print, then its memory is freed. */
const KEEP_URL_MS = 5 * 60_000;

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, KEEP_URL_MS);
}

/** A window for a paper still being fetched, or null when the browser (or Teams) refuses one. */
export function openPendingWindow(): Window | null {
  const opened = window.open('', '_blank');
  if (opened === null) return null;
  // The paper is the server's, but it needs nothing of this page: cut the way back.
  opened.opener = null;
  opened.document.title = 'Preparing the paper…';
  opened.document.body.textContent = 'Preparing the paper…';
  return opened;
}

/** Shows the file in the window opened for it; false when that window has gone (then save it instead). */
export function showInWindow(target: Window | null, blob: Blob): boolean {
  if (target === null || target.closed) return false;
  const url = URL.createObjectURL(blob);
  target.location.href = url;
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, KEEP_URL_MS);
  return true;
}
