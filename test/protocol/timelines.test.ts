import { expect } from '@open-wc/testing';

import {
  ManualClock,
  Transcript,
  createEventPipeline,
  type TavusEvent,
  type TranscriptMessage,
} from '../../src/protocol/index.js';
import { createRandom } from '../support/random.js';
import {
  CONVERSATION_ID,
  TIMELINES,
  type ExpectedMessage,
  type Timeline,
} from './fixtures/index.js';

const WINDOW_MS = 300;

interface Arrival {
  at: number;
  raw: unknown;
}

/** Feeds arrivals (sorted by time) through validate + sequencer + transcript on a manual clock. */
function play(timeline: Timeline, arrivals: Arrival[]) {
  const clock = new ManualClock(1000);
  const transcript = new Transcript({ now: () => 1_746_000_000_000 });
  const delivered: TavusEvent[] = [];
  const rejected: string[] = [];
  const pipeline = createEventPipeline({
    conversationId: CONVERSATION_ID,
    windowMs: WINDOW_MS,
    clock,
    onEvent: (event) => {
      delivered.push(event);
      transcript.apply(event);
    },
    onRejected: (reason) => rejected.push(reason),
  });
  if (timeline.typed) transcript.addTypedUserMessage(timeline.typed);
  for (const arrival of [...arrivals].sort((a, b) => a.at - b.at)) {
    clock.advance(arrival.at - (clock.now() - 1000));
    pipeline.receive(arrival.raw);
  }
  clock.advance(WINDOW_MS * 10);
  return { delivered, transcript, rejected, pipeline, clock };
}

/**
 * Ascending seq, with one allowance: the sequencer cannot know that a seq has a twin still on its
 * way, so when the first twin fills a gap, held later events go out and the second twin follows
 * as a straggler. Any event below the highest seq delivered must therefore share its seq with
 * an event already delivered.
 */
function expectSeqOrder(delivered: readonly TavusEvent[], label: string): void {
  const seen = new Set<number>();
  let highest = -1;
  for (const event of delivered) {
    const seq = event.seq!;
    if (seq < highest)
      expect(seen.has(seq), `${label}: seq ${seq} after ${highest}`).to.equal(true);
    highest = Math.max(highest, seq);
    seen.add(seq);
  }
}

function groupBySeq(events: readonly TavusEvent[]): TavusEvent[][] {
  const groups: TavusEvent[][] = [];
  for (const event of events) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.seq === event.seq) last.push(event);
    else groups.push([event]);
  }
  return groups;
}

function project(messages: readonly TranscriptMessage[]): ExpectedMessage[] {
  return messages.map((m) => {
    const out: ExpectedMessage = {
      role: m.role,
      text: m.text,
      final: m.final,
      interrupted: m.interrupted,
    };
    if (m.inference_id !== undefined) out.inference_id = m.inference_id;
    if (m.turn_idx !== undefined) out.turn_idx = m.turn_idx;
    if (m.typed !== undefined) out.typed = m.typed;
    return out;
  });
}

/** Events in order, with twins (same seq) compared as a set: their relative order is arrival. */
function canonical(events: readonly TavusEvent[]): string[] {
  return events
    .map((event, index) => ({ event, index, text: JSON.stringify(event) }))
    .sort((a, b) => a.event.seq! - b.event.seq! || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .map((item) => item.text);
}

describe('protocol timelines (protocol.md §7)', () => {
  for (const timeline of TIMELINES) {
    describe(timeline.name, () => {
      it('delivers every event once, in emission order, when they arrive in order', () => {
        const arrivals = timeline.events.map((event, i) => ({ at: i * 20, raw: event }));
        const { delivered, rejected } = play(timeline, arrivals);
        expect(rejected).to.deep.equal([]);
        expect(delivered).to.have.length(timeline.events.length);
        delivered.forEach((event, i) => expect(event).to.equal(timeline.events[i]));
      });

      it('reconciles the exact transcript', () => {
        const arrivals = timeline.events.map((event, i) => ({ at: i * 20, raw: event }));
        const { transcript } = play(timeline, arrivals);
        expect(project(transcript.messages)).to.deep.equal(timeline.transcript);
        const ids = transcript.messages.map((m) => m.id);
        expect(new Set(ids).size).to.equal(ids.length);
      });

      it('stamps each message with the time of the event that began it', () => {
        const arrivals = timeline.events.map((event, i) => ({ at: i * 20, raw: event }));
        const { transcript } = play(timeline, arrivals);
        const timeOf = (seq: number) =>
          Math.round(
            (timeline.events.find((event) => event.seq === seq)!.timestamp as number) * 1000,
          );
        expect(transcript.messages.map((m) => m.timestamp)).to.deep.equal(
          timeline.startedAt.map(timeOf),
        );
      });

      it('reaches the same result when delivered as JSON strings', () => {
        const arrivals = timeline.events.map((event, i) => ({
          at: i * 20,
          raw: JSON.stringify(event),
        }));
        const { delivered, transcript } = play(timeline, arrivals);
        expect(delivered).to.deep.equal(timeline.events);
        expect(project(transcript.messages)).to.deep.equal(timeline.transcript);
      });

      it('restores seq order and drops duplicates over 200 shuffled, duplicated deliveries', () => {
        for (let seed = 1; seed <= 200; seed++) {
          const random = createRandom(seed * 7919);
          const groups = groupBySeq(timeline.events);
          const asText = random.next() < 0.5;
          const arrivals: Arrival[] = [];
          groups.forEach((group, i) => {
            const emitted = i * 20;
            // Jitter below the reorder window, so every gap fills before it expires. Twins travel
            // together (in either order): a twin that the network separates from its sibling is
            // covered by the next test.
            const at = emitted + random.int(0, WINDOW_MS - 50);
            for (const event of random.shuffle(group)) {
              const raw = asText ? JSON.stringify(event) : event;
              arrivals.push({ at, raw });
              // Later copies, some long after their window: they must still be dropped.
              if (random.next() < 0.2) arrivals.push({ at: at + random.int(0, 3000), raw });
            }
          });
          const { delivered, transcript, clock, pipeline } = play(timeline, arrivals);
          const label = `seed ${seed}`;
          expect(canonical(delivered), label).to.deep.equal(canonical(timeline.events));
          expectSeqOrder(delivered, label);
          expect(project(transcript.messages), label).to.deep.equal(timeline.transcript);
          expect(pipeline.pending, label).to.equal(0);
          expect(clock.pendingTimers, label).to.equal(0);
        }
      });

      it('loses nothing and keeps the transcript exact when twins arrive far apart', () => {
        for (let seed = 1; seed <= 200; seed++) {
          const random = createRandom(seed * 104729);
          const arrivals = timeline.events.map((event, i) => ({
            at: i * 20 + random.int(0, WINDOW_MS - 50),
            raw: event,
          }));
          const { delivered, transcript } = play(timeline, arrivals);
          const label = `seed ${seed}`;
          expect(canonical(delivered), label).to.deep.equal(canonical(timeline.events));
          expectSeqOrder(delivered, label);
          expect(project(transcript.messages), label).to.deep.equal(timeline.transcript);
        }
      });
    });
  }

  it('keeps messages in order of their first event across the three timelines in one call', () => {
    const transcript = new Transcript({ now: () => 0 });
    const pipeline = createEventPipeline({
      conversationId: CONVERSATION_ID,
      clock: new ManualClock(),
      onEvent: (event) => transcript.apply(event),
    });
    for (const timeline of TIMELINES) {
      if (timeline.typed) {
        // The user types once everything before has been shown.
        pipeline.flush();
        transcript.addTypedUserMessage(timeline.typed);
      }
      for (const event of timeline.events) pipeline.receive(event);
    }
    pipeline.flush();
    expect(project(transcript.messages)).to.deep.equal(
      TIMELINES.flatMap((timeline) => timeline.transcript),
    );
  });
});
