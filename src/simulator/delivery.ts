/**
 * Delivery of the replica's app-messages with the faults a real data channel shows: latency
 * with jitter, late arrivals (reordering) and duplicates. All randomness comes from the seeded
 * `Random` given to it, and timing from the virtual-time `Scheduler`, so a seed reproduces the
 * exact arrival order.
 */
import type { Random } from './random.js';
import type { Scheduler } from './scheduler.js';

export interface DeliveryFaults {
  /** Fixed latency, or a [min, max] range drawn per message. */
  latencyMs: number | readonly [number, number];
  /** Chance that a message is held back long enough to arrive after later ones. */
  reorderProbability: number;
  /** Extra delay of a held-back message, drawn per message. */
  reorderDelayMs: readonly [number, number];
  /** Chance that a message arrives twice (each copy with its own latency). */
  duplicateProbability: number;
}

export class Delivery<T> {
  private paused = false;
  private held: T[] = [];

  constructor(
    private readonly scheduler: Scheduler,
    private readonly random: Random,
    private readonly faults: DeliveryFaults,
    private readonly deliver: (item: T) => void,
  ) {}

  send(item: T): void {
    const copies = this.random.chance(this.faults.duplicateProbability) ? 2 : 1;
    for (let copy = 0; copy < copies; copy++) {
      let delay = this.latency();
      if (this.random.chance(this.faults.reorderProbability)) {
        const [min, max] = this.faults.reorderDelayMs;
        delay += this.random.between(min, max);
      }
      this.scheduler.after(delay, () => this.arrive(item));
    }
  }

  /** While paused (network interruption), arrivals wait and then come in arrival order. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    const held = this.held;
    this.held = [];
    for (const item of held) this.deliver(item);
  }

  /** Forgets held messages (the call ended). */
  clear(): void {
    this.held = [];
  }

  private latency(): number {
    const latency = this.faults.latencyMs;
    if (typeof latency === 'number') return Math.max(0, latency);
    return Math.max(0, this.random.between(latency[0], latency[1]));
  }

  private arrive(item: T): void {
    if (this.paused) this.held.push(item);
    else this.deliver(item);
  }
}
