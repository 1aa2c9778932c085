/**
 * The server side of a Tavus conversation, simulated: it receives the page's interactions and
 * broadcasts what a real replica would, with the field layout and timing of protocol.md §4 and
 * §7. This file holds the conversation's state (turns, context, sensitivity) and the "LLM" step;
 * speaking, user turns, tool calls and the event envelope each live in a module of their own.
 * It knows nothing about Daily or the DOM: it talks through `ReplicaPorts`.
 */
import { decide, toolReply, type ScriptRule } from './brain.js';
import { Echoes } from './echo.js';
import { readInteraction, readSensitivity, type SensitivitySettings } from './interactions.js';
import type { SimulatorTiming } from './options.js';
import type { Random } from './random.js';
import { ReplicaBroadcast } from './replica-broadcast.js';
import { ReplicaSpeech } from './replica-speech.js';
import { ReplicaTools, type ToolRequest } from './replica-tools.js';
import type { Cancel, Scheduler } from './scheduler.js';
import { TaskGroup } from './task-group.js';
import type { ReplicaRole, TavusServerEvent } from './tavus-events.js';
import { UserSpeech } from './user-speech.js';

export type { SensitivitySettings } from './interactions.js';

export interface ReplicaConfig {
  conversationId: string;
  replicaId: string;
  replicaName: string;
  greeting: string | false;
  context: string;
  script: readonly ScriptRule[];
  wordsPerSecond: number;
  timing: SimulatorTiming;
  replicaRoles: readonly ReplicaRole[];
  twinsShareSeq: boolean;
  emitReplicaInterrupted: boolean;
  heartbeatMs: number | false;
}

export interface ReplicaPorts {
  scheduler: Scheduler;
  /** Ids, think times and wording. */
  random: Random;
  /** Broadcasts one event (the call adds latency and faults). */
  send(event: TavusServerEvent): void;
  /** The replica's audio started or stopped (drives the face and the voice). */
  speakingChanged(speaking: boolean): void;
  /** Wall-clock milliseconds at the scheduler's current virtual time. */
  wallClock(): number;
}

export class ReplicaEngine {
  private turn = 0;
  private contextText: string;
  private sensitivityState: SensitivitySettings = {};
  private thinking: Cancel | null = null;
  private started = false;
  private stopped = false;
  private readonly tasks: TaskGroup;
  private readonly broadcast: ReplicaBroadcast;
  private readonly speech: ReplicaSpeech;
  private readonly tools: ReplicaTools;
  private readonly user: UserSpeech;
  private readonly echoes = new Echoes();

  constructor(
    private readonly config: ReplicaConfig,
    private readonly ports: ReplicaPorts,
  ) {
    this.contextText = config.context;
    const { timing } = config;
    const tasks = new TaskGroup(ports.scheduler);
    const broadcast = new ReplicaBroadcast(
      config,
      (event) => ports.send(event),
      () => ports.wallClock(),
    );
    this.tasks = tasks;
    this.broadcast = broadcast;
    this.speech = new ReplicaSpeech(
      { ...config, gapMs: timing.gapMs },
      tasks,
      broadcast,
      ports.random,
      (speaking) => ports.speakingChanged(speaking),
    );
    this.tools = new ReplicaTools(
      tasks,
      broadcast,
      ports.random,
      timing.toolResultTimeoutMs,
      (request, outcome) =>
        this.answerLater(request, toolReply(request.name, request.args, outcome)),
    );
    this.user = new UserSpeech(
      { wordsPerSecond: config.wordsPerSecond, userUtteranceMs: timing.userUtteranceMs },
      tasks,
      broadcast,
      ports.random,
      {
        nextTurn: () => ++this.turn,
        bargeIn: () => this.bargeIn(),
        committed: (text, turnIdx, inferenceId) => this.think(text, turnIdx, inferenceId),
      },
    );
  }

  get speaking(): boolean {
    return this.speech.speaking;
  }

  get context(): string {
    return this.contextText;
  }

  get sensitivity(): Readonly<SensitivitySettings> {
    return { ...this.sensitivityState };
  }

  /** The replica is in the room: announce it and greet. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const { replicaId, greeting, heartbeatMs, timing } = this.config;
    this.broadcast.emit(
      'system.replica_joined',
      { properties: { replica_id: replicaId } },
      'system',
    );
    if (greeting !== false && greeting.trim()) {
      this.tasks.after(timing.greetingMs, () =>
        this.speech.speak({
          text: greeting,
          inferenceId: this.ports.random.uuid(),
          turnIdx: this.turn,
          stream: false,
          interruptibleByUser: false,
        }),
      );
    }
    if (heartbeatMs !== false && heartbeatMs > 0) this.heartbeat(heartbeatMs);
  }

  /** Stops everything at once, without further events (the replica left or the call ended). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.tasks.close();
    this.tools.settleLegacy();
    this.echoes.clear();
    this.speech.stop();
    this.user.stop();
  }

  /** The conversation ends on the server: `system.shutdown` with its reason, then silence. */
  shutDown(reason: string): void {
    if (this.stopped) return;
    this.broadcast.emit('system.shutdown', { properties: { shutdown_reason: reason } }, 'system');
    this.stop();
  }

  /**
   * Handles app-message data sent to the replica. Returns null when it was understood, or why it
   * was ignored (Tavus gives no feedback either; the call records the reason for tests).
   */
  receive(raw: unknown): string | null {
    if (this.stopped) return 'the replica is not in the call';
    const interaction = readInteraction(raw, this.config.conversationId);
    if (typeof interaction === 'string') return interaction;
    const props = interaction.properties;
    switch (interaction.eventType) {
      case 'conversation.respond':
        return this.onRespond(props);
      case 'conversation.echo':
        return this.onEcho(props);
      case 'conversation.interrupt':
        this.cancelThinking();
        this.speech.interrupt();
        return null;
      case 'conversation.overwrite_llm_context':
      case 'conversation.append_llm_context':
        return this.onContext(props, interaction.eventType);
      case 'conversation.sensitivity': {
        const changed = readSensitivity(props);
        if (!changed) return 'conversation.sensitivity without a known setting';
        this.sensitivityState = { ...this.sensitivityState, ...changed };
        return null;
      }
      case 'conversation.tool_result':
        return this.tools.result(props);
      default:
        return `unknown event_type ${JSON.stringify(interaction.eventType)}`;
    }
  }

  /**
   * A spoken user turn (§7.1), cutting an interruptible reply (§7.3). Turns run one after the
   * other; the promise settles when the user's utterance has been sent.
   */
  simulateUserSpeech(text: string): Promise<void> {
    return this.user.say(text);
  }

  private onRespond(props: Record<string, unknown>): string | null {
    const text = props['text'];
    if (typeof text !== 'string' || !text.trim()) return 'conversation.respond without text';
    // Typed text counts as a finished user turn: it takes the floor like speech does.
    this.bargeIn();
    const turnIdx = ++this.turn;
    const inferenceId = this.ports.random.uuid();
    this.tasks.after(this.config.timing.userUtteranceMs, () => {
      this.broadcast.emit('conversation.utterance', {
        turnIdx,
        inferenceId,
        properties: { role: 'user', speech: text },
      });
      this.think(text, turnIdx, inferenceId);
    });
    return null;
  }

  /** Echo bypasses the LLM: the replica says exactly the given text or audio. */
  private onEcho(props: Record<string, unknown>): string | null {
    const echo = this.echoes.read(props);
    if (echo === null || typeof echo === 'string') return echo;
    this.tools.settleLegacy();
    this.speech.speak({
      text: echo.text,
      inferenceId: echo.inferenceId ?? this.ports.random.uuid(),
      turnIdx: this.turn,
      stream: true,
      interruptibleByUser: true,
      durationMs: echo.durationMs,
    });
    return null;
  }

  private onContext(props: Record<string, unknown>, eventType: string): string | null {
    const overwrite = eventType === 'conversation.overwrite_llm_context';
    const context = props['context'];
    if (typeof context !== 'string') {
      return `${overwrite ? 'overwrite' : 'append'} context without a context string`;
    }
    if (overwrite) {
      this.contextText = context;
    } else {
      this.contextText = this.contextText ? `${this.contextText}\n${context}` : context;
      // Appending a result is how legacy (non-registry) tools report back.
      this.tools.settleLegacy();
    }
    return null;
  }

  /** The "LLM": after a realistic delay, speak a reply or call a tool. */
  private think(text: string, turnIdx: number, inferenceId: string): void {
    this.cancelThinking();
    this.thinking = this.tasks.after(this.thinkDelay(), () => {
      this.thinking = null;
      const input = {
        text,
        context: this.contextText,
        sensitivity: this.sensitivityState,
        replicaName: this.config.replicaName,
        now: new Date(this.ports.wallClock()),
      };
      const decision = decide(input, this.config.script, this.ports.random);
      if (decision.kind === 'tool') {
        const request: ToolRequest = { name: decision.name, args: decision.arguments, turnIdx };
        this.tools.call(request, inferenceId);
        return;
      }
      this.say(decision.text, turnIdx, inferenceId);
    });
  }

  /** The answer after a tool's outcome: a new inference in the same turn (§7.2). */
  private answerLater(request: ToolRequest, text: string): void {
    this.tasks.after(this.thinkDelay(), () =>
      this.say(text, request.turnIdx, this.ports.random.uuid()),
    );
  }

  private say(text: string, turnIdx: number, inferenceId: string): void {
    this.speech.speak({ text, inferenceId, turnIdx, stream: true, interruptibleByUser: true });
  }

  /** The user takes the floor: no reply is being thought of, and an interruptible one is cut. */
  private bargeIn(): void {
    this.cancelThinking();
    this.speech.yieldToUser();
  }

  private cancelThinking(): void {
    this.thinking?.();
    this.thinking = null;
  }

  private heartbeat(intervalMs: number): void {
    this.tasks.after(intervalMs, () => {
      this.broadcast.presence();
      this.heartbeat(intervalMs);
    });
  }

  private thinkDelay(): number {
    const think = this.config.timing.thinkMs;
    return typeof think === 'number' ? think : this.ports.random.between(think[0], think[1]);
  }
}
