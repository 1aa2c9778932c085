/**
 * PCM helpers for audio echo: Tavus takes base64 of 16-bit little-endian mono PCM.
 */

export type PcmInput = Int16Array | ArrayBuffer | Float32Array;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The bytes of 16-bit little-endian PCM for `pcm`:
 * - `Int16Array`: its samples (a view, no copy, on little-endian machines);
 * - `ArrayBuffer`: taken as 16-bit little-endian PCM already, so its length must be even;
 * - `Float32Array`: samples in [-1, 1], clamped, NaN as silence, scaled to the int16 range
 *   (-1 → -32768, 1 → 32767) and rounded to the nearest integer.
 */
export function toPcm16Bytes(pcm: PcmInput, caller: string): Uint8Array {
  // Tags rather than instanceof, so that arrays made in another realm (an iframe) work too.
  const tag = Object.prototype.toString.call(pcm);
  if (tag === '[object Int16Array]') {
    const samples = pcm as Int16Array;
    if (LITTLE_ENDIAN)
      return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
    return writeLittleEndian(samples.length, (i) => samples[i]!);
  }
  if (tag === '[object Float32Array]') {
    const samples = pcm as Float32Array;
    return writeLittleEndian(samples.length, (i) => floatToInt16(samples[i]!));
  }
  if (tag === '[object ArrayBuffer]') {
    const buffer = pcm as ArrayBuffer;
    if (buffer.byteLength % 2 !== 0) {
      throw new TypeError(`${caller}: an ArrayBuffer of 16-bit PCM must have an even length`);
    }
    return new Uint8Array(buffer);
  }
  throw new TypeError(`${caller}: pcm must be an Int16Array, a Float32Array or an ArrayBuffer`);
}

export function floatToInt16(sample: number): number {
  if (!(sample === sample)) return 0; // NaN
  const clamped = sample < -1 ? -1 : sample > 1 ? 1 : sample;
  return Math.round(clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff);
}

function writeLittleEndian(length: number, sampleAt: (index: number) => number): Uint8Array {
  const bytes = new Uint8Array(length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < length; i++) view.setInt16(i * 2, sampleAt(i), true);
  return bytes;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding; no dependency on `btoa` or Node's Buffer. */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >>> 18]! +
      ALPHABET[(n >>> 12) & 63]! +
      ALPHABET[(n >>> 6) & 63]! +
      ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${ALPHABET[n >>> 18]!}${ALPHABET[(n >>> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${ALPHABET[n >>> 18]!}${ALPHABET[(n >>> 12) & 63]!}${ALPHABET[(n >>> 6) & 63]!}=`;
  }
  return out;
}
