/**
 * An insertion-ordered set that remembers at most `capacity` values: adding one more forgets the
 * oldest. Used for duplicate detection over a long call (event keys, tool_call ids) where a plain
 * Set would grow for as long as the call lasts.
 *
 * A ring buffer records insertion order, so every operation is O(1).
 */
export class BoundedSet<T = string> {
  readonly capacity: number;
  private readonly values = new Set<T>();
  private readonly ring: (T | undefined)[];
  private next = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`BoundedSet: capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.ring = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.values.size;
  }

  has(value: T): boolean {
    return this.values.has(value);
  }

  /** Adds `value`; returns false (and changes nothing) when it is already present. */
  add(value: T): boolean {
    if (this.values.has(value)) return false;
    if (this.values.size >= this.capacity) {
      // The slot about to be overwritten holds the oldest value still remembered.
      this.values.delete(this.ring[this.next] as T);
    }
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    this.values.add(value);
    return true;
  }

  clear(): void {
    this.values.clear();
    this.ring.fill(undefined);
    this.next = 0;
  }
}
