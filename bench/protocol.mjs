// Throughput of the protocol core: validate + sequence + transcript, against a bare
// JSON.parse + callback loop over the same messages. Run with `node bench/protocol.mjs`.
//
// The TypeScript sources are bundled with esbuild into a temporary folder and imported, so no
// TypeScript loader is needed. Timing: each variant runs ROUNDS times, alternating, and the
// median is reported, after one warm-up round of each.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EVENTS = 100_000;
const OUT_OF_ORDER = 0.05;
const DUPLICATED = 0.01;
const ROUNDS = 9;
const TARGET_RATIO = 2;
/** What the element keeps (src/controllers/conversation-session.ts). */
const MAX_MESSAGES = 5000;
/** Time between two arrivals, for the sequencer's manual clock. */
const ARRIVAL_GAP_MS = 20;

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'tavus-protocol-bench-'));
let protocol;
try {
  const outfile = join(dir, 'protocol.mjs');
  await build({
    entryPoints: [join(root, 'src/protocol/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile,
    logLevel: 'error',
  });
  protocol = await import(pathToFileURL(outfile).href);
} finally {
  await rm(dir, { recursive: true, force: true });
}
const { ManualClock, Sequencer, Transcript, validateMessage } = protocol;

// --- a realistic stream ---------------------------------------------------------------------

/** Deterministic PRNG (mulberry32), so every run measures the same messages. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `we open at nine tomorrow morning anything else there are three plans the starter plan
includes five seats and email support team adds priority help coffee beans cart order delivery
price seat month year thanks sure one moment done two bags`.split(/\s+/);

/**
 * Events shaped like protocol.md §7: user turns with live captions, PAL replies streamed with
 * `replica` twins sharing a seq, speaking events in both families, some tool calls and barge-ins,
 * and unsequenced heartbeats.
 */
function generateStream(count, next) {
  const conversationId = 'c7f3a91b2e';
  const events = [];
  let seq = 1000;
  let turn = 0;
  let time = 1746001000;
  const sentence = (n) =>
    Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const push = (eventType, fields = {}, withSeq = true) => {
    time += 0.05;
    const event = {
      message_type: eventType.startsWith('system.') ? 'system' : 'conversation',
      event_type: eventType,
      conversation_id: conversationId,
      ...(withSeq && { seq }),
      ...fields,
      timestamp: Math.round(time * 1000) / 1000,
    };
    events.push(JSON.stringify(event));
  };
  const twins = (eventType, fields, properties) => {
    push(eventType, { ...fields, properties: { role: 'pal', ...properties } });
    push(eventType, { ...fields, properties: { role: 'replica', ...properties } });
    seq++;
  };
  const one = (eventType, fields, properties) => {
    push(eventType, { ...fields, ...(properties && { properties }) });
    seq++;
  };
  while (events.length < count) {
    turn++;
    const userId = `u-${turn}`;
    const replyId = `r-${turn}`;
    const userFields = { turn_idx: turn, inference_id: userId };
    const replyFields = { turn_idx: turn, inference_id: replyId };
    one('conversation.user.started_speaking', userFields);
    one('conversation.started_speaking', userFields, { role: 'user' });
    const question = sentence(4 + Math.floor(next() * 8));
    const words = question.split(' ');
    for (let i = 2; i < words.length; i += 3) {
      one('conversation.utterance.streaming', userFields, {
        role: 'user',
        content_index: 0,
        speech: words.slice(0, i).join(' '),
        final: false,
      });
    }
    one('conversation.user.stopped_speaking', userFields);
    one('conversation.stopped_speaking', userFields, {
      role: 'user',
      interrupted: false,
      duration: 1.9,
    });
    one('conversation.utterance', replyFields, { role: 'user', speech: `${question}?` });
    if (next() < 0.1) {
      one('conversation.tool_call', replyFields, {
        name: 'add_to_cart',
        arguments: JSON.stringify({ item_name: 'coffee', quantity: 2 }),
        tool_call_id: `tc_${turn}`,
      });
    }
    const answer = sentence(8 + Math.floor(next() * 20));
    const answerWords = answer.split(' ');
    twins('conversation.utterance', replyFields, { speech: answer });
    one('conversation.replica.started_speaking', replyFields);
    twins('conversation.started_speaking', replyFields, {});
    const interrupted = next() < 0.1;
    const spokenCount = interrupted ? Math.ceil(answerWords.length / 2) : answerWords.length;
    let index = 0;
    for (let i = 4; i < spokenCount; i += 4) {
      twins('conversation.utterance.streaming', replyFields, {
        content_index: index++,
        speech: answerWords.slice(0, i).join(' '),
        final: false,
      });
    }
    twins('conversation.utterance.streaming', replyFields, {
      content_index: index,
      speech: answerWords.slice(0, spokenCount).join(' '),
      final: true,
      ...(interrupted && { is_interrupted: true }),
    });
    one('conversation.replica.stopped_speaking', replyFields, { duration: 3.2, interrupted });
    twins('conversation.stopped_speaking', replyFields, { interrupted, duration: 3.2 });
    if (next() < 0.3) push('system.replica_present', {}, false);
  }
  return events.slice(0, count);
}

/** 5% of messages swapped with a neighbour 1–5 places later, 1% repeated a few places later. */
function disturb(messages, next) {
  const out = messages.slice();
  for (let i = 0; i < out.length - 6; i++) {
    if (next() < OUT_OF_ORDER / 2) {
      // Each swap moves two messages out of place.
      const j = i + 1 + Math.floor(next() * 5);
      [out[i], out[j]] = [out[j], out[i]];
    }
  }
  const result = [];
  const copies = [];
  for (let i = 0; i < out.length; i++) {
    result.push(out[i]);
    if (next() < DUPLICATED) copies.push({ at: i + 1 + Math.floor(next() * 5), message: out[i] });
    for (let c = 0; c < copies.length; c++) {
      if (copies[c].at === i) result.push(copies.splice(c--, 1)[0].message);
    }
  }
  return result;
}

// --- the two loops ------------------------------------------------------------------------

let sink = 0;

function bareLoop(messages) {
  const callback = (event) => {
    sink += event.event_type.length;
  };
  for (let i = 0; i < messages.length; i++) callback(JSON.parse(messages[i]));
}

/** `readEveryChange`: read `transcript.messages` after each change, as a render per event would. */
function protocolLoop(messages, readEveryChange = false) {
  const clock = new ManualClock();
  const transcript = new Transcript({ maxMessages: MAX_MESSAGES, now: () => 0 });
  let changes = 0;
  let delivered = 0;
  const sequencer = new Sequencer({
    clock,
    deliver: (event) => {
      delivered++;
      if (transcript.apply(event)) {
        changes++;
        if (readEveryChange) sink += transcript.messages.length;
      }
    },
  });
  let rejected = 0;
  for (let i = 0; i < messages.length; i++) {
    clock.advance(ARRIVAL_GAP_MS);
    const result = validateMessage(messages[i]);
    if (result.ok) sequencer.push(result.event, result.key);
    else rejected++;
  }
  sequencer.flush();
  sink += changes + rejected + transcript.messages.length;
  return { changes, rejected, delivered, messages: transcript.messages.length };
}

function time(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// --- run ----------------------------------------------------------------------------------

const next = random(20_241_124);
const clean = generateStream(EVENTS, next);
const messages = disturb(clean, next).slice(0, EVENTS);
const bytes = messages.reduce((n, m) => n + m.length, 0);

// Correctness guard: every distinct sequenced message once, every unsequenced one each time.
const check = protocolLoop(messages);
const sequenced = new Set(messages.filter((m) => m.includes('"seq":')));
const expected = sequenced.size + messages.filter((m) => !m.includes('"seq":')).length;
if (check.delivered !== expected || check.rejected !== 0) {
  console.error(`delivered ${check.delivered} of ${expected} expected events`);
  process.exitCode = 1;
}

bareLoop(messages);
protocolLoop(messages);
const bareTimes = [];
const protocolTimes = [];
for (let round = 0; round < ROUNDS; round++) {
  bareTimes.push(time(() => bareLoop(messages)));
  protocolTimes.push(time(() => protocolLoop(messages)));
}
// Informational: the element renders at most once per frame, so reads are far rarer than events;
// this shows the cost if every change were rendered (a copy of up to MAX_MESSAGES references).
const readAllMs = median(
  Array.from({ length: ROUNDS }, () => time(() => protocolLoop(messages, true))),
);
const bareMs = median(bareTimes);
const protocolMs = median(protocolTimes);
const ratio = protocolMs / bareMs;
const perSecond = (ms) => Math.round(messages.length / (ms / 1000)).toLocaleString('en-US');

console.log(
  `${messages.length.toLocaleString('en-US')} messages (${(bytes / 1e6).toFixed(1)} MB of JSON), ` +
    `${OUT_OF_ORDER * 100}% out of order, ${DUPLICATED * 100}% duplicated; ` +
    `median of ${ROUNDS} rounds, Node ${process.version}`,
);
console.log(
  `transcript: ${check.messages} messages kept (max ${MAX_MESSAGES}), ${check.changes} changes; ` +
    `${check.rejected} rejected`,
);
const row = (label, ms) =>
  console.log(
    `| ${label.padEnd(46)} | ${ms.toFixed(1).padStart(8)} | ${perSecond(ms).padStart(10)} |`,
  );
console.log('');
console.log(`| ${'loop'.padEnd(46)} | ${'ms'.padStart(8)} | ${'events/s'.padStart(10)} |`);
console.log(`|${'-'.repeat(48)}|${'-'.repeat(10)}|${'-'.repeat(12)}|`);
row('bare JSON.parse + callback', bareMs);
row('validate + sequence + transcript', protocolMs);
row('same, reading messages after every change', readAllMs);
console.log('');
console.log(
  `ratio: ${ratio.toFixed(2)}× the bare loop (target: at most ${TARGET_RATIO}×) — ` +
    (ratio <= TARGET_RATIO ? 'within target' : 'ABOVE target'),
);
if (sink === -1) console.log(sink); // keeps the work observable
