/**
 * The simulated network between the page and the replica. During a signalling outage messages
 * in both directions wait and arrive, in order, once the connection is back: that is what a
 * client sees from daily-js after a short drop, and what its reordering and retries must survive.
 * Its quality is what daily-js reports in `network-quality-change` and `getNetworkStats()`.
 */
import type { DailyNetworkStats } from '@daily-co/daily-js';
import type { CallEventSink } from './emitter.js';
import type { Scheduler } from './scheduler.js';

export interface HoldsArrivals {
  pause(): void;
  resume(): void;
}

/** daily's (deprecated but still sent) `threshold`: how the connection is doing. */
export type NetworkThreshold = 'good' | 'low' | 'very-low';

/** The rest of daily's quality report for each threshold, with a typical `quality` (0–100). */
const QUALITY: Record<NetworkThreshold, Omit<DailyNetworkStats, 'threshold' | 'stats'>> = {
  good: { networkState: 'good', networkStateReasons: [], quality: 100 },
  low: { networkState: 'warning', networkStateReasons: ['roundTripTime'], quality: 55 },
  'very-low': {
    networkState: 'bad',
    networkStateReasons: ['recvPacketLoss', 'roundTripTime'],
    quality: 15,
  },
};

/** What daily-js reports before a call is connected. */
export const UNKNOWN_NETWORK: DailyNetworkStats = {
  networkState: 'unknown',
  networkStateReasons: [],
  stats: {},
  threshold: 'good',
  quality: 100,
};

export class NetworkLink {
  private down = false;
  private heldToReplica: (() => void)[] = [];
  private quality: DailyNetworkStats = { ...QUALITY.good, threshold: 'good', stats: {} };

  /** `fromReplica` is the replica's outgoing delivery, paused along with this link. */
  constructor(private readonly fromReplica: HoldsArrivals) {}

  /** Runs `deliver` now, or after reconnection while the network is down. */
  toReplica(deliver: () => void): void {
    if (this.down) this.heldToReplica.push(deliver);
    else deliver();
  }

  /** daily's `getNetworkStats()` (the detailed `stats` are left empty). */
  stats(): DailyNetworkStats {
    return { ...this.quality, networkStateReasons: [...this.quality.networkStateReasons] };
  }

  /** Sets the quality; `quality` overrides the threshold's typical value. */
  setQuality(threshold: NetworkThreshold, quality?: number): DailyNetworkStats {
    const typical = QUALITY[threshold];
    this.quality = {
      ...typical,
      threshold,
      stats: {},
      quality: quality === undefined ? typical.quality : Math.min(100, Math.max(0, quality)),
    };
    return this.stats();
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
