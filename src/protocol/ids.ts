/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost), and a
 * widget pasted into a plain-HTTP page must still work, so this falls back to
 * `crypto.getRandomValues`, and to `Math.random` where there is no Web Crypto at all. The ids
 * label echo utterances and messages; they are not secrets.
 */
export function createId(): string {
  return createIdWith((globalThis as { crypto?: Partial<Crypto> }).crypto);
}

/** `createId` with the Web Crypto object given (tests try each fallback without the global). */
export function createIdWith(webCrypto: Partial<Crypto> | undefined): string {
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof webCrypto?.getRandomValues === 'function') webCrypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return formatUuid(bytes);
}

/** Formats 16 random bytes as an RFC 4122 version 4 UUID (the version and variant bits set). */
export function formatUuid(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let hex = '';
  for (const byte of b) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
