import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodePng, type Rgba } from './png.js';

const ORANGE: Rgba = [255, 153, 0, 255];
const NAVY: Rgba = [35, 47, 62, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** A shield: straight sides in the upper half, narrowing to a point; coordinates in 0..1. */
function inShield(u: number, v: number): boolean {
  if (v < 0.12 || v > 0.9) return false;
  const halfWidth = v < 0.5 ? 0.34 : 0.34 * (1 - (v - 0.5) / 0.4);
  return Math.abs(u - 0.5) <= halfWidth;
}

/** The colour icon (192×192): a white shield split navy/orange (AWS | you) on orange. */
export function colorIcon(): Buffer {
  const size = 192;
  return encodePng(size, size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    if (!inShield(u, v)) return ORANGE;
    if (!inShield(0.5 + (u - 0.5) * 1.15, 0.5 + (v - 0.5) * 1.15)) return WHITE;
    return u < 0.5 ? NAVY : WHITE;
  });
}

/** The outline icon (32×32): white shield on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (x, y) => (inShield((x + 0.5) / size, (y + 0.5) / size) ? WHITE : CLEAR));
}

/** Writes both icons into `dir` (the committed ones live in adapters/teams/manifest/). */
export function writeIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
}

// `npm run build && node dist/adapters/teams/make-icons.js adapters/teams/manifest` regenerates them.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeIcons(process.argv[2] ?? '.');
}
