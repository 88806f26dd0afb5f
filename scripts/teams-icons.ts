/**
 * Draws the Teams app icons (a padlock, for trade secrets) and writes them as PNG files:
 * manifest/teams/color.png (192×192, full colour) and manifest/teams/outline.png (32×32, white on
 * transparent, as Teams requires). The PNGs are committed; run `npx tsx scripts/teams-icons.ts` after
 * changing the drawing. Only node:zlib, no image library.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** The accent colour of the app (also manifest.json's accentColor). */
export const accentColor = [0x1f, 0x4e, 0x9a] as const;

type Rgba = readonly [number, number, number, number];

/** Encodes RGBA pixels (row by row, 4 bytes each) as a PNG: signature, IHDR, one IDAT, IEND. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods: 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The padlock in a unit square: 'lock' where it is drawn, 'hole' for the keyhole, else null. */
function padlockAt(x: number, y: number): 'lock' | 'hole' | null {
  const inRoundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const inBody = inRoundedRect(0.24, 0.46, 0.76, 0.84, 0.06);
  if (inBody) {
    const keyholeHead = (x - 0.5) ** 2 + (y - 0.6) ** 2 <= 0.055 ** 2;
    const keyholeStem = Math.abs(x - 0.5) <= 0.025 && y >= 0.6 && y <= 0.73;
    return keyholeHead || keyholeStem ? 'hole' : 'lock';
  }
  // The shackle: half a ring above the body, with its legs going down into it.
  const d = Math.hypot(x - 0.5, y - 0.34);
  const inRing = d >= 0.125 && d <= 0.195 && y <= 0.34;
  const inLegs = y > 0.34 && y <= 0.47 && (Math.abs(x - 0.34) <= 0.035 || Math.abs(x - 0.66) <= 0.035);
  return inRing || inLegs ? 'lock' : null;
}

/** Renders with 4×4 supersampling so that edges are smooth. */
function draw(size: number, paint: (part: 'lock' | 'hole' | null) => Rgba): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = paint(padlockAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size));
          // Premultiplied, so transparent samples do not darken the edge colour.
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      }
      const alpha = sum[3]! / (samples * samples);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = alpha > 0 ? Math.round(sum[c]! / sum[3]!) : 0;
      pixels[at + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

export function colorIcon(): Buffer {
  const background: Rgba = [...accentColor, 255];
  return encodePng(
    192,
    192,
    draw(192, (part) => (part === 'lock' ? [255, 255, 255, 255] : background)),
  );
}

export function outlineIcon(): Buffer {
  return encodePng(
    32,
    32,
    draw(32, (part) => (part === 'lock' ? [255, 255, 255, 255] : [255, 255, 255, 0])),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest', 'teams');
  writeFileSync(path.join(dir, 'color.png'), colorIcon());
  writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${path.join(dir, 'color.png')} and outline.png\n`);
}
