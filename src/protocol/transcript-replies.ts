/**
 * The replica's side of the transcript: streaming reconciliation, one-shot utterances (held until
 * their streaming comes, see `HeldReplies`), and the events that close a reply.
 *
 * Replies are grouped by `inference_id` (else `turn_idx`, else the latest open reply):
 * - `conversation.utterance.streaming` carries the accumulated text: it replaces, never appends;
 *   a lower `content_index` arriving late is ignored, and so is anything after the final message.
 *   The final message of an interrupted reply holds exactly the words spoken and marks the
 *   message `interrupted`.
 * - A held reply is shown as it is when the user speaks before its first words stream (so the
 *   order stays right), when the next turn begins, when the conversation ends, or when it ends
 *   without streaming. It never overwrites streamed text.
 * - `pal` and `replica` twins land on the same bubble, so the second changes nothing.
 * - `replica.stopped_speaking` / `stopped_speaking` finalise the reply (and mark it interrupted
 *   when they say so), in case its final streaming message was lost; `replica_interrupted` marks
 *   it interrupted.
 */
import { HeldReplies, type HeldReply } from './transcript-held-replies.js';
import {
  type Props,
  readIndex,
  readInferenceId,
  readText,
  timestampOf,
  withIds,
} from './transcript-fields.js';
import type { MessageStore, Row, TranscriptMessage } from './transcript-store.js';
import type { TavusEvent } from './types.js';

export class ReplicaReplies {
  /** Latest replica reply that had no inference_id or turn_idx, while it is open. */
  private anonymousReply: Row | undefined;
  /** Replies not final yet: the next turn closes them if their end never arrived. */
  private readonly open = new Set<Row>();
  private readonly held = new HeldReplies();

  constructor(
    private readonly store: MessageStore,
    private readonly now: () => number,
  ) {}

  /** `conversation.utterance.streaming` from the replica. */
  streaming(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    const index = readIndex(props['content_index']);
    const final = props['final'] === true;
    const interrupted = props['is_interrupted'] === true;
    this.held.noteStreaming();
    const row = this.findReply(event);
    if (!row) {
      if (text === undefined || (text === '' && !final)) return false;
      const key = replyKey(event);
      // The reply its utterance announced: it began then, and may have been marked interrupted.
      const held = this.held.take(key);
      const message: TranscriptMessage = {
        id: '',
        role: 'replica',
        text,
        final,
        interrupted: interrupted || (held?.interrupted ?? false),
        timestamp: timestampOf(held?.event ?? event, this.now),
      };
      this.closeOpen();
      const created = this.append(withIds(message, event), key);
      if (!final) this.open.add(created);
      created.streamed = true;
      created.streamFinal = final;
      created.contentIndex = index ?? -1;
      if (!key) this.anonymousReply = created;
      return true;
    }
    // The final message is the last of a reply; anything after it is a late or repeated copy.
    if (row.streamFinal || (index !== undefined && index < row.contentIndex)) return false;
    // An empty or missing text keeps what was shown, unless an interruption says nothing was said.
    const keep = text === undefined || (text === '' && !(final && interrupted));
    row.streamed = true;
    row.streamFinal = final;
    if (index !== undefined) row.contentIndex = index;
    return this.patch(row, {
      text: keep ? row.message.text : text,
      // Once the replica stopped speaking, a late non-final chunk cannot reopen the reply.
      final: final || row.stoppedSpeaking,
      interrupted: row.message.interrupted || interrupted,
    });
  }

  /** The one-shot replica `conversation.utterance`: the whole intended reply. */
  utterance(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    if (!text) return false;
    const key = replyKey(event);
    const known = key ? this.store.has(key) || this.held.has(key) : this.isAnonymousTwin(text);
    if (known) return false;
    const closed = this.closeOpen();
    if (this.held.shouldHold(key)) {
      this.held.hold(key, { event, text, interrupted: props['interrupted'] === true });
      return closed;
    }
    // Shown at once (the greeting, or a deployment that does not stream): final only when the
    // speech ends (streaming final, stopped_speaking) or the next turn begins, so `final` never
    // flips back when streaming takes over.
    const row = this.append(
      withIds(
        {
          id: '',
          role: 'replica',
          text,
          final: false,
          interrupted: props['interrupted'] === true,
          timestamp: timestampOf(event, this.now),
        },
        event,
      ),
      key,
    );
    this.open.add(row);
    if (!key) this.anonymousReply = row;
    return true;
  }

  /** `replica.stopped_speaking`, or the role-agnostic `stopped_speaking` for the replica. */
  stopped(event: TavusEvent, props: Props): boolean {
    const interrupted = props['interrupted'] === true;
    const row = this.findReply(event);
    if (!row) {
      const key = replyKey(event);
      const held = this.held.take(key);
      if (key === undefined || !held) return false;
      if (interrupted) held.interrupted = true;
      // A whole reply spoken with no streaming: this deployment does not stream. (One cut off
      // before its first words says nothing about that.)
      else this.held.noteSpokenWithoutStreaming();
      this.showHeld(key, held, true);
      return true;
    }
    row.stoppedSpeaking = true;
    if (row === this.anonymousReply) this.anonymousReply = undefined;
    return this.patch(row, { final: true, interrupted: row.message.interrupted || interrupted });
  }

  /** `conversation.replica_interrupted`: marks the reply, shown or held, as cut off. */
  interrupted(event: TavusEvent): boolean {
    const row = this.findReply(event);
    if (row) return this.patch(row, { interrupted: true });
    const held = this.held.get(replyKey(event));
    if (held) held.interrupted = true;
    return false;
  }

  /** Shows every held reply (`final` or still open); true when there was one. */
  showAllHeld(final: boolean): boolean {
    const held = this.held.takeAll();
    for (const [key, reply] of held) this.showHeld(key, reply, final);
    return held.length > 0;
  }

  /** Finalises replies whose end was never seen, held ones included; true when one changed. */
  closeOpen(): boolean {
    let changed = this.showAllHeld(true);
    for (const row of [...this.open]) {
      changed = this.patch(row, { final: true }) || changed;
    }
    this.open.clear();
    return changed;
  }

  clear(): void {
    this.open.clear();
    this.held.clear();
    this.anonymousReply = undefined;
  }

  /**
   * Shows a held reply as its whole text, which is all there is without streaming (when it was
   * interrupted, the words never spoken cannot be told apart). `final` when its end was seen;
   * otherwise it stays open, and streaming that still comes replaces the text.
   */
  private showHeld(key: string, held: HeldReply, final: boolean): void {
    const row = this.append(
      withIds(
        {
          id: '',
          role: 'replica',
          text: held.text,
          final,
          interrupted: held.interrupted,
          timestamp: timestampOf(held.event, this.now),
        },
        held.event,
      ),
      key,
    );
    if (final) row.stoppedSpeaking = true;
    else this.open.add(row);
  }

  private append(message: TranscriptMessage, key: string | undefined): Row {
    this.held.noteReplicaShown();
    return this.store.append(message, key);
  }

  private patch(row: Row, changes: Partial<TranscriptMessage>): boolean {
    if (!this.store.patch(row, changes)) return false;
    if (changes.final) this.open.delete(row);
    return true;
  }

  private findReply(event: TavusEvent): Row | undefined {
    const key = replyKey(event);
    if (key) return this.store.get(key);
    const row = this.store.present(this.anonymousReply);
    return row && !row.streamFinal ? row : undefined;
  }

  /** A second one-shot without ids and with the same text is the pal/replica twin. */
  private isAnonymousTwin(text: string): boolean {
    const row = this.store.present(this.anonymousReply);
    return row !== undefined && !row.streamed && row.message.text === text;
  }
}

/** The key a reply is found by: its inference_id, else its turn_idx, else none. */
function replyKey(event: TavusEvent): string | undefined {
  const inferenceId = readInferenceId(event);
  if (inferenceId !== undefined) return `r:${inferenceId}`;
  if (typeof event.turn_idx === 'number') return `rt:${event.turn_idx}`;
  return undefined;
}
