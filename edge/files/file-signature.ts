import { startsWith } from './decode-text.js';

/** What a file's first bytes say it is, whatever its name claims. */
export type FileSignature = 'zip' | 'ole2' | 'pdf' | 'rtf' | 'none';

const SIGNATURES: readonly [FileSignature, readonly number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  // An empty archive, and a spanned one: still ZIP, so they get the ZIP messages.
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['zip', [0x50, 0x4b, 0x07, 0x08]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
];

export function fileSignature(bytes: Uint8Array): FileSignature {
  for (const [signature, magic] of SIGNATURES) if (startsWith(bytes, magic)) return signature;
  // A PDF may have a few bytes of junk before %PDF-; readers accept up to 1024.
  return indexOf(bytes.subarray(0, 1024), [0x25, 0x50, 0x44, 0x46, 0x2d]) >= 0 ? 'pdf' : 'none';
}

/**
 * A password-protected .docx or .xlsx is not a ZIP but an OLE2 file holding an
 * "EncryptedPackage" stream; its directory names are UTF-16LE.
 */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const marker = Array.from('EncryptedPackage', (ch) => [ch.charCodeAt(0), 0]).flat();
  return indexOf(bytes, marker) >= 0;
}

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  if (first === undefined) return 0;
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (needle.every((byte, j) => bytes[i + j] === byte)) return i;
  }
  return -1;
}
