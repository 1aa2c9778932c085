/**
 * Replica replies announced by their one-shot `conversation.utterance` and not shown yet.
 *
 * The one-shot replica utterance arrives as the replica starts speaking and holds the whole
 * intended reply, including words never spoken. The first one is the greeting, which comes only
 * this way: it is shown at once. Later ones are held back, so that the bubble grows with the
 * speech instead of showing the whole reply and then shrinking to the first streamed words:
 * streaming, once it comes, shows the reply. A reply that ends normally without streaming means
 * the deployment does not stream, and from then on utterances are shown at once.
 *
 * This class keeps the held replies and that policy; `ReplicaReplies` decides when to show them.
 */
import type { TavusEvent } from './types.js';

/** A reply announced by its one-shot utterance and not shown yet. */
export interface HeldReply {
  event: TavusEvent;
  text: string;
  interrupted: boolean;
}

export class HeldReplies {
  /** By reply key; at most a few at a time. */
  private readonly held = new Map<string, HeldReply>();
  /** The replica has spoken: its utterances from now on are replies, not the greeting. */
  private replicaSeen = false;
  /** Whether this deployment streams replica text (unknown until a reply shows it). */
  private replicaStreams: boolean | undefined;

  /** Whether a one-shot utterance with this reply key waits for its streaming. */
  shouldHold(key: string | undefined): key is string {
    return key !== undefined && this.replicaSeen && this.replicaStreams !== false;
  }

  /** A replica message was shown: later utterances are replies, not the greeting. */
  noteReplicaShown(): void {
    this.replicaSeen = true;
  }

  /** Replica text streamed: this deployment streams. */
  noteStreaming(): void {
    this.replicaStreams = true;
  }

  /** A whole reply was spoken with no streaming: this deployment does not stream. */
  noteSpokenWithoutStreaming(): void {
    this.replicaStreams = false;
  }

  hold(key: string, reply: HeldReply): void {
    this.held.set(key, reply);
  }

  has(key: string): boolean {
    return this.held.has(key);
  }

  get(key: string | undefined): HeldReply | undefined {
    return key === undefined ? undefined : this.held.get(key);
  }

  /** Removes and returns the held reply with this key. */
  take(key: string | undefined): HeldReply | undefined {
    if (key === undefined) return undefined;
    const reply = this.held.get(key);
    this.held.delete(key);
    return reply;
  }

  /** Removes and returns every held reply, oldest first. */
  takeAll(): [string, HeldReply][] {
    if (this.held.size === 0) return [];
    const all = [...this.held];
    this.held.clear();
    return all;
  }

  clear(): void {
    this.held.clear();
    this.replicaSeen = false;
    this.replicaStreams = undefined;
  }
}
