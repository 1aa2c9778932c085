/**
 * A small seeded pseudo-random generator (mulberry32). The simulator draws every id, fault and
 * scripted choice from one of these so that a run with the same `seed` and the same inputs
 * produces the same event stream, which is what makes fault tests reproducible.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Force a 32-bit unsigned integer; a fractional or negative seed still gives a valid state.
    this.state = Math.floor(seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with probability `p` (0 never draws, so a disabled fault does not shift the stream). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    if (max <= min) return min;
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs at least one item');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** `count` lowercase hex digits. */
  hex(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += this.int(0, 15).toString(16);
    return out;
  }

  /** A version-4 shaped UUID (Daily session ids and Tavus inference ids look like this). */
  uuid(): string {
    const variant = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }

  /** A new generator whose stream is independent of this one's later draws. */
  fork(): Random {
    return new Random(this.int(0, 0xffffffff));
  }
}

/** A seed for runs that did not ask for one. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0xffffffff);
}
