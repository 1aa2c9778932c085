// Crops a PNG (8-bit RGB or RGBA, not interlaced: what browsers' screenshots are) without an
// image library. WebKitWebDriver's element screenshots take in what overflows the element, so
// the screenshot scripts photograph the window and cut out the part they want.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 2: 3, 6: 4 };

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const paeth = (a, b, c) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** The rows of pixels of a PNG, unfiltered. */
function decode(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let header;
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colorType, , , interlace] = header.subarray(8);
  const bpp = CHANNELS[colorType];
  if (depth !== 8 || !bpp || interlace !== 0) throw new Error('unsupported PNG format');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const rows = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= bpp ? row[i - bpp] : 0;
      const up = previous[i];
      const upLeft = i >= bpp ? previous[i - bpp] : 0;
      const add = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      row[i] = (row[i] + add) & 0xff;
    }
    rows.push(row);
    previous = row;
  }
  return { header, width, height, bpp, rows };
}

/** The part `{ x, y, width, height }` (pixels, clamped to the image) of a PNG, as a PNG. */
export function cropPng(png, { x, y, width, height }) {
  const image = decode(png);
  const left = Math.max(0, Math.round(x));
  const top = Math.max(0, Math.round(y));
  const w = Math.min(Math.round(width), image.width - left);
  const h = Math.min(Math.round(height), image.height - top);
  const rows = image.rows
    .slice(top, top + h)
    .map((row) =>
      Buffer.concat([Buffer.from([0]), row.subarray(left * image.bpp, (left + w) * image.bpp)]),
    );
  const header = Buffer.from(image.header);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
