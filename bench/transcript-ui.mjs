// Long-conversation rendering report: feeds 2,000 turns (a user utterance, then a replica reply
// streamed in 6 growing updates) to a connected <tavus-conversation> built for the CDN, with the
// chat drawer open, in headless Chromium. Prints the transcript's DOM size, JS heap growth and
// the time per streaming update (message in → event dispatched → transcript rendered, styled
// and laid out).
// Targets: DOM bounded (independent of turns), heap growth < 10 MB, p95 < 2 ms. Figures only.
import puppeteer from 'puppeteer-core';

import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';
import { findChromium } from '../scripts/find-chromium.mjs';
import { serveBuild } from '../scripts/static-server.mjs';

const TURNS = 2000;
const UPDATES_PER_REPLY = 6;

const PAGE = `<!doctype html>
<html><body style="margin:0">
<tavus-conversation chat-open style="width:900px;height:640px"></tavus-conversation>
<script type="module">
import '/dist/cdn/tavus-conversation.js';

// A minimal Daily-shaped call: joins at once, the replica is in the room, app-messages are
// handed to the element synchronously.
class BenchCall {
  handlers = new Map();
  on(name, fn) { (this.handlers.get(name) ?? this.handlers.set(name, new Set()).get(name)).add(fn); }
  off(name, fn) { this.handlers.get(name)?.delete(fn); }
  emit(name, payload) { for (const fn of this.handlers.get(name) ?? []) fn({ action: name, ...payload }); }
  people = { local: { session_id: 'me', user_id: 'me', user_name: '', local: true, tracks: {} } };
  async join() { this.state = 'joined-meeting'; this.emit('joined-meeting', {}); }
  async leave() {} async destroy() {}
  participants() { return this.people; }
  sendAppMessage() {} setLocalAudio() {} setLocalVideo() {}
  localAudio() { return false; } localVideo() { return false; }
  meetingState() { return this.state ?? 'new'; }
  addReplica() {
    this.people.r = { session_id: 'r', user_id: 'tavus-replica-1', user_name: 'Anna', local: false, tracks: {} };
    this.emit('participant-joined', { participant: this.people.r });
  }
  send(data) { this.emit('app-message', { data, fromId: 'r' }); }
}

const el = document.querySelector('tavus-conversation');
const call = new BenchCall();
el.callFactory = () => call;
el.setAttribute('conversation-url', 'https://tavus.daily.co/bench');
await el.start();
call.addReplica();
await el.updateComplete;

const envelope = (seq, turn, type, inference, properties) => JSON.stringify({
  message_type: 'conversation', event_type: type, conversation_id: 'bench', seq, turn_idx: turn,
  inference_id: inference, timestamp: 1746000000 + seq / 10, properties,
});
const words = 'We open at nine tomorrow morning and close at six in the evening, every day.'.split(' ');

window.runBench = async (turns, updatesPerReply) => {
  const nodeCount = () => {
    let count = 0;
    const walk = (root) => { for (const node of root.querySelectorAll('*')) { count++; if (node.shadowRoot) walk(node.shadowRoot); } };
    walk(el.shadowRoot);
    return count;
  };
  const samples = [];
  const nodes = [];
  // The first sequenced event of a call waits the reorder window (there is nothing to order it
  // against yet); after it, in-order events are delivered at once.
  let seq = 0;
  call.send(JSON.stringify({ message_type: 'system', event_type: 'system.replica_joined', conversation_id: 'bench', seq: ++seq }));
  await new Promise((resolve) => setTimeout(resolve, 400));
  gc(); const heapBefore = performance.memory.usedJSHeapSize;
  for (let turn = 0; turn < turns; turn++) {
    call.send(envelope(++seq, turn, 'conversation.utterance', 'u' + turn, { role: 'user', speech: 'Question number ' + turn + '?' }));
    for (let i = 0; i < updatesPerReply; i++) {
      const speech = words.slice(0, Math.ceil(words.length * (i + 1) / updatesPerReply)).join(' ');
      const start = performance.now();
      call.send(envelope(++seq, turn, 'conversation.utterance.streaming', 'r' + turn,
        { role: 'pal', speech, content_index: i, final: i === updatesPerReply - 1 }));
      el.requestUpdate();
      await el.updateComplete;
      const drawer = el.shadowRoot.querySelector('tavus-chat-drawer');
      await drawer?.updateComplete;
      // Style and layout too, which the frame would do anyway: the whole cost of one update.
      void drawer?.shadowRoot.querySelector('[role="log"]').scrollHeight;
      samples.push(performance.now() - start);
    }
    if (turn % 250 === 0 || turn === turns - 1) {
      if (el.transcript.length !== 2 * (turn + 1)) throw new Error('events were held back: ' + el.transcript.length);
      nodes.push([turn + 1, nodeCount()]);
    }
  }
  gc(); const heapAfter = performance.memory.usedJSHeapSize;
  samples.sort((a, b) => a - b);
  const pct = (p) => samples[Math.min(samples.length - 1, Math.floor(samples.length * p))];
  return { nodes, heapGrowth: heapAfter - heapBefore, p50: pct(0.5), p95: pct(0.95), max: samples.at(-1), updates: samples.length, messages: el.transcript.length };
};
window.benchReady = true;
</script></body></html>`;

const server = await serveBuild(PAGE);
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(server.url);
  await page.waitForFunction('window.benchReady === true', { timeout: 30000 });
  const result = await page.evaluate(
    (turns, updates) => window.runBench(turns, updates),
    TURNS,
    UPDATES_PER_REPLY,
  );
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  console.log(`\n## Long conversation: ${TURNS} turns, ${result.updates} streaming updates\n`);
  console.log('| turns so far | DOM elements in the element |');
  console.log('|---:|---:|');
  for (const [turns, count] of result.nodes) console.log(`| ${turns} | ${count} |`);
  console.log(`\n| measure | value | target |`);
  console.log('|---|---:|---|');
  console.log(`| transcript messages kept | ${result.messages} | |`);
  console.log(`| JS heap growth | ${mb(result.heapGrowth)} | < 10 MB |`);
  console.log(`| time per streaming update, p50 | ${result.p50.toFixed(2)} ms | |`);
  console.log(`| time per streaming update, p95 | ${result.p95.toFixed(2)} ms | < 2 ms |`);
  console.log(`| time per streaming update, max | ${result.max.toFixed(2)} ms | |`);
  const counts = result.nodes.map(([, count]) => count);
  const bounded = Math.max(...counts.slice(1)) <= counts[1] * 1.05;
  console.log(
    `\nDOM bounded (later counts within 5% of the count after 251 turns): ${bounded ? 'yes' : 'NO'}`,
  );
} finally {
  await browser.close();
  server.close();
}
