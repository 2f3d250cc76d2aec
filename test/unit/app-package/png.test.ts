import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngError, readPngHeader } from '../../../scripts/app-package/png.js';

/** A PNG assembled here, independently of the encoder under test (zlib's own CRC). */
function png(header: { width: number; height: number; bitDepth?: number; colorType: number; interlace?: number }, raw: Uint8Array, extra: [string, Uint8Array][] = []): Buffer {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr.set([header.bitDepth ?? 8, header.colorType, 0, 0, header.interlace ?? 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), ...extra.map(([type, data]) => chunk(type, data)), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Rows of `bpp`-byte pixels filtered with `filter` as an encoder would (the decoder must undo it). */
function filtered(rows: number[][], bpp: number, filter: number): Uint8Array {
  const out: number[] = [];
  rows.forEach((row, y) => {
    out.push(filter);
    row.forEach((value, x) => {
      const left = x >= bpp ? (row[x - bpp] ?? 0) : 0;
      const up = y > 0 ? (rows[y - 1]?.[x] ?? 0) : 0;
      const upLeft = x >= bpp && y > 0 ? (rows[y - 1]?.[x - bpp] ?? 0) : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth][filter] ?? 0;
      out.push((value - predictor + 256) & 0xff);
    });
  });
  return Uint8Array.from(out);
}

describe('encodePng / decodePng', () => {
  it('round-trips RGBA pixels and reports the size in the header', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const bytes = encodePng({ width: 3, height: 2, pixels });
    expect(readPngHeader(bytes)).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 6, interlace: 0 });
    expect(decodePng(bytes)).toEqual({ width: 3, height: 2, pixels });
  });

  it.each([0, 1, 2, 3, 4])('undoes row filter %i', (filter) => {
    const rows = [
      [10, 200, 30, 255, 90, 80, 70, 128],
      [250, 5, 60, 0, 1, 2, 3, 4],
      [128, 128, 128, 255, 255, 255, 255, 255],
    ];
    const decoded = decodePng(png({ width: 2, height: 3, colorType: 6 }, filtered(rows, 4, filter)));
    expect([...decoded.pixels]).toEqual(rows.flat());
  });

  it('reads palette colours with their tRNS alpha, and grey with alpha', () => {
    const palette = Uint8Array.from([255, 255, 255, 0, 94, 184]);
    const paletted = decodePng(png({ width: 2, height: 1, colorType: 3 }, Uint8Array.from([0, 0, 1]), [['PLTE', palette], ['tRNS', Uint8Array.from([0])]]));
    expect([...paletted.pixels]).toEqual([255, 255, 255, 0, 0, 94, 184, 255]);
    const grey = decodePng(png({ width: 1, height: 1, colorType: 4 }, Uint8Array.from([0, 200, 17])));
    expect([...grey.pixels]).toEqual([200, 200, 200, 17]);
  });

  it.each<[string, () => Buffer, RegExp]>([
    ['a file that is not a PNG', () => Buffer.from('GIF89a not a png'), /signature/],
    ['a corrupted chunk', () => {
      const bytes = encodePng({ width: 1, height: 1, pixels: new Uint8Array(4) });
      bytes[20] = (bytes[20] ?? 0) ^ 0xff;
      return bytes;
    }, /CRC/],
    ['a file cut short', () => encodePng({ width: 1, height: 1, pixels: new Uint8Array(4) }).subarray(0, 40), /past the end|IEND/],
    ['a 16-bit image', () => png({ width: 1, height: 1, bitDepth: 16, colorType: 6 }, new Uint8Array(9)), /only 8-bit/],
    ['an interlaced image', () => png({ width: 1, height: 1, colorType: 6, interlace: 1 }, new Uint8Array(5)), /interlaced/],
  ])('refuses %s', (_what, make, message) => {
    expect(() => decodePng(make())).toThrow(PngError);
    expect(() => decodePng(make())).toThrow(message);
  });
});
