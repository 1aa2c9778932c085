/**
 * The server side of a Tavus conversation, simulated: it receives interactions and broadcasts
 * the observable events a real replica would, with the field layout and timing of protocol.md
 * §4 and §7 (twins, `seq`, `turn_idx`, `inference_id`, accumulated streaming text, interruptions,
 * tool calls). It knows nothing about Daily or the DOM: it talks through `ReplicaPorts`.
 */
import { decide, toolReply, type ScriptRule, type ToolOutcome } from './brain.js';
import type { Random } from './random.js';
import type { Cancel, Scheduler } from './scheduler.js';
import { planSpeech, splitWords, textOf, wordsSpokenBy, type SpeechPlan } from './speech.js';
import type { SimulatorTiming } from './options.js';
import {
  isRecord,
  parseAppMessageData,
  type ReplicaRole,
  type TavusServerEvent,
} from './tavus-events.js';

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

/** The live values of `conversation.sensitivity`. */
export interface SensitivitySettings {
  participant_pause_sensitivity?: string;
  participant_interrupt_sensitivity?: string;
}

interface Utterance {
  /** What the replica intends to say (the one-shot `conversation.utterance`). */
  text: string;
  inferenceId: string;
  turnIdx: number;
  /** Whether `conversation.utterance.streaming` follows (not for the greeting). */
  stream: boolean;
  /** The greeting cannot be interrupted by the user (protocol.md §3.3). */
  interruptibleByUser: boolean;
  /** Known length (audio echo); otherwise paced by words per second. */
  durationMs?: number;
}

interface ActiveUtterance extends Utterance {
  plan: SpeechPlan;
  startedAt: number;
  nextContentIndex: number;
  cancels: Cancel[];
}

interface PendingTool {
  name: string;
  args: Record<string, unknown>;
  turnIdx: number;
  cancelTimeout: Cancel;
}

interface EventFields {
  turnIdx?: number;
  inferenceId?: string;
  properties?: Record<string, unknown>;
}

/** Audio echo chunks may arrive for a few utterances at once; more than this is a client bug. */
const MAX_ECHO_BUFFERS = 16;

export class ReplicaEngine {
  private seq = 0;
  private turn = 0;
  private contextText: string;
  private sensitivityState: SensitivitySettings = {};
  private current: ActiveUtterance | null = null;
  private queue: Utterance[] = [];
  private startingNext: Cancel | null = null;
  private thinking: Cancel | null = null;
  private readonly pendingTools = new Map<string, PendingTool>();
  private readonly echoAudio = new Map<string, { samples: number; sampleRate: number }>();
  private readonly timers = new Set<Cancel>();
  private userChain: Promise<void> = Promise.resolve();
  private readonly userTurnsWaiting = new Set<() => void>();
  private userIsSpeaking = false;
  private started = false;
  private stopped = false;

  constructor(
    private readonly config: ReplicaConfig,
    private readonly ports: ReplicaPorts,
  ) {
    this.contextText = config.context;
  }

  get speaking(): boolean {
    return this.current !== null;
  }

  get userSpeaking(): boolean {
    return this.userIsSpeaking;
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
    this.emit(
      'system.replica_joined',
      { properties: { replica_id: this.config.replicaId } },
      'system',
    );
    if (this.config.greeting !== false && this.config.greeting.trim()) {
      const greeting = this.config.greeting;
      this.later(this.config.timing.greetingMs, () =>
        this.speak({
          text: greeting,
          inferenceId: this.ports.random.uuid(),
          turnIdx: this.turn,
          stream: false,
          interruptibleByUser: false,
        }),
      );
    }
    if (this.config.heartbeatMs !== false && this.config.heartbeatMs > 0) this.heartbeat();
  }

  /** Stops everything at once, without further events (the replica left or the call ended). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const cancel of [...this.timers]) cancel();
    for (const tool of this.pendingTools.values()) tool.cancelTimeout();
    this.pendingTools.clear();
    this.queue = [];
    this.echoAudio.clear();
    const wasSpeaking = this.current !== null;
    this.current = null;
    this.userIsSpeaking = false;
    if (wasSpeaking) this.ports.speakingChanged(false);
    for (const resolve of this.userTurnsWaiting) resolve();
    this.userTurnsWaiting.clear();
  }

  /**
   * Handles app-message data sent to the replica. Returns null when it was understood, or why it
   * was ignored (Tavus gives no feedback either; the call records the reason for tests).
   */
  receive(raw: unknown): string | null {
    if (this.stopped) return 'the replica is not in the call';
    const data = parseAppMessageData(raw);
    if (!isRecord(data)) return 'not a JSON object';
    if (data['message_type'] !== 'conversation') return 'message_type is not "conversation"';
    if (data['conversation_id'] !== this.config.conversationId) {
      return `conversation_id ${JSON.stringify(data['conversation_id'])} is not ${JSON.stringify(this.config.conversationId)}`;
    }
    const props = isRecord(data['properties']) ? data['properties'] : {};
    switch (data['event_type']) {
      case 'conversation.respond':
        return this.onRespond(props);
      case 'conversation.echo':
        return this.onEcho(props);
      case 'conversation.interrupt':
        this.interrupt();
        return null;
      case 'conversation.overwrite_llm_context':
        return this.onContext(props, 'overwrite');
      case 'conversation.append_llm_context':
        return this.onContext(props, 'append');
      case 'conversation.sensitivity':
        return this.onSensitivity(props);
      case 'conversation.tool_result':
        return this.onToolResult(props);
      default:
        return `unknown event_type ${JSON.stringify(data['event_type'])}`;
    }
  }

  /** Cuts the current speech (app-initiated `conversation.interrupt`). */
  interrupt(): boolean {
    if (this.stopped) return false;
    this.cancelThinking();
    this.clearQueue();
    if (!this.current) return false;
    this.finish(true);
    return true;
  }

  /**
   * A spoken user turn, as §7.1: speaking events, streaming with changing speculative ids, the
   * user utterance, then the reply. Cuts an interruptible reply (§7.3). Turns run one after the
   * other; the promise settles when the user's utterance has been sent.
   */
  simulateUserSpeech(text: string): Promise<void> {
    const run = (): Promise<void> =>
      new Promise<void>((resolve) => {
        if (this.stopped) {
          resolve();
          return;
        }
        const done = (): void => {
          this.userTurnsWaiting.delete(done);
          resolve();
        };
        this.userTurnsWaiting.add(done);
        this.userTurn(text, done);
      });
    this.userChain = this.userChain.then(run, run);
    return this.userChain;
  }

  // --- interactions -------------------------------------------------------------------------

  private onRespond(props: Record<string, unknown>): string | null {
    const text = props['text'];
    if (typeof text !== 'string' || !text.trim()) return 'conversation.respond without text';
    // Typed text counts as a finished user turn: it takes the floor like speech does.
    this.bargeIn();
    const turnIdx = ++this.turn;
    const inferenceId = this.ports.random.uuid();
    this.later(this.config.timing.userUtteranceMs, () => {
      this.emit('conversation.utterance', {
        turnIdx,
        inferenceId,
        properties: { role: 'user', speech: text },
      });
      this.think(text, turnIdx, inferenceId);
    });
    return null;
  }

  private onEcho(props: Record<string, unknown>): string | null {
    const modality = props['modality'] ?? 'text';
    const givenId = typeof props['inference_id'] === 'string' ? props['inference_id'] : undefined;
    if (modality === 'text') {
      const text = props['text'];
      if (typeof text !== 'string' || !text.trim()) return 'conversation.echo without text';
      this.settleLegacyTools();
      this.speak({
        text,
        inferenceId: givenId ?? this.ports.random.uuid(),
        turnIdx: this.turn,
        stream: true,
        interruptibleByUser: true,
      });
      return null;
    }
    if (modality === 'audio') {
      const audio = props['audio'];
      if (typeof audio !== 'string') return 'conversation.echo audio without base64 audio';
      const key = givenId ?? '';
      const sampleRate =
        typeof props['sample_rate'] === 'number' && props['sample_rate'] > 0
          ? props['sample_rate']
          : 24000;
      let buffer = this.echoAudio.get(key);
      if (!buffer) {
        if (this.echoAudio.size >= MAX_ECHO_BUFFERS) return 'too many unfinished audio echoes';
        buffer = { samples: 0, sampleRate };
        this.echoAudio.set(key, buffer);
      }
      // 16-bit mono PCM: two bytes per sample.
      buffer.samples += base64Bytes(audio) / 2;
      const done = props['done'] === true || props['done'] === 'true';
      if (done) {
        this.echoAudio.delete(key);
        this.settleLegacyTools();
        this.speak({
          text: '(audio)',
          inferenceId: givenId ?? this.ports.random.uuid(),
          turnIdx: this.turn,
          stream: true,
          interruptibleByUser: true,
          durationMs: Math.max(200, (buffer.samples / buffer.sampleRate) * 1000),
        });
      }
      return null;
    }
    return `unknown echo modality ${JSON.stringify(modality)}`;
  }

  private onContext(props: Record<string, unknown>, mode: 'overwrite' | 'append'): string | null {
    const context = props['context'];
    if (typeof context !== 'string') return `${mode} context without a context string`;
    if (mode === 'overwrite') {
      this.contextText = context;
    } else {
      this.contextText = this.contextText ? `${this.contextText}\n${context}` : context;
      // Appending a result is how legacy (non-registry) tools report back.
      this.settleLegacyTools();
    }
    return null;
  }

  private onSensitivity(props: Record<string, unknown>): string | null {
    let changed = false;
    for (const key of [
      'participant_pause_sensitivity',
      'participant_interrupt_sensitivity',
    ] as const) {
      const value = props[key];
      if (typeof value === 'string' && value) {
        this.sensitivityState = { ...this.sensitivityState, [key]: value };
        changed = true;
      }
    }
    return changed ? null : 'conversation.sensitivity without a known setting';
  }

  private onToolResult(props: Record<string, unknown>): string | null {
    const id = props['tool_call_id'];
    if (typeof id !== 'string') return 'conversation.tool_result without tool_call_id';
    const pending = this.pendingTools.get(id);
    if (!pending) return `no pending tool call ${JSON.stringify(id)}`;
    pending.cancelTimeout();
    this.pendingTools.delete(id);
    const status = props['status'] === 'error' ? 'error' : 'success';
    this.answerTool(pending, { status, output: props['output'] });
    return null;
  }

  // --- turns --------------------------------------------------------------------------------

  private userTurn(text: string, done: () => void): void {
    const wps = this.config.wordsPerSecond;
    const random = this.ports.random;
    if (splitWords(text).length === 0) {
      done();
      return;
    }
    const turnIdx = ++this.turn;
    // Speculative inference: the user's inference id changes while they talk (§4.7).
    let speculativeId = random.uuid();
    this.emit('conversation.user.started_speaking', { turnIdx, inferenceId: speculativeId });
    this.emit('conversation.started_speaking', {
      turnIdx,
      inferenceId: speculativeId,
      properties: { role: 'user' },
    });
    this.userIsSpeaking = true;
    this.bargeIn();
    const plan = planSpeech(text, wps, random);
    const last = plan.chunkEnds.length - 1;
    plan.chunkEnds.forEach((wordIndex, chunk) => {
      this.later(plan.wordEnds[wordIndex] as number, () => {
        speculativeId = random.uuid();
        this.emit('conversation.utterance.streaming', {
          turnIdx,
          inferenceId: speculativeId,
          properties: {
            role: 'user',
            speech: textOf(plan, wordIndex + 1),
            content_index: 0,
            final: chunk === last,
          },
        });
        if (chunk !== last) return;
        const duration = round2(plan.durationMs / 1000);
        this.emit('conversation.user.stopped_speaking', { turnIdx, inferenceId: speculativeId });
        this.emit('conversation.stopped_speaking', {
          turnIdx,
          inferenceId: speculativeId,
          properties: { role: 'user', interrupted: false, duration },
        });
        this.userIsSpeaking = false;
        const committedId = random.uuid();
        this.later(this.config.timing.userUtteranceMs, () => {
          this.emit('conversation.utterance', {
            turnIdx,
            inferenceId: committedId,
            properties: { role: 'user', speech: text },
          });
          done();
          this.think(text, turnIdx, committedId);
        });
      });
    });
  }

  /** The "LLM": after a realistic delay, speak a reply or call a tool. */
  private think(text: string, turnIdx: number, inferenceId: string): void {
    this.cancelThinking();
    const cancel = this.later(this.thinkDelay(), () => {
      this.thinking = null;
      const decision = decide(
        {
          text,
          context: this.contextText,
          sensitivity: this.sensitivityState,
          replicaName: this.config.replicaName,
          now: new Date(this.ports.wallClock()),
        },
        this.config.script,
        this.ports.random,
      );
      if (decision.kind === 'say') {
        this.speak({
          text: decision.text,
          inferenceId,
          turnIdx,
          stream: true,
          interruptibleByUser: true,
        });
        return;
      }
      const toolCallId = `tc_${this.ports.random.hex(8)}`;
      this.emit('conversation.tool_call', {
        turnIdx,
        inferenceId,
        properties: {
          name: decision.name,
          arguments: JSON.stringify(decision.arguments),
          tool_call_id: toolCallId,
        },
      });
      const pending: PendingTool = {
        name: decision.name,
        args: decision.arguments,
        turnIdx,
        cancelTimeout: () => {},
      };
      pending.cancelTimeout = this.later(this.config.timing.toolResultTimeoutMs, () => {
        if (this.pendingTools.delete(toolCallId)) this.answerTool(pending, { status: 'timeout' });
      });
      this.pendingTools.set(toolCallId, pending);
    });
    this.thinking = cancel;
  }

  /** The answer after a tool result: a new inference in the same turn (§7.2). */
  private answerTool(pending: PendingTool, outcome: ToolOutcome): void {
    this.later(this.thinkDelay(), () =>
      this.speak({
        text: toolReply(pending.name, pending.args, outcome),
        inferenceId: this.ports.random.uuid(),
        turnIdx: pending.turnIdx,
        stream: true,
        interruptibleByUser: true,
      }),
    );
  }

  /**
   * A page using legacy tools answers with `echo` or `append_llm_context` instead of
   * `tool_result`; the pending calls are then settled without a spoken timeout notice.
   */
  private settleLegacyTools(): void {
    for (const tool of this.pendingTools.values()) tool.cancelTimeout();
    this.pendingTools.clear();
  }

  // --- speech -------------------------------------------------------------------------------

  private speak(utterance: Utterance): void {
    if (this.stopped || splitWords(utterance.text).length === 0) return;
    if (this.current || this.startingNext) this.queue.push(utterance);
    else this.begin(utterance);
  }

  private begin(utterance: Utterance): void {
    const plan = planSpeech(
      utterance.text,
      this.config.wordsPerSecond,
      this.ports.random,
      utterance.durationMs,
    );
    const fields = { turnIdx: utterance.turnIdx, inferenceId: utterance.inferenceId };
    // The replica utterance carries the whole intended reply, sent as speech starts (§4.1).
    this.emitTwins('conversation.utterance', fields, (role) => ({ role, speech: utterance.text }));
    this.emit('conversation.replica.started_speaking', fields);
    this.emitTwins('conversation.started_speaking', fields, (role) => ({ role }));
    const active: ActiveUtterance = {
      ...utterance,
      plan,
      startedAt: this.ports.scheduler.now(),
      nextContentIndex: 0,
      cancels: [],
    };
    this.current = active;
    this.ports.speakingChanged(true);
    if (!utterance.stream) {
      active.cancels.push(this.later(plan.durationMs, () => this.finish(false)));
      return;
    }
    const last = plan.chunkEnds.length - 1;
    plan.chunkEnds.forEach((wordIndex, chunk) => {
      active.cancels.push(
        this.later(plan.wordEnds[wordIndex] as number, () => {
          this.emitTwins('conversation.utterance.streaming', fields, (role) => ({
            role,
            speech: textOf(plan, wordIndex + 1),
            content_index: chunk,
            final: chunk === last,
          }));
          active.nextContentIndex = chunk + 1;
          if (chunk === last) this.finish(false);
        }),
      );
    });
  }

  private finish(interrupted: boolean): void {
    const active = this.current;
    if (!active) return;
    for (const cancel of active.cancels) cancel();
    this.current = null;
    const elapsed = this.ports.scheduler.now() - active.startedAt;
    const duration = round2((interrupted ? elapsed : active.plan.durationMs) / 1000);
    const fields = { turnIdx: active.turnIdx, inferenceId: active.inferenceId };
    if (interrupted) {
      if (this.config.emitReplicaInterrupted) this.emit('conversation.replica_interrupted', fields);
      if (active.stream) {
        // Only the words actually spoken (§4.2), never the rest of the intended reply.
        const spoken = textOf(active.plan, wordsSpokenBy(active.plan, elapsed));
        this.emitTwins('conversation.utterance.streaming', fields, (role) => ({
          role,
          speech: spoken,
          content_index: active.nextContentIndex,
          final: true,
          is_interrupted: true,
        }));
      }
    }
    this.emit('conversation.replica.stopped_speaking', {
      ...fields,
      properties: { duration, interrupted },
    });
    this.emitTwins('conversation.stopped_speaking', fields, (role) => ({
      role,
      interrupted,
      duration,
    }));
    this.ports.speakingChanged(false);
    if (!interrupted && this.queue.length > 0) {
      this.startingNext = this.later(this.config.timing.gapMs, () => {
        this.startingNext = null;
        const next = this.queue.shift();
        if (next) this.begin(next);
      });
    }
  }

  /** The user takes the floor: an interruptible reply is cut and nothing queued follows it. */
  private bargeIn(): void {
    this.cancelThinking();
    if (this.current && !this.current.interruptibleByUser) return;
    this.clearQueue();
    if (this.current) this.finish(true);
  }

  private clearQueue(): void {
    this.queue = [];
    if (this.startingNext) {
      this.startingNext();
      this.startingNext = null;
    }
  }

  private cancelThinking(): void {
    if (this.thinking) {
      this.thinking();
      this.thinking = null;
    }
  }

  // --- events and timers --------------------------------------------------------------------

  private envelope(
    eventType: string,
    fields: EventFields,
    messageType: 'conversation' | 'system',
    seq: number | undefined,
  ): TavusServerEvent {
    const event: TavusServerEvent = {
      message_type: messageType,
      event_type: eventType,
      conversation_id: this.config.conversationId,
    };
    if (seq !== undefined) event.seq = seq;
    if (fields.turnIdx !== undefined) event.turn_idx = fields.turnIdx;
    if (fields.inferenceId !== undefined) event.inference_id = fields.inferenceId;
    event.timestamp = Math.round(this.ports.wallClock()) / 1000;
    if (fields.properties !== undefined) event.properties = fields.properties;
    return event;
  }

  private emit(
    eventType: string,
    fields: EventFields,
    messageType: 'conversation' | 'system' = 'conversation',
  ): void {
    this.ports.send(this.envelope(eventType, fields, messageType, ++this.seq));
  }

  /** The PAL message and its legacy `replica` twin (protocol.md pitfall 2). */
  private emitTwins(
    eventType: string,
    fields: Omit<EventFields, 'properties'>,
    properties: (role: ReplicaRole) => Record<string, unknown>,
  ): void {
    const shared = this.config.twinsShareSeq ? ++this.seq : undefined;
    for (const role of this.config.replicaRoles) {
      const seq = shared ?? ++this.seq;
      this.ports.send(
        this.envelope(eventType, { ...fields, properties: properties(role) }, 'conversation', seq),
      );
    }
  }

  private heartbeat(): void {
    const interval = this.config.heartbeatMs;
    if (interval === false) return;
    this.later(interval, () => {
      // No seq: heartbeats repeat identically and are separate events (pitfall 19).
      this.ports.send(this.envelope('system.replica_present', {}, 'system', undefined));
      this.heartbeat();
    });
  }

  private thinkDelay(): number {
    const think = this.config.timing.thinkMs;
    return typeof think === 'number' ? think : this.ports.random.between(think[0], think[1]);
  }

  /** A scheduler task that `stop()` cancels. */
  private later(ms: number, run: () => void): Cancel {
    if (this.stopped) return () => {};
    let cancelTask: Cancel = () => {};
    const tracked: Cancel = () => {
      this.timers.delete(tracked);
      cancelTask();
    };
    cancelTask = this.ports.scheduler.after(ms, () => {
      this.timers.delete(tracked);
      run();
    });
    this.timers.add(tracked);
    return tracked;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Decoded length of a base64 string, without decoding it. */
function base64Bytes(base64: string): number {
  const clean = base64.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
