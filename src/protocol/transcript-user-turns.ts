/**
 * The user's side of the transcript. Streaming user text shows live under its `turn_idx` (never
 * final: Tavus' user streaming `final` is unreliable), and the user `conversation.utterance`
 * finalises it. A message typed in the page shows at once; when Tavus echoes the same text
 * (whitespace and case aside) as a user utterance, the echo merges into it. A repeated user
 * utterance (same inference_id and text) is ignored.
 */
import {
  type Props,
  normalize,
  readInferenceId,
  readText,
  timestampOf,
  withIds,
} from './transcript-fields.js';
import type { MessageStore, Row, TranscriptMessage } from './transcript-store.js';
import { TypedEchoes } from './transcript-typed-echo.js';
import type { TavusEvent } from './types.js';

export class UserTurns {
  /** Latest live user row, for user streaming without turn_idx. */
  private liveUser: Row | undefined;
  private readonly typed: TypedEchoes;

  /**
   * @param beforeMessage Runs before a user message is added: a reply already being spoken is
   *   shown above it.
   */
  constructor(
    private readonly store: MessageStore,
    private readonly now: () => number,
    private readonly beforeMessage: () => void,
  ) {
    this.typed = new TypedEchoes(store, now);
  }

  /** A message typed in the page, shown before Tavus echoes it back. */
  addTyped(text: string): TranscriptMessage {
    const now = this.now();
    const row = this.append(
      { id: '', role: 'user', text, final: true, interrupted: false, timestamp: now, typed: true },
      undefined,
    );
    this.typed.add(row, text, now);
    return row.message;
  }

  /** `conversation.utterance.streaming` from the user: a live caption. */
  streaming(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    if (!text) return false;
    const turn = event.turn_idx;
    const row = typeof turn === 'number' ? this.store.get(`u:${turn}`) : this.live();
    if (row) {
      // Once the utterance has finalised this turn, late captions must not reopen it.
      if (row.message.final) return false;
      return this.store.patch(row, { text });
    }
    const created = this.append(
      withIds(
        {
          id: '',
          role: 'user',
          text,
          final: false,
          interrupted: false,
          timestamp: timestampOf(event, this.now),
        },
        event,
      ),
      typeof turn === 'number' ? `u:${turn}` : undefined,
    );
    this.liveUser = created;
    return true;
  }

  /** The user `conversation.utterance`: a finished turn. */
  utterance(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    if (!text || text.trim() === '') return false;
    const inferenceId = readInferenceId(event);
    const finalKey = inferenceId !== undefined ? `uf:${inferenceId}` : undefined;
    const turn = event.turn_idx;
    const timestamp = timestampOf(event, this.now);
    if (finalKey !== undefined) {
      const earlier = this.store.get(finalKey);
      if (earlier && normalize(earlier.message.text) === normalize(text)) return false;
    }

    const typed = this.typed.take(text);
    if (typed) {
      const changes: Partial<TranscriptMessage> = {};
      if (inferenceId !== undefined) changes.inference_id = inferenceId;
      if (typeof turn === 'number') changes.turn_idx = turn;
      if (event.timestamp !== undefined) changes.timestamp = timestamp;
      this.store.addKey(typed, finalKey);
      return this.store.patch(typed, changes);
    }

    const live = typeof turn === 'number' ? this.store.get(`u:${turn}`) : this.live();
    if (live && !live.message.final) {
      if (live === this.liveUser) this.liveUser = undefined;
      this.store.addKey(live, finalKey);
      const changes: Partial<TranscriptMessage> = { text, final: true };
      if (inferenceId !== undefined) changes.inference_id = inferenceId;
      return this.store.patch(live, changes);
    }

    const row = this.append(
      withIds({ id: '', role: 'user', text, final: true, interrupted: false, timestamp }, event),
      typeof turn === 'number' ? `u:${turn}` : undefined,
    );
    this.store.addKey(row, finalKey);
    return true;
  }

  clear(): void {
    this.liveUser = undefined;
    this.typed.clear();
  }

  /** The live user row without turn_idx, while it is still in the window. */
  private live(): Row | undefined {
    return this.store.present(this.liveUser);
  }

  private append(message: TranscriptMessage, key: string | undefined): Row {
    this.beforeMessage();
    return this.store.append(message, key);
  }
}
