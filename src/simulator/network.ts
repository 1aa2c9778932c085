/**
 * The simulated network between the page and the replica. During a signalling outage messages
 * in both directions wait and arrive, in order, once the connection is back: that is what a
 * client sees from daily-js after a short drop, and what its reordering and retries must survive.
 */
import type { CallEventSink } from './emitter.js';
import type { Scheduler } from './scheduler.js';

export interface HoldsArrivals {
  pause(): void;
  resume(): void;
}

export class NetworkLink {
  private down = false;
  private heldToReplica: (() => void)[] = [];

  /** `fromReplica` is the replica's outgoing delivery, paused along with this link. */
  constructor(private readonly fromReplica: HoldsArrivals) {}

  /** Runs `deliver` now, or after reconnection while the network is down. */
  toReplica(deliver: () => void): void {
    if (this.down) this.heldToReplica.push(deliver);
    else deliver();
  }

  interrupt(): void {
    this.down = true;
    this.fromReplica.pause();
  }

  reconnect(): void {
    this.down = false;
    this.fromReplica.resume();
    const held = this.heldToReplica;
    this.heldToReplica = [];
    for (const deliver of held) deliver();
  }
}

/**
 * `simulateNetworkInterruption()`: daily's `network-connection` `interrupted`, then `connected`
 * after `ms` virtual milliseconds, with messages held meanwhile. Settles on reconnection, or
 * when the session ends first.
 */
export function interruptNetwork(
  session: { network: NetworkLink; scheduler: Scheduler; cleanups: (() => void)[] },
  emit: CallEventSink,
  ms: number,
): Promise<void> {
  return new Promise((resolve) => {
    session.cleanups.push(resolve);
    session.network.interrupt();
    emit('network-connection', { type: 'signaling', event: 'interrupted' });
    session.scheduler.after(ms, () => {
      emit('network-connection', { type: 'signaling', event: 'connected' });
      session.network.reconnect();
      resolve();
    });
  });
}
