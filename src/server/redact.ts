/** The shortest run of a secret's characters that counts as part of it. */
const WINDOW = 8;

/**
 * Returns `redact(text)`: `text` with every trace of the secrets replaced by `[redacted]`, also a
 * part of one (any run of 8 of its characters) and in any letter case. The endpoint never builds
 * output from a secret; this is the last guard on every log line and response body in case some
 * other text (an upstream answer, an exception) ever carries one.
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const runs = new Map<number, Set<string>>();
  for (const secret of secrets) {
    const lower = secret.toLowerCase();
    const size = Math.min(WINDOW, lower.length);
    if (size === 0) continue;
    const set = runs.get(size) ?? new Set<string>();
    for (let i = 0; i + size <= lower.length; i++) set.add(lower.slice(i, i + size));
    runs.set(size, set);
  }
  return (text) => {
    const lower = text.toLowerCase();
    const hidden = new Uint8Array(text.length);
    let found = false;
    for (const [size, set] of runs) {
      for (let i = 0; i + size <= lower.length; i++) {
        if (set.has(lower.slice(i, i + size))) {
          hidden.fill(1, i, i + size);
          found = true;
        }
      }
    }
    if (!found) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (!hidden[i]) out += text[i];
      else if (i === 0 || !hidden[i - 1]) out += '[redacted]';
    }
    return out;
  };
}
