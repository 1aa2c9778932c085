/**
 * Tool calls the replica makes and waits on (protocol.md §7.2). A call is announced with
 * `conversation.tool_call` and stays pending until the page answers with
 * `conversation.tool_result`, or until the timeout, when the replica says it never heard back.
 * Pages on legacy tools answer with `echo` or `append_llm_context` instead; `settleLegacy()`
 * then drops the pending calls so that no timeout notice is spoken over their answer.
 */
import type { ToolOutcome } from './brain.js';
import type { Random } from './random.js';
import type { ReplicaBroadcast } from './replica-broadcast.js';
import type { Cancel } from './scheduler.js';
import type { TaskGroup } from './task-group.js';

/** What the replica asked for, kept until the call has an outcome. */
export interface ToolRequest {
  name: string;
  args: Record<string, unknown>;
  turnIdx: number;
}

export class ReplicaTools {
  private readonly pending = new Map<string, ToolRequest & { cancelTimeout: Cancel }>();

  constructor(
    private readonly tasks: TaskGroup,
    private readonly broadcast: ReplicaBroadcast,
    private readonly random: Random,
    private readonly timeoutMs: number,
    /** Called once per call with its outcome: a result, an error, or the timeout. */
    private readonly settled: (request: ToolRequest, outcome: ToolOutcome) => void,
  ) {}

  /** Announces a tool call in the user's turn and inference, and starts waiting for it. */
  call(request: ToolRequest, inferenceId: string): void {
    const toolCallId = `tc_${this.random.hex(8)}`;
    this.broadcast.emit('conversation.tool_call', {
      turnIdx: request.turnIdx,
      inferenceId,
      properties: {
        name: request.name,
        // Tavus sends the arguments as a JSON string, not an object.
        arguments: JSON.stringify(request.args),
        tool_call_id: toolCallId,
      },
    });
    const cancelTimeout = this.tasks.after(this.timeoutMs, () => {
      if (this.pending.delete(toolCallId)) this.settled(request, { status: 'timeout' });
    });
    this.pending.set(toolCallId, { ...request, cancelTimeout });
  }

  /** A `conversation.tool_result`: null when it settled a pending call, or why it was ignored. */
  result(props: Record<string, unknown>): string | null {
    const id = props['tool_call_id'];
    if (typeof id !== 'string') return 'conversation.tool_result without tool_call_id';
    const pending = this.pending.get(id);
    if (!pending) return `no pending tool call ${JSON.stringify(id)}`;
    pending.cancelTimeout();
    this.pending.delete(id);
    const status = props['status'] === 'error' ? 'error' : 'success';
    this.settled(pending, { status, output: props['output'] });
    return null;
  }

  /** The page answered the legacy way: every pending call is settled, silently. */
  settleLegacy(): void {
    for (const tool of this.pending.values()) tool.cancelTimeout();
    this.pending.clear();
  }
}
