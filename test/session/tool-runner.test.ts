/**
 * The tool runner on its own: handlers run once per tool call, answer within their timeout (on a
 * ManualClock, so time moves only when the test says), run at most `maxConcurrent` at once, and
 * never start after stop().
 */
import { expect } from '@open-wc/testing';

import { ManualClock } from '../../src/protocol/manual-clock.js';
import type { TavusEvent } from '../../src/protocol/types.js';
import {
  TOOL_DEFAULTS,
  ToolRunner,
  type ToolHandlers,
  type ToolOutcome,
} from '../../src/session/tool-runner.js';
import { tavusEvent } from '../support/fake-call.js';
import { settled } from '../support/wait.js';

const toolCall = (id: string, args: unknown = '{}', name = 'lookup'): TavusEvent =>
  tavusEvent('conversation.tool_call', {
    inference_id: 'i-1',
    properties: { name, arguments: args, tool_call_id: id },
  }) as TavusEvent;

function runner(options: Partial<{ timeoutMs: number; maxConcurrent: number }> = {}) {
  const clock = new ManualClock();
  return { clock, tools: new ToolRunner({ ...TOOL_DEFAULTS, clock, ...options }) };
}

/** A handler whose calls wait until the test settles them. */
function deferredHandler() {
  const pending: { args: unknown; resolve: (value: unknown) => void }[] = [];
  const handler = (args: unknown) =>
    new Promise((resolve) => {
      pending.push({ args, resolve });
    });
  return { pending, handler };
}

describe('ToolRunner', () => {
  it('runs the named handler with the parsed arguments and returns its result', async () => {
    const { tools } = runner();
    const seen: unknown[] = [];
    const handlers: ToolHandlers = { lookup: (args) => (seen.push(args), { found: true }) };
    const outcome = await tools.run(toolCall('tc-1', '{"q":"coffee"}'), handlers);
    expect(seen).to.deep.equal([{ q: 'coffee' }]);
    expect(outcome?.status).to.equal('success');
    expect(outcome?.output).to.deep.equal({ found: true });
    expect(outcome?.call.toolCallId).to.equal('tc-1');
  });

  it('runs each tool call once: the same call again gets nothing', async () => {
    const { tools } = runner();
    let runs = 0;
    const handlers: ToolHandlers = { lookup: () => ++runs };
    const first = await tools.run(toolCall('tc-1'), handlers);
    const again = await tools.run(toolCall('tc-1'), handlers);
    const other = await tools.run(toolCall('tc-2'), handlers);
    expect([first?.output, again, other?.output]).to.deep.equal([1, null, 2]);
    expect(runs).to.equal(2);
  });

  it('remembers calls per runner: a new conversation runs a reused tool_call_id', async () => {
    let runs = 0;
    const handlers: ToolHandlers = { lookup: () => ++runs };
    await runner().tools.run(toolCall('tc-1'), handlers);
    const next = await runner().tools.run(toolCall('tc-1'), handlers);
    expect(next?.output).to.equal(2);
  });

  it('answers a handler that throws, or arguments that are not JSON, with an error result', async () => {
    const { tools } = runner();
    let runs = 0;
    const handlers: ToolHandlers = {
      lookup: () => {
        runs++;
        throw new Error('Out of stock');
      },
    };
    const thrown = await tools.run(toolCall('tc-1'), handlers);
    expect(thrown).to.include({ status: 'error', output: 'Out of stock' });
    const broken = await tools.run(toolCall('tc-2', '{broken'), handlers);
    expect(broken?.status).to.equal('error');
    expect(String(broken?.output)).to.include('Invalid arguments for lookup');
    expect(runs, 'the handler ran for the broken arguments').to.equal(1);
  });

  it('returns nothing for a tool without a handler, or a name inherited from Object', async () => {
    const { tools } = runner();
    const handlers: ToolHandlers = { lookup: () => 'ran' };
    expect(await tools.run(toolCall('tc-1', '{}', 'other'), handlers)).to.equal(null);
    expect(await tools.run(toolCall('tc-2', '{}', 'toString'), handlers)).to.equal(null);
    expect(await tools.run(toolCall('tc-3', '{}', 'hasOwnProperty'), handlers)).to.equal(null);
    // The same runner runs a handler it has.
    expect((await tools.run(toolCall('tc-4'), handlers))?.output).to.equal('ran');
  });

  it('answers a handler that has not settled within its timeout with an error result', async () => {
    const { tools, clock } = runner({ timeoutMs: 5_000 });
    const { handler, pending } = deferredHandler();
    let outcome: ToolOutcome | null | undefined;
    void tools.run(toolCall('tc-1'), { lookup: handler }).then((value) => (outcome = value));
    await settled();
    expect(pending).to.have.length(1);
    clock.advance(4_999);
    await settled();
    expect(outcome, 'answered before its time').to.equal(undefined);
    clock.advance(1);
    await settled();
    expect(outcome?.status).to.equal('error');
    expect(outcome?.output).to.equal('Tool lookup did not answer within 5 s.');
    // A late answer changes nothing, and leaves no timer behind.
    pending[0]!.resolve('late');
    await settled();
    expect(outcome?.output).to.equal('Tool lookup did not answer within 5 s.');
    expect(clock.pendingTimers).to.equal(0);
  });

  it('clears the timeout of a handler that answered in time', async () => {
    const { tools, clock } = runner({ timeoutMs: 5_000 });
    const outcome = await tools.run(toolCall('tc-1'), { lookup: async () => 'quick' });
    expect(outcome?.output).to.equal('quick');
    expect(clock.pendingTimers).to.equal(0);
  });

  it('runs at most maxConcurrent handlers at once; the others wait for a slot, in order', async () => {
    const { tools } = runner({ maxConcurrent: 2 });
    const { handler, pending } = deferredHandler();
    const outcomes: unknown[] = [];
    for (const id of ['a', 'b', 'c', 'd']) {
      void tools
        .run(toolCall(id, JSON.stringify({ id })), { lookup: handler })
        .then((outcome) => outcomes.push(outcome?.output));
    }
    await settled();
    expect(pending.map((call) => call.args)).to.deep.equal([{ id: 'a' }, { id: 'b' }]);
    pending[1]!.resolve('b done');
    await settled();
    expect(pending.map((call) => call.args)).to.deep.equal([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    pending[0]!.resolve('a done');
    await settled();
    expect(pending).to.have.length(4);
    pending[2]!.resolve('c done');
    pending[3]!.resolve('d done');
    await settled();
    expect(outcomes).to.deep.equal(['b done', 'a done', 'c done', 'd done']);
  });

  it('starts no handler after stop(), neither a new call nor one waiting for a slot', async () => {
    const { tools } = runner({ maxConcurrent: 1 });
    const { handler, pending } = deferredHandler();
    const running = tools.run(toolCall('a'), { lookup: handler });
    const waiting = tools.run(toolCall('b'), { lookup: handler });
    await settled();
    expect(pending, 'the first call runs').to.have.length(1);
    tools.stop();
    expect(await waiting, 'the waiting call').to.equal(null);
    expect(await tools.run(toolCall('c'), { lookup: handler }), 'a new call').to.equal(null);
    expect(pending).to.have.length(1);
    // The one already running still answers.
    pending[0]!.resolve('done');
    expect((await running)?.output).to.equal('done');
  });
});
