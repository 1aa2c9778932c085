import { expect } from '@open-wc/testing';
import {
  FAST_TIMING,
  type SimulatedCall,
  type SimulatorOptions,
} from '../../src/simulator/index.js';
import {
  idleCall,
  interaction,
  joinedCall,
  type Recorder,
  type VirtualTime,
} from '../support/simulated-call.js';

/** One full exchange; returns what arrived, in arrival order. */
async function exchange(options: SimulatorOptions): Promise<string[]> {
  const { call, recorder, time } = await joinedCall({ now: () => 1_746_000_000_000, ...options });
  try {
    await recorder.until(
      (m) => m.filter((e) => e.event_type === 'conversation.replica.stopped_speaking').length >= 1,
    );
    // Let stragglers of the greeting land before the next turn starts.
    await time.advance(1000);
    call.sendAppMessage(interaction('conversation.respond', { text: 'Why is the sky blue?' }), '*');
    await recorder.until(
      (m) => m.filter((e) => e.event_type === 'conversation.replica.stopped_speaking').length >= 2,
    );
    await time.advance(1000);
    return recorder
      .messages()
      .map((e) =>
        [
          e.seq,
          e.event_type,
          e.inference_id,
          e.properties?.['role'],
          e.properties?.['speech'],
        ].join('|'),
      );
  } finally {
    await call.destroy();
  }
}

const FAULTS: SimulatorOptions = {
  latencyMs: [5, 40],
  reorderProbability: 0.3,
  duplicateProbability: 0.3,
};

describe('simulated replica: delivery faults', () => {
  let call: SimulatedCall | undefined;
  afterEach(async () => {
    await call?.destroy();
    call = undefined;
  });

  it('reproduces the exact arrival order for the same seed', async () => {
    const first = await exchange({ ...FAULTS, seed: 99 });
    const second = await exchange({ ...FAULTS, seed: 99 });
    expect(second).to.deep.equal(first);
    const other = await exchange({ ...FAULTS, seed: 100 });
    expect(other).to.not.deep.equal(first);
  });

  it('delivers out of order under reorderProbability, without losing any seq', async () => {
    const arrivals = await exchange({ ...FAULTS, duplicateProbability: 0, seed: 5 });
    const seqs = arrivals.map((line) => Number(line.split('|')[0]));
    const outOfOrder = seqs.some((seq, i) => i > 0 && seq < (seqs[i - 1] as number));
    expect(outOfOrder, 'some message arrived after a later one').to.equal(true);
    const max = Math.max(...seqs);
    for (let seq = 1; seq <= max; seq++) expect(seqs, `seq ${seq}`).to.include(seq);
  });

  it('delivers every message twice with duplicateProbability 1, as separate identical objects', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await idleCall({ duplicateProbability: 1, seed: 1 }));
    const events = recorder.events.filter((e) => e.name === 'app-message');
    const keys = events.map((e) => JSON.stringify(e.payload.data));
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect([...counts.values()].every((count) => count === 2)).to.equal(true);
    const [a, b] = events.filter((e) => e.payload.data.event_type === 'system.replica_joined');
    expect(a?.payload.data).to.deep.equal(b?.payload.data);
    expect(a?.payload.data).to.not.equal(b?.payload.data);
  });

  it('delivers JSON strings when asked, and a seeded mix of both', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await idleCall({ deliverAs: 'string' }));
    const data = recorder.events.filter((e) => e.name === 'app-message').map((e) => e.payload.data);
    expect(data.every((d) => typeof d === 'string')).to.equal(true);
    expect(JSON.parse(data[0] as string).event_type).to.equal('system.replica_joined');
    await call.destroy();

    ({ call, recorder } = await idleCall({ deliverAs: 'mixed', seed: 4 }));
    const kinds = new Set(
      recorder.events.filter((e) => e.name === 'app-message').map((e) => typeof e.payload.data),
    );
    expect([...kinds].sort()).to.deep.equal(['object', 'string']);
  });

  it('adds the configured latency to replies', async () => {
    let recorder: Recorder;
    let time: VirtualTime;
    ({ call, recorder, time } = await idleCall({ latencyMs: 150 }));
    const count = recorder.messages().length;
    const sent = time.now();
    call.sendAppMessage(interaction('conversation.respond', { text: 'hello' }), '*');
    await recorder.until((m) => m.length > count);
    // 150 ms to reach the replica, its echo of the user's words, then 150 ms back.
    expect(time.now() - sent).to.equal(150 + FAST_TIMING.userUtteranceMs + 150);
  });
});
