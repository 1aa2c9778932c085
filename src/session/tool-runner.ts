import { BoundedSet } from '../protocol/bounded-set.js';
import { buildAppendContext, buildToolResult } from '../protocol/interactions.js';
import type { Clock } from '../protocol/sequencer.js';
import { readToolCall, type ToolCall } from '../protocol/tool-calls.js';
import type { Interaction, TavusEvent } from '../protocol/types.js';
import { ConversationError, describeFailure } from '../state/errors.js';

/** A client-side tool: receives the parsed arguments and the Tavus tool-call event. */
export type ToolHandler = (args: unknown, event: TavusEvent) => unknown;
export type ToolHandlers = Record<string, ToolHandler>;

/** What a tool call came to, ready to go back to Tavus. */
export interface ToolOutcome {
  call: ToolCall;
  output: unknown;
  status: 'success' | 'error';
}

export interface ToolRunnerOptions {
  clock: Clock;
  /** A handler that has not settled by then is answered with an error result. */
  timeoutMs: number;
  /** Handlers running at once; calls beyond it wait for a slot. */
  maxConcurrent: number;
  /** Tool calls remembered for de-duplication. */
  memory: number;
}

export const TOOL_DEFAULTS = Object.freeze({
  timeoutMs: 30_000,
  maxConcurrent: 4,
  memory: 256,
});

/**
 * Runs the page's tool handlers for one conversation: once per tool call (Tavus has been seen
 * sending a call twice), never more than `maxConcurrent` at once, each answered within
 * `timeoutMs`, and none started after `stop()`. A new conversation gets a new runner, so its
 * de-duplication memory starts clean.
 */
export class ToolRunner {
  private readonly seen: BoundedSet<string>;
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly options: ToolRunnerOptions) {
    this.seen = new BoundedSet(options.memory);
  }

  /**
   * Runs the handler a tool-call event names, if the page registered one and the call is new.
   * Resolves with the outcome to send back, or null when there is nothing to answer (no handler,
   * a duplicate, or the runner stopped before the handler could start).
   */
  async run(event: TavusEvent, handlers: ToolHandlers): Promise<ToolOutcome | null> {
    const call = readToolCall(event);
    if (!call || this.stopped) return null;
    const handler = Object.prototype.hasOwnProperty.call(handlers, call.name)
      ? handlers[call.name]
      : undefined;
    if (typeof handler !== 'function' || !this.seen.add(call.dedupeKey)) return null;
    if (call.argumentsError !== undefined) {
      return {
        call,
        output: `Invalid arguments for ${call.name}: ${call.argumentsError}`,
        status: 'error',
      };
    }
    await this.slot();
    if (this.stopped) {
      this.release();
      return null;
    }
    try {
      return { call, ...(await this.settle(call, () => handler(call.arguments, event))) };
    } finally {
      this.release();
    }
  }

  /** No handler starts after this; those waiting for a slot are dropped. */
  stop(): void {
    this.stopped = true;
    const waiting = this.queue.splice(0);
    for (const wake of waiting) wake();
  }

  private async settle(
    call: ToolCall,
    invoke: () => unknown,
  ): Promise<Pick<ToolOutcome, 'output' | 'status'>> {
    const { clock, timeoutMs } = this.options;
    let timer: unknown;
    const timedOut = new Promise<Pick<ToolOutcome, 'output' | 'status'>>((resolve) => {
      timer = clock.setTimeout(
        () =>
          resolve({
            output: `Tool ${call.name} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
            status: 'error',
          }),
        timeoutMs,
      );
    });
    const ran = (async () => {
      try {
        return { output: await invoke(), status: 'success' as const };
      } catch (failure) {
        return { output: describeFailure(failure), status: 'error' as const };
      }
    })();
    try {
      return await Promise.race([ran, timedOut]);
    } finally {
      clock.clearTimeout(timer);
    }
  }

  private slot(): Promise<void> {
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push(() => {
        this.running++;
        resolve();
      }),
    );
  }

  private release(): void {
    this.running--;
    const next = this.queue.shift();
    if (next) next();
  }
}

/**
 * Sends a tool's outcome back to Tavus. Registry tools carry a `tool_call_id` and get
 * `conversation.tool_result`; legacy inline tools have none, so their result goes into the LLM
 * context instead (protocol.md §3.7). Tavus always gets an answer that fits in one message: a
 * result JSON cannot carry (a BigInt, a cycle) or one too large for Daily becomes an error result,
 * and `tooLarge` tells the page about the latter.
 */
export async function answerToolCall(
  { call, output, status }: ToolOutcome,
  send: (build: (conversationId: string) => readonly Interaction[]) => Promise<void>,
  tooLarge: (message: string) => void,
): Promise<void> {
  const toolCallId = call.toolCallId;
  const answer = (value: unknown, result: ToolOutcome['status']) =>
    send((id) => [
      toolCallId
        ? buildToolResult(id, toolCallId, value, result)
        : buildAppendContext(id, `Result of tool ${call.name} (${result}): ${asText(value)}`),
    ]);
  try {
    await answer(output, status);
  } catch (failure) {
    const oversize = failure instanceof ConversationError && failure.code === 'message-too-large';
    if (oversize) {
      tooLarge(`The result of tool ${call.name} is too large to send; Tavus was told it failed.`);
    } else if (status === 'error') {
      return console.warn(describeFailure(failure));
    }
    const why = oversize
      ? `The result of ${call.name} was too large to send.`
      : describeFailure(failure);
    await answer(why, 'error').catch((again: unknown) => console.warn(describeFailure(again)));
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value ?? null) ?? 'null';
  } catch {
    return String(value);
  }
}
