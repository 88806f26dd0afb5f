/** Reads a PNG's header and RGBA pixels (8-bit RGBA or grey+alpha, non-interlaced), for the icon tests. */
import { inflateSync } from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** PNG colour type: 6 RGBA, 4 grey + alpha, 2 RGB, … */
  colorType: number;
  bitDepth: number;
  /** RGBA pixels, row by row (only for colour types 6 and 4 at 8 bits). */
  pixels?: Uint8Array;
}

export function readPng(file: Buffer): Png {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const png: Png = { width: header.readUInt32BE(0), height: header.readUInt32BE(4), bitDepth: header[8]!, colorType: header[9]! };
  const channels = png.colorType === 6 ? 4 : png.colorType === 4 ? 2 : 0;
  if (channels === 0 || png.bitDepth !== 8 || header[12] !== 0) return png;

  const raw = inflateSync(Buffer.concat(data));
  const stride = png.width * channels;
  const rows = new Uint8Array(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(png.width * png.height * 4);
  for (let i = 0; i < png.width * png.height; i++) {
    if (channels === 4) pixels.set(rows.subarray(i * 4, i * 4 + 4), i * 4);
    else pixels.set([rows[i * 2]!, rows[i * 2]!, rows[i * 2]!, rows[i * 2 + 1]!], i * 4);
  }
  return { ...png, pixels };
}
