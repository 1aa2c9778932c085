/**
 * The event emitter of the simulated call. daily-js' call object is an EventEmitter whose `on`
 * and `off` return the call object; a listener that throws is reported and does not stop the
 * other listeners or the call, so the same holds here.
 */
import type { DailyEventHandler } from '../call/daily-like.js';

/** A listener as daily-js takes it (the payload shape depends on the event name). */
export type Listener = DailyEventHandler;

export class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): void {
    const list = this.listeners.get(name);
    if (list) list.push(listener);
    else this.listeners.set(name, [listener]);
  }

  off(name: string, listener: Listener): void {
    const list = this.listeners.get(name);
    if (!list) return;
    // Like Node's EventEmitter: remove the most recently added registration of that listener.
    const index = list.lastIndexOf(listener);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.listeners.delete(name);
  }

  /** Calls every listener of `name` with `event`. */
  emit(name: string, event: Record<string, unknown>): void {
    const list = this.listeners.get(name);
    if (!list) return;
    // Copy: a listener may add or remove listeners while we iterate.
    for (const listener of [...list]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[tavus simulator] a '${name}' listener threw:`, error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Emits one daily event of the simulated call (the call adds `action` and `callClientId`). */
export type CallEventSink = (name: string, payload: Record<string, unknown>) => void;
