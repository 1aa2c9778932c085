import type { TavusEvent } from './types.js';

/** One bubble of the reconciled transcript. Immutable: a change yields a new object. */
export interface TranscriptMessage {
  /** Stable for the life of the message; use it as the key of a keyed repeat. */
  id: string;
  role: 'user' | 'replica';
  text: string;
  /** False while the text may still change (live user caption, replica reply being spoken). */
  final: boolean;
  /** The replica was cut off; `text` is then what was actually said. */
  interrupted: boolean;
  inference_id?: string;
  turn_idx?: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** Typed in the page's composer (sent as `conversation.respond`). */
  typed?: boolean;
}

export interface TranscriptOptions {
  /** Keep at most this many messages, dropping the oldest (default: no limit). */
  maxMessages?: number;
  /** Time source for messages whose event carries no timestamp (default `Date.now`). */
  now?: () => number;
}

/** A typed message is matched with Tavus' echo of it only within this time. */
export const TYPED_ECHO_WINDOW_MS = 60_000;
const MAX_PENDING_TYPED = 20;

/** Mutable bookkeeping behind one message. */
interface Row {
  /** Position counted from the first message since `clear()`; see `isPresent`. */
  pos: number;
  message: TranscriptMessage;
  /** Entries of `byKey` that point at this row, removed with it. */
  keys: string[];
  /** Highest `content_index` applied (-1: none). */
  contentIndex: number;
  /** Replica text comes from streaming (a one-shot utterance may no longer change it). */
  streamed: boolean;
  /** The final streaming message was applied. */
  streamFinal: boolean;
  /** A stopped_speaking event closed this reply. */
  stoppedSpeaking: boolean;
  /** Normalised text, for matching a typed message with its echo. */
  typedKey?: string;
  typedAt?: number;
}

type Props = Record<string, unknown>;

/** A reply announced by its one-shot utterance and not shown yet (see `replicaUtterance`). */
interface HeldReply {
  event: TavusEvent;
  text: string;
  interrupted: boolean;
}

/**
 * Reconciles Tavus events into the transcript a person reads (protocol.md §4.1, §4.2, §6, §7).
 * Events must be applied in `seq` order (the sequencer's output).
 *
 * Replica replies are grouped by `inference_id` (else `turn_idx`, else the latest open reply):
 * - `conversation.utterance.streaming` carries the accumulated text: it replaces, never appends;
 *   a lower `content_index` arriving late is ignored, and so is anything after the final message.
 *   The final message of an interrupted reply holds exactly the words spoken and marks the
 *   message `interrupted`.
 * - The one-shot replica `conversation.utterance` arrives as the replica starts speaking and holds
 *   the whole intended reply, including words never spoken. The first one is the greeting, which
 *   comes only this way: it is shown at once. Later ones are held back, so that the bubble grows
 *   with the speech instead of showing the whole reply and then shrinking to the first streamed
 *   words: streaming, once it comes, shows the reply. A held reply is shown as it is when the
 *   user speaks before its first words stream (so the order stays right), when the next turn
 *   begins, when the conversation ends (`finish()`), or when it ends without streaming; a reply
 *   that ends normally without streaming means the deployment does not stream, and from then on
 *   utterances are shown at once. It never overwrites streamed text.
 * - `pal` and `replica` twins land on the same bubble, so the second changes nothing.
 * - `replica.stopped_speaking` / `stopped_speaking` finalise the reply (and mark it interrupted
 *   when they say so), in case its final streaming message was lost; `replica_interrupted` marks
 *   it interrupted.
 *
 * User turns: streaming user text shows live under its `turn_idx` (never final: Tavus' user
 * streaming `final` is unreliable), and the user `conversation.utterance` finalises it. A message
 * from `addTypedUserMessage` shows at once; when Tavus echoes the same text (whitespace and case
 * aside) as a user utterance, the echo merges into it. A repeated user utterance (same
 * inference_id and text) is ignored.
 *
 * Updates are immutable: after a change `messages` is a new array (built when read), a changed
 * message is a new object, and untouched messages keep their identity.
 */
export class Transcript {
  /** Rows from index `head` on are the messages, oldest first (dropping just moves `head`). */
  private rows: Row[] = [];
  private head = 0;
  /** Messages dropped by `maxMessages` since `clear()`: the position of `rows[head]`. */
  private dropped = 0;
  /** The array `messages` returns, built on first read after a change. */
  private snapshot: readonly TranscriptMessage[] | undefined = [];
  private nextPos = 0;
  private nextId = 1;
  private readonly byKey = new Map<string, Row>();
  /** Latest replica reply that had no inference_id or turn_idx, while it is open. */
  private anonymousReply: Row | undefined;
  /** Latest live user row, for user streaming without turn_idx. */
  private liveUser: Row | undefined;
  private pendingTyped: Row[] = [];
  /** Replica replies not final yet: the next turn closes them if their end never arrived. */
  private openReplies = new Set<Row>();
  /** One-shot replica utterances waiting for their streaming, by reply key (at most a few). */
  private readonly held = new Map<string, HeldReply>();
  /** The replica has spoken: its utterances from now on are replies, not the greeting. */
  private replicaSeen = false;
  /** Whether this deployment streams replica text (unknown until a reply shows it). */
  private replicaStreams: boolean | undefined;
  private readonly maxMessages: number;
  private readonly now: () => number;

  constructor(options: TranscriptOptions = {}) {
    const max = options.maxMessages ?? Infinity;
    if (!(max >= 1)) throw new RangeError('Transcript: maxMessages must be at least 1');
    this.maxMessages = max;
    this.now = options.now ?? Date.now;
  }

  /**
   * The messages, oldest first. A new array after every change, built when read: a burst of
   * events between two renders costs one copy, not one per event.
   */
  get messages(): readonly TranscriptMessage[] {
    if (this.snapshot === undefined) {
      const rows = this.rows.length > this.head ? this.rows.slice(this.head) : [];
      this.snapshot = rows.map((row) => row.message);
    }
    return this.snapshot;
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

  private applyEvent(event: TavusEvent): boolean {
    const props = (event.properties ?? {}) as Props;
    switch (event.event_type) {
      case 'conversation.utterance.streaming': {
        const role = roleOf(props);
        if (role === 'user') return this.userStreaming(event, props);
        if (role === 'replica') return this.replicaStreaming(event, props);
        return false;
      }
      case 'conversation.utterance': {
        const role = roleOf(props);
        if (role === 'user') {
          // A user's finished turn means every earlier reply is over, whatever was lost.
          const closed = this.closeOpenReplies();
          return this.userUtterance(event, props) || closed;
        }
        if (role === 'replica') return this.replicaUtterance(event, props);
        return false;
      }
      case 'conversation.replica.stopped_speaking':
        return this.replicaStopped(event, props);
      case 'conversation.stopped_speaking':
        return roleOf(props) === 'replica' ? this.replicaStopped(event, props) : false;
      case 'conversation.replica_interrupted': {
        const row = this.findReply(event);
        if (row) return this.patch(row, { interrupted: true });
        const held = this.heldReply(event);
        if (held) held.interrupted = true;
        return false;
      }
      default:
        return false;
    }
  }

  /** Shows a message the user typed, before Tavus echoes it back. */
  addTypedUserMessage(text: string): TranscriptMessage {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new TypeError('addTypedUserMessage(text): text must be a non-empty string');
    }
    const now = this.now();
    const row = this.append({
      id: '',
      role: 'user',
      text,
      final: true,
      interrupted: false,
      timestamp: now,
      typed: true,
    });
    row.typedKey = normalize(text);
    row.typedAt = now;
    this.pendingTyped.push(row);
    if (this.pendingTyped.length > MAX_PENDING_TYPED) this.pendingTyped.shift();
    return row.message;
  }

  clear(): void {
    this.snapshot = [];
    this.rows = [];
    this.head = 0;
    this.byKey.clear();
    this.pendingTyped = [];
    this.openReplies.clear();
    this.held.clear();
    this.replicaSeen = false;
    this.replicaStreams = undefined;
    this.anonymousReply = undefined;
    this.liveUser = undefined;
    this.dropped = 0;
    this.nextPos = 0;
  }

  // --- replica --------------------------------------------------------------------------------

  private replicaStreaming(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    const index = readIndex(props['content_index']);
    const final = props['final'] === true;
    const interrupted = props['is_interrupted'] === true;
    this.replicaStreams = true;
    const row = this.findReply(event);
    if (!row) {
      if (text === undefined || (text === '' && !final)) return false;
      const key = this.replyKey(event);
      // The reply its utterance announced: it began then, and may have been marked interrupted.
      const held = key === undefined ? undefined : this.held.get(key);
      if (held) this.held.delete(key!);
      const message: TranscriptMessage = {
        id: '',
        role: 'replica',
        text,
        final,
        interrupted: interrupted || (held?.interrupted ?? false),
        timestamp: this.timestampOf(held?.event ?? event),
      };
      this.closeOpenReplies();
      const created = this.append(withIds(message, event), key);
      if (!final) this.openReplies.add(created);
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

  private replicaUtterance(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    if (!text) return false;
    const key = this.replyKey(event);
    if (key ? this.byKey.has(key) || this.held.has(key) : this.isAnonymousTwin(text)) return false;
    const closed = this.closeOpenReplies();
    if (key !== undefined && this.replicaSeen && this.replicaStreams !== false) {
      this.held.set(key, { event, text, interrupted: props['interrupted'] === true });
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
          timestamp: this.timestampOf(event),
        },
        event,
      ),
      key,
    );
    this.openReplies.add(row);
    if (!key) this.anonymousReply = row;
    return true;
  }

  private replicaStopped(event: TavusEvent, props: Props): boolean {
    const interrupted = props['interrupted'] === true;
    const row = this.findReply(event);
    if (!row) {
      const key = this.replyKey(event);
      const held = key === undefined ? undefined : this.held.get(key);
      if (key === undefined || !held) return false;
      this.held.delete(key);
      if (interrupted) held.interrupted = true;
      // A whole reply spoken with no streaming: this deployment does not stream. (One cut off
      // before its first words says nothing about that.)
      else this.replicaStreams = false;
      this.showHeld(key, held, true);
      return true;
    }
    row.stoppedSpeaking = true;
    if (row === this.anonymousReply) this.anonymousReply = undefined;
    return this.patch(row, { final: true, interrupted: row.message.interrupted || interrupted });
  }

  /** The held utterance of this event's reply, if any. */
  private heldReply(event: TavusEvent): HeldReply | undefined {
    const key = this.replyKey(event);
    return key === undefined ? undefined : this.held.get(key);
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
          timestamp: this.timestampOf(held.event),
        },
        held.event,
      ),
      key,
    );
    if (final) row.stoppedSpeaking = true;
    else this.openReplies.add(row);
  }

  /** Shows every held reply; true when there was one. */
  private showAllHeld(final: boolean): boolean {
    if (this.held.size === 0) return false;
    const held = [...this.held];
    this.held.clear();
    for (const [key, reply] of held) this.showHeld(key, reply, final);
    return true;
  }

  /**
   * The conversation is over: every reply still open becomes final, and one announced but never
   * streamed is shown. Returns true when `messages` changed.
   */
  finish(): boolean {
    return this.closeOpenReplies();
  }

  private replyKey(event: TavusEvent): string | undefined {
    const inferenceId = readInferenceId(event);
    if (inferenceId !== undefined) return `r:${inferenceId}`;
    if (typeof event.turn_idx === 'number') return `rt:${event.turn_idx}`;
    return undefined;
  }

  private findReply(event: TavusEvent): Row | undefined {
    const key = this.replyKey(event);
    if (key) return this.byKey.get(key);
    const row = this.anonymousReply;
    return row && !row.streamFinal ? row : undefined;
  }

  /** A second one-shot without ids and with the same text is the pal/replica twin. */
  private isAnonymousTwin(text: string): boolean {
    const row = this.anonymousReply;
    return row !== undefined && !row.streamed && row.message.text === text;
  }

  // --- user -----------------------------------------------------------------------------------

  private userStreaming(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    if (!text) return false;
    const turn = event.turn_idx;
    const row = typeof turn === 'number' ? this.byKey.get(`u:${turn}`) : this.liveUser;
    if (row) {
      // Once the utterance has finalised this turn, late captions must not reopen it.
      if (row.message.final) return false;
      return this.patch(row, { text });
    }
    const created = this.append(
      withIds(
        {
          id: '',
          role: 'user',
          text,
          final: false,
          interrupted: false,
          timestamp: this.timestampOf(event),
        },
        event,
      ),
      typeof turn === 'number' ? `u:${turn}` : undefined,
    );
    this.liveUser = created;
    return true;
  }

  private userUtterance(event: TavusEvent, props: Props): boolean {
    const text = readText(props);
    if (!text || text.trim() === '') return false;
    const inferenceId = readInferenceId(event);
    const turn = event.turn_idx;
    const timestamp = this.timestampOf(event);
    const hasTimestamp = event.timestamp !== undefined;
    if (inferenceId !== undefined) {
      const earlier = this.byKey.get(`uf:${inferenceId}`);
      if (earlier && normalize(earlier.message.text) === normalize(text)) return false;
    }

    const typed = this.pendingTyped.length > 0 ? this.takeTyped(normalize(text)) : undefined;
    if (typed) {
      const changes: Partial<TranscriptMessage> = {};
      if (inferenceId !== undefined) changes.inference_id = inferenceId;
      if (typeof turn === 'number') changes.turn_idx = turn;
      if (hasTimestamp) changes.timestamp = timestamp;
      this.addKey(typed, inferenceId !== undefined ? `uf:${inferenceId}` : undefined);
      return this.patch(typed, changes);
    }

    const live = typeof turn === 'number' ? this.byKey.get(`u:${turn}`) : this.liveUser;
    if (live && !live.message.final) {
      if (live === this.liveUser) this.liveUser = undefined;
      this.addKey(live, inferenceId !== undefined ? `uf:${inferenceId}` : undefined);
      const changes: Partial<TranscriptMessage> = { text, final: true };
      if (inferenceId !== undefined) changes.inference_id = inferenceId;
      return this.patch(live, changes);
    }

    const row = this.append(
      withIds(
        {
          id: '',
          role: 'user',
          text,
          final: true,
          interrupted: false,
          timestamp,
        },
        event,
      ),
      typeof turn === 'number' ? `u:${turn}` : undefined,
    );
    this.addKey(row, inferenceId !== undefined ? `uf:${inferenceId}` : undefined);
    return true;
  }

  /** Removes and returns the oldest pending typed message with this text, if still recent. */
  private takeTyped(normalized: string): Row | undefined {
    const now = this.now();
    this.pendingTyped = this.pendingTyped.filter(
      (row) => now - (row.typedAt ?? 0) <= TYPED_ECHO_WINDOW_MS && this.isPresent(row),
    );
    const index = this.pendingTyped.findIndex((row) => row.typedKey === normalized);
    if (index < 0) return undefined;
    return this.pendingTyped.splice(index, 1)[0];
  }

  // --- storage --------------------------------------------------------------------------------

  private append(message: TranscriptMessage, key?: string): Row {
    if (message.role === 'replica') this.replicaSeen = true;
    // A user message goes below a reply already being spoken: show it first, still open.
    else this.showAllHeld(false);
    // Every caller hands over a fresh object, not yet published: stamp it instead of copying it.
    message.id = `m${this.nextId++}`;
    const row: Row = {
      pos: this.nextPos++,
      message,
      keys: [],
      contentIndex: -1,
      streamed: false,
      streamFinal: false,
      stoppedSpeaking: false,
    };
    this.addKey(row, key);
    this.rows.push(row);
    const excess = this.rows.length - this.head - this.maxMessages;
    for (let i = 0; i < excess; i++) this.forget(this.rows[this.head + i]!);
    if (excess > 0) {
      this.head += excess;
      this.dropped += excess;
      // Compact now and then, so that dropping stays O(1) on average.
      if (this.head > 1024 && this.head * 2 > this.rows.length) {
        this.rows = this.rows.slice(this.head);
        this.head = 0;
      }
    }
    this.snapshot = undefined;
    return row;
  }

  private addKey(row: Row, key: string | undefined): void {
    if (key === undefined) return;
    const previous = this.byKey.get(key);
    if (previous && previous !== row) previous.keys = previous.keys.filter((k) => k !== key);
    this.byKey.set(key, row);
    row.keys.push(key);
  }

  private forget(row: Row): void {
    for (const key of row.keys) if (this.byKey.get(key) === row) this.byKey.delete(key);
    if (this.anonymousReply === row) this.anonymousReply = undefined;
    if (this.liveUser === row) this.liveUser = undefined;
  }

  private isPresent(row: Row): boolean {
    return row.pos >= this.dropped && this.rows[this.head + row.pos - this.dropped] === row;
  }

  /** Finalises replies whose end was never seen, held ones included; true when one changed. */
  private closeOpenReplies(): boolean {
    let changed = this.showAllHeld(true);
    for (const row of [...this.openReplies]) {
      changed = this.patch(row, { final: true }) || changed;
    }
    this.openReplies.clear();
    return changed;
  }

  /** Applies changes to one message; returns false when nothing actually differs. */
  private patch(row: Row, changes: Partial<TranscriptMessage>): boolean {
    const current = row.message;
    let differs = false;
    // for…in over the few changed fields: no key array per call (this runs for most events).
    for (const name in changes) {
      if (current[name as keyof TranscriptMessage] !== changes[name as keyof TranscriptMessage]) {
        differs = true;
        break;
      }
    }
    if (!differs || !this.isPresent(row)) return false;
    if (changes.final) this.openReplies.delete(row);
    row.message = { ...current, ...changes };
    this.snapshot = undefined;
    return true;
  }

  private timestampOf(event: TavusEvent): number {
    const value = event.timestamp;
    if (typeof value === 'number' && Number.isFinite(value)) {
      // Tavus sends Unix seconds; a value this large can only already be milliseconds.
      return value > 1e11 ? value : Math.round(value * 1000);
    }
    if (typeof value === 'string') {
      const parsed = Date.parse(value);
      if (Number.isFinite(parsed)) return parsed;
    }
    return this.now();
  }
}

function roleOf(props: Props): 'user' | 'replica' | undefined {
  const role = props['role'];
  if (role === 'user') return 'user';
  if (role === 'pal' || role === 'replica') return 'replica';
  return undefined;
}

/** Text of an utterance: `speech` as documented, then the drifted `text` and `content`. */
function readText(props: Props): string | undefined {
  // Spelled out rather than looped over a list: this runs for nearly every event.
  const speech = props['speech'];
  if (typeof speech === 'string') return speech;
  const text = props['text'];
  if (typeof text === 'string') return text;
  const content = props['content'];
  return typeof content === 'string' ? content : undefined;
}

function readInferenceId(event: TavusEvent): string | undefined {
  if (typeof event.inference_id === 'string' && event.inference_id !== '')
    return event.inference_id;
  const nested = event.properties?.['inference_id'];
  return typeof nested === 'string' && nested !== '' ? nested : undefined;
}

function readIndex(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function withIds(message: TranscriptMessage, event: TavusEvent): TranscriptMessage {
  const inferenceId = readInferenceId(event);
  if (inferenceId !== undefined) message.inference_id = inferenceId;
  if (typeof event.turn_idx === 'number') message.turn_idx = event.turn_idx;
  return message;
}

function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
