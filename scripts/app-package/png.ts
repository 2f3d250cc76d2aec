import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG for the app icons: write 8-bit RGBA, and read any 8-bit non-interlaced PNG back
 * as RGBA so the packager can check sizes and transparency without an image library.
 */

export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, rows top to bottom, not premultiplied. */
  pixels: Uint8Array;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

export class PngError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PngError';
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_RGBA = 6;
/** Samples per pixel for each colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function encodePng({ width, height, pixels }: Rgba): Buffer {
  if (pixels.length !== width * height * 4) throw new PngError(`expected ${width * height * 4} bytes of RGBA, got ${pixels.length}`);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    // Filter type 0 (none) on every row: the icons are tiny, and zlib does the compressing.
    raw[y * (stride + 1)] = 0;
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, COLOR_RGBA, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The header only: enough for the size checks, and it fails fast on something that is not a PNG. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const ihdr = chunks(bytes)[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw new PngError('the first chunk is not a valid IHDR');
  const data = Buffer.from(ihdr.data);
  return { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8] ?? 0, colorType: data[9] ?? 0, interlace: data[12] ?? 0 };
}

export function decodePng(bytes: Uint8Array): Rgba {
  const header = readPngHeader(bytes);
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngError(`unknown colour type ${colorType}`);
  if (bitDepth !== 8 || interlace !== 0) throw new PngError(`only 8-bit, non-interlaced PNGs are read here (this one: ${bitDepth}-bit${interlace === 0 ? '' : ', interlaced'}); save it as 8-bit RGBA`);
  const all = chunks(bytes);
  const idat = Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data));
  let raw: Buffer;
  try {
    raw = inflateSync(idat);
  } catch (error) {
    throw new PngError(`the image data does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
  const samples = unfilter(raw, width, height, channels);
  const palette = all.find((c) => c.type === 'PLTE')?.data;
  const transparency = all.find((c) => c.type === 'tRNS')?.data;
  return { width, height, pixels: toRgba(samples, width * height, colorType, palette, transparency) };
}

interface Chunk {
  type: string;
  data: Uint8Array;
}

function chunks(bytes: Uint8Array): Chunk[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file (wrong signature)');
  const found: Chunk[] = [];
  let at = 8;
  while (at + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > buffer.length) throw new PngError(`chunk ${type} runs past the end of the file`);
    const crc = buffer.readUInt32BE(end - 4);
    if (crc !== crc32(buffer.subarray(at + 4, end - 4))) throw new PngError(`chunk ${type} fails its CRC`);
    found.push({ type, data: buffer.subarray(at + 8, end - 4) });
    if (type === 'IEND') return found;
    at = end;
  }
  throw new PngError('no IEND chunk: the file is cut short');
}

/** Undoes PNG's per-row filters (none, sub, up, average, Paeth). */
function unfilter(raw: Buffer, width: number, height: number, bytesPerPixel: number): Uint8Array {
  const stride = width * bytesPerPixel;
  if (raw.length !== (stride + 1) * height) throw new PngError(`image data is ${raw.length} bytes, expected ${(stride + 1) * height}`);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const row = y * stride;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= bytesPerPixel ? (out[row + x - bytesPerPixel] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const upLeft = x >= bytesPerPixel && y > 0 ? (out[row - stride + x - bytesPerPixel] ?? 0) : 0;
      out[row + x] = (value + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new PngError(`unknown row filter ${String(filter)}`);
  }
}

function toRgba(samples: Uint8Array, count: number, colorType: number, palette?: Uint8Array, transparency?: Uint8Array): Uint8Array {
  const out = new Uint8Array(count * 4);
  for (let i = 0; i < count; i += 1) {
    const [r, g, b, a] = pixelAt(samples, i, colorType, palette, transparency);
    out.set([r, g, b, a], i * 4);
  }
  return out;
}

function pixelAt(s: Uint8Array, i: number, colorType: number, palette?: Uint8Array, trns?: Uint8Array): [number, number, number, number] {
  const at = (k: number): number => s[k] ?? 0;
  switch (colorType) {
    case 0: {
      // tRNS for grey names one 16-bit grey level that is fully transparent.
      const v = at(i);
      return [v, v, v, trns !== undefined && trns.length >= 2 && (trns[1] ?? -1) === v ? 0 : 255];
    }
    case 2: {
      const [r, g, b] = [at(i * 3), at(i * 3 + 1), at(i * 3 + 2)];
      const keyed = trns !== undefined && trns.length >= 6 && trns[1] === r && trns[3] === g && trns[5] === b;
      return [r, g, b, keyed ? 0 : 255];
    }
    case 3: {
      const index = at(i);
      if (palette === undefined || index * 3 + 2 >= palette.length) throw new PngError(`palette index ${index} has no colour`);
      return [palette[index * 3] ?? 0, palette[index * 3 + 1] ?? 0, palette[index * 3 + 2] ?? 0, trns?.[index] ?? 255];
    }
    case 4:
      return [at(i * 2), at(i * 2), at(i * 2), at(i * 2 + 1)];
    default:
      return [at(i * 4), at(i * 4 + 1), at(i * 4 + 2), at(i * 4 + 3)];
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG defines it (ISO 3309), over the chunk's type and data. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
