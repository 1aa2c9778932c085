import { Sequencer, type Clock } from './sequencer.js';
import type { TavusEvent } from './types.js';
import { validateMessage } from './validate.js';

export interface EventPipelineOptions {
  /** Messages for another conversation are rejected; may be set later with `setConversationId`. */
  conversationId?: string;
  windowMs?: number;
  clock?: Clock;
  dedupeCapacity?: number;
  /** Every valid event, deduplicated and in `seq` order. */
  onEvent: (event: TavusEvent) => void;
  /** Messages ignored, with a short reason for debug logs. */
  onRejected?: (reason: string, raw: unknown) => void;
  /** What `onEvent` threw (see `SequencerOptions.onError`). */
  onError?: (error: unknown) => void;
}

export interface EventPipeline {
  /**
   * Feeds one app-message `data` (object or JSON string). Whether its sender is the replica is
   * decided before it gets here, by whoever knows the call's participants.
   */
  receive(raw: unknown): void;
  /** The conversation id becomes known after join; `undefined` accepts any. */
  setConversationId(conversationId: string | undefined): void;
  /** Delivers every held event now (e.g. when the call ends). */
  flush(): void;
  /** Stops everything; nothing is delivered afterwards. */
  dispose(): void;
  /** Events held back waiting for a gap in `seq` to fill. */
  readonly pending: number;
}

/** validate (with the conversation id) → reorder and deduplicate → `onEvent`. */
export function createEventPipeline(options: EventPipelineOptions): EventPipeline {
  let conversationId = options.conversationId;
  const validateOptions: { conversationId?: string } = {};
  const sequencer = new Sequencer<TavusEvent>({
    deliver: options.onEvent,
    ...(options.windowMs !== undefined && { windowMs: options.windowMs }),
    ...(options.clock !== undefined && { clock: options.clock }),
    ...(options.dedupeCapacity !== undefined && { dedupeCapacity: options.dedupeCapacity }),
    ...(options.onError !== undefined && { onError: options.onError }),
  });
  const rejected = (reason: string, raw: unknown): void => {
    try {
      options.onRejected?.(reason, raw);
    } catch {
      // A failing debug logger must not break the message flow.
    }
  };

  return {
    receive(raw) {
      if (conversationId) validateOptions.conversationId = conversationId;
      else delete validateOptions.conversationId;
      const result = validateMessage(raw, validateOptions);
      if (!result.ok) return rejected(result.reason, raw);
      sequencer.push(result.event, result.key);
    },
    setConversationId(id) {
      conversationId = id;
    },
    flush: () => sequencer.flush(),
    dispose: () => sequencer.dispose(),
    get pending() {
      return sequencer.pending;
    },
  };
}
