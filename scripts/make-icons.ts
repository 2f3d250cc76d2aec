import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodePng, type Rgba } from './app-package/png.js';

/**
 * Draws the app's two icons (appPackage/color.png, appPackage/outline.png). The PNGs are
 * committed; run this only to re-make them: `node --import tsx scripts/make-icons.ts`.
 *
 * The mark: a tick whose long stroke runs on into an arrowhead — an action done and carried
 * through. Drawn from a few shapes in a unit square, anti-aliased by sampling each pixel on a grid.
 */

/** NHS Blue, also the manifest's accentColor. */
export const ACCENT = { r: 0x00, g: 0x5e, b: 0xb8 };

type Point = readonly [number, number];

/** The mark in the unit square (y down), inside the colour icon's 120/192 safe area. */
const START: Point = [0.235, 0.5];
const ELBOW: Point = [0.415, 0.685];
const SHAFT_END: Point = [0.69, 0.39];
const STROKE = 0.09;
const HEAD_LENGTH = 0.16;
const HEAD_HALF_WIDTH = 0.115;
/** Samples per pixel along each axis. */
const GRID = 5;

/** The colour icon fills its square (Teams masks the corners); the outline icon's mark fills its own. */
const COLOR_SCALE = 1;
const OUTLINE_SCALE = 1.4;

export function drawColorIcon(size = 192): Rgba {
  return draw(size, COLOR_SCALE, (coverage) => [mix(ACCENT.r, coverage), mix(ACCENT.g, coverage), mix(ACCENT.b, coverage), 255]);
}

/** White, its edges anti-aliased in alpha; transparent pixels are white too, so scaling leaves no dark fringe. */
export function drawOutlineIcon(size = 32): Rgba {
  return draw(size, OUTLINE_SCALE, (coverage) => [255, 255, 255, Math.round(255 * coverage)]);
}

/** Writes both icons into `directory`; answers their paths. */
export function writeIcons(directory: string): string[] {
  const files: [string, Rgba][] = [
    ['color.png', drawColorIcon()],
    ['outline.png', drawOutlineIcon()],
  ];
  return files.map(([name, image]) => {
    const path = join(directory, name);
    writeFileSync(path, encodePng(image));
    return path;
  });
}

function draw(size: number, scale: number, paint: (coverage: number) => [number, number, number, number]): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) pixels.set(paint(coverage(x, y, size, scale)), (y * size + x) * 4);
  }
  return { width: size, height: size, pixels };
}

function coverage(x: number, y: number, size: number, scale: number): number {
  let inside = 0;
  for (let i = 0; i < GRID; i += 1) {
    for (let j = 0; j < GRID; j += 1) {
      // Pixel sample to unit square, scaled about the centre.
      const u = 0.5 + ((x + (i + 0.5) / GRID) / size - 0.5) / scale;
      const v = 0.5 + ((y + (j + 0.5) / GRID) / size - 0.5) / scale;
      if (inMark([u, v])) inside += 1;
    }
  }
  return inside / (GRID * GRID);
}

function inMark(p: Point): boolean {
  return segmentDistance(p, START, ELBOW) <= STROKE / 2 || segmentDistance(p, ELBOW, SHAFT_END) <= STROKE / 2 || inTriangle(p, ...arrowHead());
}

/** The head sits on the shaft's end, pointing the way the long stroke runs. */
function arrowHead(): [Point, Point, Point] {
  const dx = SHAFT_END[0] - ELBOW[0];
  const dy = SHAFT_END[1] - ELBOW[1];
  const length = Math.hypot(dx, dy);
  const [ux, uy] = [dx / length, dy / length];
  const tip: Point = [SHAFT_END[0] + ux * HEAD_LENGTH, SHAFT_END[1] + uy * HEAD_LENGTH];
  return [tip, [SHAFT_END[0] - uy * HEAD_HALF_WIDTH, SHAFT_END[1] + ux * HEAD_HALF_WIDTH], [SHAFT_END[0] + uy * HEAD_HALF_WIDTH, SHAFT_END[1] - ux * HEAD_HALF_WIDTH]];
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [abx, aby] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * abx + (p[1] - a[1]) * aby) / (abx * abx + aby * aby)));
  return Math.hypot(p[0] - (a[0] + t * abx), p[1] - (a[1] + t * aby));
}

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (q: Point, r: Point): number => (r[0] - q[0]) * (p[1] - q[1]) - (r[1] - q[1]) * (p[0] - q[0]);
  const [s1, s2, s3] = [side(a, b), side(b, c), side(c, a)];
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** The background colour channel with white laid over it at `coverage`. */
function mix(channel: number, coverage: number): number {
  return Math.round(channel + (255 - channel) * coverage);
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const path of writeIcons(join(here, '..', 'appPackage'))) console.log(`wrote ${path}`);
}
