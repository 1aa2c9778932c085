/**
 * Canonical text of a received message, used to recognise exact duplicates. It must never throw
 * (cycles, throwing getters, BigInt, absurd depth) and must stay small enough to keep a few
 * hundred of them in memory even when a message carries large perception frames.
 */

/** Keys longer than this are replaced by a digest (see `digestKey`). */
export const MAX_RAW_KEY_LENGTH = 4096;

const MAX_DEPTH = 64;

/** Key of a message received as a JSON string: the string itself, or its digest when long. */
export function keyOfString(text: string): string {
  return text.length > MAX_RAW_KEY_LENGTH ? digestKey(text) : text;
}

/** Key of a message received as an object: its JSON text, computed safely. */
export function keyOfValue(value: unknown): string {
  let text: string | undefined;
  try {
    // The native serialiser is by far the fastest path and handles every well-formed message.
    // Only in-page code can hand us a cycle (Daily delivers clones of JSON), so the slow throw
    // it causes (about 10 ms in Chromium) is not worth a pre-check on every message.
    text = JSON.stringify(value);
  } catch {
    text = safeStringify(value);
  }
  return keyOfString(text ?? 'undefined');
}

/**
 * A fixed-size stand-in for a long key: its length, two independent 32-bit hashes of the whole
 * text and its first characters. Two different messages of the same length would have to collide
 * in 64 bits of hash to be taken as duplicates, and the sequencer only compares keys of events
 * that share one `seq`, so a false match is not a practical concern.
 */
export function digestKey(text: string): string {
  let fnv = 0x811c9dc5;
  let mix = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    mix = Math.imul(mix ^ c, 0x5bd1e995);
    mix ^= mix >>> 15;
  }
  return `#${text.length}:${(fnv >>> 0).toString(36)}:${(mix >>> 0).toString(36)}:${text.slice(0, 64)}`;
}

/**
 * JSON-like serialisation for values the native one rejects. Cycles become "[cycle]", anything
 * deeper than `MAX_DEPTH` "[deep]", unreadable properties "[unreadable]", BigInt its digits.
 */
function safeStringify(value: unknown): string {
  const ancestors = new Set<object>();
  const visit = (v: unknown, depth: number): string | undefined => {
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? String(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return JSON.stringify(`${v}n`);
      case 'object':
        break;
      default:
        return undefined; // undefined, functions, symbols: skipped, as JSON does
    }
    if (v === null) return 'null';
    if (ancestors.has(v)) return '"[cycle]"';
    if (depth >= MAX_DEPTH) return '"[deep]"';
    ancestors.add(v);
    try {
      if (Array.isArray(v)) {
        const parts: string[] = [];
        for (let i = 0; i < v.length; i++) parts.push(read(() => visit(v[i], depth + 1)) ?? 'null');
        return `[${parts.join(',')}]`;
      }
      const parts: string[] = [];
      for (const name of Object.keys(v)) {
        const item = read(() => visit((v as Record<string, unknown>)[name], depth + 1));
        if (item !== undefined) parts.push(`${JSON.stringify(name)}:${item}`);
      }
      return `{${parts.join(',')}}`;
    } finally {
      ancestors.delete(v);
    }
  };
  return read(() => visit(value, 0)) ?? 'undefined';
}

function read(get: () => string | undefined): string | undefined {
  try {
    return get();
  } catch {
    return '"[unreadable]"';
  }
}
