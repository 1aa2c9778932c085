import { EVENT_TYPES } from './event-names.js';
import { roleOf } from './transcript-fields.js';
import { ReplicaReplies } from './transcript-replies.js';
import { MessageStore, type TranscriptMessage } from './transcript-store.js';
import { UserTurns } from './transcript-user-turns.js';
import type { TavusEvent } from './types.js';

export type { TranscriptMessage } from './transcript-store.js';
export { TYPED_ECHO_WINDOW_MS } from './transcript-typed-echo.js';

export interface TranscriptOptions {
  /** Keep at most this many messages, dropping the oldest (default: no limit). */
  maxMessages?: number;
  /** Time source for messages whose event carries no timestamp (default `Date.now`). */
  now?: () => number;
}

/**
 * Reconciles Tavus events into the transcript a person reads (protocol.md §4.1, §4.2, §6, §7).
 * Events must be applied in `seq` order (the sequencer's output).
 *
 * Replica replies (`ReplicaReplies`, transcript-replies.ts) follow streaming, which replaces the
 * text rather than appending to it and marks a reply cut short `interrupted`; a one-shot reply
 * utterance is shown at once only for the greeting or a deployment that does not stream, and held
 * otherwise until its words stream (`HeldReplies`). `pal` and `replica` twins show once. User
 * turns (`UserTurns`, transcript-user-turns.ts) show live captions, and a message typed in the
 * page merges with Tavus' echo of it.
 *
 * Updates are immutable: after a change `messages` is a new array (built when read), a changed
 * message is a new object, and untouched messages keep their identity.
 */
export class Transcript {
  private readonly store: MessageStore;
  private readonly replies: ReplicaReplies;
  private readonly users: UserTurns;

  constructor(options: TranscriptOptions = {}) {
    const max = options.maxMessages ?? Infinity;
    if (!(max >= 1)) throw new RangeError('Transcript: maxMessages must be at least 1');
    const now = options.now ?? Date.now;
    this.store = new MessageStore(max);
    this.replies = new ReplicaReplies(this.store, now);
    // A user message goes below a reply already being spoken: show that reply first, still open.
    this.users = new UserTurns(this.store, now, () => this.replies.showAllHeld(false));
  }

  /**
   * The messages, oldest first. A new array after every change, built when read: a burst of
   * events between two renders costs one copy, not one per event.
   */
  get messages(): readonly TranscriptMessage[] {
    return this.store.messages;
  }

  /**
   * Applies one event; returns true when `messages` changed. Unrelated events are ignored, and so
   * is an event that cannot be read (a throwing getter from in-page code): every handler reads
   * all it needs before it changes anything, so such an event leaves no half-applied state.
   */
  apply(event: TavusEvent): boolean {
    try {
      return this.applyEvent(event);
    } catch {
      return false;
    }
  }

  /** Shows a message the user typed, before Tavus echoes it back. */
  addTypedUserMessage(text: string): TranscriptMessage {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new TypeError('addTypedUserMessage(text): text must be a non-empty string');
    }
    return this.users.addTyped(text);
  }

  /**
   * The conversation is over: every reply still open becomes final, and one announced but never
   * streamed is shown. Returns true when `messages` changed.
   */
  finish(): boolean {
    return this.replies.closeOpen();
  }

  clear(): void {
    this.store.clear();
    this.replies.clear();
    this.users.clear();
  }

  private applyEvent(event: TavusEvent): boolean {
    const props = event.properties ?? {};
    switch (event.event_type) {
      case EVENT_TYPES.UTTERANCE_STREAMING: {
        const role = roleOf(props);
        if (role === 'user') return this.users.streaming(event, props);
        if (role === 'replica') return this.replies.streaming(event, props);
        return false;
      }
      case EVENT_TYPES.UTTERANCE: {
        const role = roleOf(props);
        if (role === 'user') {
          // A user's finished turn means every earlier reply is over, whatever was lost.
          const closed = this.replies.closeOpen();
          return this.users.utterance(event, props) || closed;
        }
        if (role === 'replica') return this.replies.utterance(event, props);
        return false;
      }
      case EVENT_TYPES.REPLICA_STOPPED_SPEAKING:
        return this.replies.stopped(event, props);
      case EVENT_TYPES.STOPPED_SPEAKING:
        return roleOf(props) === 'replica' ? this.replies.stopped(event, props) : false;
      case EVENT_TYPES.REPLICA_INTERRUPTED:
        return this.replies.interrupted(event);
      default:
        return false;
    }
  }
}
