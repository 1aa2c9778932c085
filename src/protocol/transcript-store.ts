/**
 * The storage under `Transcript`: the window of messages (oldest dropped past `maxMessages`), the
 * keys that find a message again (reply key, user turn, user inference_id), and immutable
 * updates. It knows nothing about Tavus events; the reconcilers decide what to store.
 */

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

/** Mutable bookkeeping behind one message. */
export interface Row {
  /** Position counted from the first message since `clear()`; see `isPresent`. */
  pos: number;
  message: TranscriptMessage;
  /** Entries of the key index that point at this row, removed with it. */
  keys: string[];
  /** Highest `content_index` applied (-1: none). */
  contentIndex: number;
  /** Replica text comes from streaming (a one-shot utterance may no longer change it). */
  streamed: boolean;
  /** The final streaming message was applied. */
  streamFinal: boolean;
  /** A stopped_speaking event closed this reply. */
  stoppedSpeaking: boolean;
}

export class MessageStore {
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

  constructor(private readonly maxMessages: number) {}

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

  /** Adds a message at the end, dropping the oldest past `maxMessages`. */
  append(message: TranscriptMessage, key?: string): Row {
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

  /** The row a key points at (only rows still in the window are indexed). */
  get(key: string): Row | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Points a key at this row; the row it pointed at before loses it. */
  addKey(row: Row, key: string | undefined): void {
    if (key === undefined) return;
    const previous = this.byKey.get(key);
    if (previous && previous !== row) previous.keys = previous.keys.filter((k) => k !== key);
    this.byKey.set(key, row);
    row.keys.push(key);
  }

  /** The row is still in the window (not dropped by `maxMessages`, not from before `clear()`). */
  isPresent(row: Row): boolean {
    return row.pos >= this.dropped && this.rows[this.head + row.pos - this.dropped] === row;
  }

  /** The row if it is still in the window: a reference kept elsewhere may outlive its message. */
  present(row: Row | undefined): Row | undefined {
    return row !== undefined && this.isPresent(row) ? row : undefined;
  }

  /** Applies changes to one message; returns false when nothing actually differs. */
  patch(row: Row, changes: Partial<TranscriptMessage>): boolean {
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
    row.message = { ...current, ...changes };
    this.snapshot = undefined;
    return true;
  }

  clear(): void {
    this.snapshot = [];
    this.rows = [];
    this.head = 0;
    this.byKey.clear();
    this.dropped = 0;
    this.nextPos = 0;
  }

  private forget(row: Row): void {
    for (const key of row.keys) if (this.byKey.get(key) === row) this.byKey.delete(key);
  }
}
