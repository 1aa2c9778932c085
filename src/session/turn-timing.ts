import type { TavusEvent } from '../protocol/types.js';

/** How long the replica took to answer one of the visitor's turns. */
export interface TurnMetric {
  ms: number;
  /** The visitor's turns answered so far, this one included. */
  turnIndex: number;
  trigger: 'speech' | 'respond';
}

/** When something happened: on the session's clock, and on Tavus' clock when the event said. */
interface Moment {
  at: number;
  /** Unix seconds, from the event's `timestamp`. */
  stamp: number | undefined;
}

/**
 * Follows the turns: the visitor's turn ends (they stop speaking, or typed text goes out), the
 * replica thinks, then says its first word. Says whether the replica is thinking now, and how long
 * each answer took: from Tavus' own timestamps when both ends carry one (no network delay in
 * it), else from when the events arrived.
 */
export class TurnTiming {
  thinking = false;
  private since: Moment | null = null;
  private trigger: TurnMetric['trigger'] = 'speech';
  private answered = 0;

  constructor(private readonly now: () => number) {}

  /** Typed text was sent: the visitor's turn is over. */
  responded(): void {
    this.wait({ at: this.now(), stamp: undefined }, 'respond');
  }

  /**
   * Reads one Tavus event. Returns the answer's metric when this event is the replica's first
   * word after the visitor's turn; `thinking` may have changed either way.
   */
  observe(event: TavusEvent): TurnMetric | null {
    const type = event.event_type;
    const role = roleOf(event);
    const moment = { at: this.now(), stamp: stampOf(event) };
    if (isSpeaking(type, 'stopped') && role === 'user') {
      this.wait(moment, 'speech');
      return null;
    }
    if (isSpeaking(type, 'started') && role === 'user') {
      // The visitor goes on talking: their turn is not over yet.
      this.since = null;
      this.thinking = false;
      return null;
    }
    if (!this.since || !isFirstWord(type, role)) return null;
    const since = this.since;
    this.since = null;
    this.thinking = false;
    const ms =
      since.stamp !== undefined && moment.stamp !== undefined
        ? (moment.stamp - since.stamp) * 1000
        : moment.at - since.at;
    this.answered++;
    return { ms: Math.max(0, Math.round(ms)), turnIndex: this.answered, trigger: this.trigger };
  }

  private wait(moment: Moment, trigger: TurnMetric['trigger']): void {
    this.since = moment;
    this.trigger = trigger;
    this.thinking = true;
  }
}

function roleOf(event: TavusEvent): 'user' | 'replica' | undefined {
  const type = event.event_type;
  if (type.startsWith('conversation.user.')) return 'user';
  if (type.startsWith('conversation.replica.')) return 'replica';
  const role = event.properties?.['role'];
  if (role === 'user') return 'user';
  return role === 'replica' || role === 'pal' ? 'replica' : undefined;
}

function isSpeaking(type: string, edge: 'started' | 'stopped'): boolean {
  return type.endsWith(`${edge}_speaking`);
}

/** The replica begins to answer: it starts speaking, or its reply's first words stream in. */
function isFirstWord(type: string, role: string | undefined): boolean {
  if (role !== 'replica') return false;
  return (
    isSpeaking(type, 'started') ||
    type === 'conversation.utterance.streaming' ||
    type === 'conversation.utterance'
  );
}

function stampOf(event: TavusEvent): number | undefined {
  const stamp = (event as { timestamp?: unknown }).timestamp;
  return typeof stamp === 'number' && Number.isFinite(stamp) ? stamp : undefined;
}
