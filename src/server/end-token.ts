/**
 * End tokens: the right to end a conversation, handed to its creator only. A token is an HMAC of
 * the conversation id under a server secret, so any instance that shares the secret can check it
 * without storing anything.
 */
const encoder = new TextEncoder();
/** HMAC-SHA-256 in base64url without padding: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** A label inside the signed text, so that a signature made for anything else never ends a call. */
const PURPOSE = 'tavus-conversation end v1:';

export interface EndTokens {
  sign(conversationId: string): Promise<string>;
  /** True only for the token `sign(conversationId)` gives; compared in constant time. */
  verify(conversationId: string, token: unknown): Promise<boolean>;
}

export function createEndTokens(secret: string): EndTokens {
  let key: Promise<CryptoKey> | undefined;
  const getKey = () =>
    (key ??= crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    ));
  return {
    async sign(conversationId) {
      const mac = await crypto.subtle.sign(
        'HMAC',
        await getKey(),
        encoder.encode(PURPOSE + conversationId),
      );
      return toBase64Url(new Uint8Array(mac));
    },
    async verify(conversationId, token) {
      if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return false;
      const mac = fromBase64Url(token);
      // The last character carries two unused bits: only the one spelling sign() gives counts.
      if (toBase64Url(mac) !== token) return false;
      return crypto.subtle.verify(
        'HMAC',
        await getKey(),
        mac,
        encoder.encode(PURPOSE + conversationId),
      );
    },
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
