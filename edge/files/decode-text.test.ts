import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, looksBinary } from './decode-text.js';
import { fileSignature } from './file-signature.js';

describe('decodeText', () => {
  it('prefers UTF-8 and falls back to Windows-1252 for the whole file', () => {
    expect(decodeText(new TextEncoder().encode('café – ok'))).toBe('café – ok');
    // One invalid UTF-8 byte decides it: the whole file is read as Windows-1252.
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x85]))).toBe('café …');
  });

  it('decodes long Windows-1252 input across chunk boundaries', () => {
    const input = new Uint8Array(20_000).fill(0x92);
    expect(decodeWindows1252(input)).toBe('’'.repeat(20_000));
  });

  it('keeps undefined Windows-1252 bytes as control characters', () => {
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('drops a trailing odd byte of UTF-16BE rather than inventing a character', () => {
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0, 0x41, 0]))).toBe('A');
  });
});

describe('looksBinary', () => {
  it.each<[string, string, boolean]>([
    ['ordinary text with tabs and breaks', 'No\tAction\r\n1\tAudit\f\v', false],
    ['a NUL anywhere', 'text\u0000more', true],
    ['a couple of stray control characters in a long text', `${'word '.repeat(100)}\u0001\u0002`, false],
    ['many control characters', '\u0001\u0002\u0003\u0004abc', true],
    ['C1 controls from undefined Windows-1252 bytes', '\u0081\u008d\u008f\u0090\u009d', true],
  ])('%s', (_label, text, expected) => {
    expect(looksBinary(text)).toBe(expected);
  });
});

describe('fileSignature', () => {
  const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
  it.each<[string, Uint8Array, string]>([
    ['ZIP', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), 'zip'],
    ['empty ZIP', Uint8Array.from([0x50, 0x4b, 0x05, 0x06]), 'zip'],
    ['OLE2', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'ole2'],
    ['PDF', ascii('%PDF-1.7'), 'pdf'],
    ['RTF', ascii('{\\rtf1'), 'rtf'],
    ['text mentioning PK', ascii('PK and more'), 'none'],
    ['short input', Uint8Array.from([0x50]), 'none'],
  ])('%s', (_label, bytes, expected) => {
    expect(fileSignature(bytes)).toBe(expected);
  });
});
