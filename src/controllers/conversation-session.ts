import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { CallController } from '../call/call-controller.js';
import { NO_MEDIA, type CallMedia } from '../state/call-media.js';
import type {
  ConversationState,
  EndedReason,
  TavusErrorCode,
  TavusErrorInfo,
} from '../state/conversation-state.js';
import { createConversation, endConversation } from '../call/conversation-endpoint.js';
import { createDailyCall } from '../call/daily-factory.js';
import type { CallFactory } from '../call/daily-like.js';
import { ConversationError, describeFailure, notConnectedError } from '../state/errors.js';
import { TavusErrorEvent } from '../events/error-event.js';
import { TavusSendEvent } from '../events/send-event.js';
import { TavusStateChangeEvent } from '../events/state-change-event.js';
import { createProtocolEvent } from '../events/tavus-protocol-event.js';
import { domEventName } from '../protocol/event-names.js';
import {
  buildAppendContext,
  buildEchoAudio,
  buildEchoText,
  buildInteraction,
  buildInterrupt,
  buildOverwriteContext,
  buildRespond,
  buildSensitivity,
  buildToolResult,
} from '../protocol/interactions.js';
import { createEventPipeline, type EventPipeline } from '../protocol/pipeline.js';
import { BoundedSet, parseToolArguments, readToolCall } from '../protocol/tool-calls.js';
import { Transcript } from '../protocol/transcript.js';
import type { Interaction, SensitivityLevel, TavusEvent } from '../protocol/types.js';

/** A client-side tool: receives the parsed arguments and the Tavus tool-call event. */
export type ToolHandler = (args: unknown, event: TavusEvent) => unknown;
export type ToolHandlers = Record<string, ToolHandler>;

/** What the element hands the session when a conversation starts. */
export interface SessionConfig {
  conversationUrl: string;
  conversationId: string;
  conversationEndpoint: string;
  cameraOff: boolean;
  microphoneOff: boolean;
  callFactory: CallFactory | undefined;
  tools: ToolHandlers;
  userName: string;
}

/** How long out-of-order Tavus events are held while waiting for the gap to fill. */
const REORDER_WINDOW_MS = 300;
/** Tool calls remembered for de-duplication (a call never has this many in flight). */
const TOOL_CALL_MEMORY = 256;
/** A removed element waits this long for re-insertion (a framework moving it) before leaving. */
const MOVE_GRACE_MS = 0;

/** One conversation attempt: everything that must be thrown away together. */
interface Attempt {
  abort: AbortController;
  call: CallController | null;
  /** App-message data in → validated, de-duplicated, `seq`-ordered events out. */
  events: EventPipeline;
  conversationId: string;
  /** Set when the element created the conversation through the endpoint (it must end it). */
  endpointToEnd: string | null;
  inRoom: boolean;
  replicaHere: boolean;
  networkDown: boolean;
}

/**
 * The conversation's brain, as a Lit reactive controller: runs the start → join → talk → end
 * life cycle, turns Daily app-messages into ordered DOM events and a transcript, runs tools,
 * and sends interactions. The element only renders what this holds and forwards intents.
 */
export class ConversationSession implements ReactiveController {
  state: ConversationState = 'idle';
  error: TavusErrorInfo | null = null;
  endedReason: EndedReason | null = null;
  media: CallMedia = NO_MEDIA;
  replicaName = '';
  replicaSpeaking = false;
  userSpeaking = false;
  readonly transcript = new Transcript({ maxMessages: 5000 });

  private attempt: Attempt | null = null;
  private starting: Promise<void> | null = null;
  private readonly toolCallsSeen = new BoundedSet<string>(TOOL_CALL_MEMORY);
  private frame = 0;
  private reconnectWaiters: (() => void)[] = [];
  private teardownTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    initialState: ConversationState,
    private readonly config: () => SessionConfig,
  ) {
    this.state = initialState;
    host.addController(this);
  }

  /** A start announced by the element was called off before it began. */
  cancel(reason: EndedReason): void {
    if (!this.attempt && !this.starting && this.state === 'connecting') {
      this.setState('ended', { reason });
    }
  }

  hostConnected(): void {
    // Re-inserted right after removal (a framework moving the node): keep the call.
    clearTimeout(this.teardownTimer);
    this.teardownTimer = undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.teardownTimer);
    this.teardownTimer = setTimeout(() => {
      this.teardownTimer = undefined;
      if (!this.host.isConnected) void this.end('left');
    }, MOVE_GRACE_MS);
  }

  /** The conversation id interactions are stamped with ('' before a start). */
  get conversationId(): string {
    return this.attempt?.conversationId ?? '';
  }

  /** Joins the conversation; resolves once in the room, rejects with the reason it failed. */
  start(): Promise<void> {
    if (this.starting) return this.starting;
    if (this.attempt && this.isLive()) return Promise.resolve();
    this.starting = this.run().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /**
   * Leaves the call (awaiting Daily's destroy) and, when the element created the conversation,
   * asks the endpoint to end it so billing stops.
   */
  async end(reason: EndedReason = 'user-ended'): Promise<void> {
    const attempt = this.attempt;
    if (!attempt) return;
    this.attempt = null;
    attempt.abort.abort();
    // Whatever Tavus already said is delivered before the curtain falls, and a reply still open
    // or announced but never streamed is shown as it stands.
    attempt.events.flush();
    this.transcript.finish();
    // end() may run inside a delivery (system.shutdown, a page listener): the events flush()
    // queued behind it still go out before the pipeline is dropped.
    queueMicrotask(() => {
      attempt.events.dispose();
      if (this.transcript.finish()) this.host.requestUpdate();
    });
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.media = NO_MEDIA;
    this.replicaSpeaking = this.userSpeaking = false;
    if (this.state !== 'error') this.setState('ended', { reason });
    window.removeEventListener('pagehide', this.handlePageHide);
    // The end request starts before the first await, so that it also goes out from `pagehide`.
    const ending = this.endThroughEndpoint(attempt);
    await attempt.call?.dispose();
    await ending;
  }

  /** Asks the endpoint to end the conversation this attempt created, once. */
  private endThroughEndpoint(attempt: Attempt): Promise<void> | undefined {
    const endpoint = attempt.endpointToEnd;
    if (!endpoint || !attempt.conversationId) return undefined;
    attempt.endpointToEnd = null;
    return endConversation(endpoint, attempt.conversationId).catch((failure) => {
      // The call is left either way; the backend's own timeout ends the conversation.
      console.warn(`tavus-conversation: ${describeFailure(failure)}`);
    });
  }

  /** Leaving the page ends a conversation the element created, so billing stops. */
  private readonly handlePageHide = () => {
    void this.end('left');
  };

  /**
   * Builds interactions for this conversation and sends them in order. Rejects when not
   * connected (before building, so that message wins over argument errors) or when Daily refuses.
   */
  async send(build: (conversationId: string) => readonly Interaction[]): Promise<void> {
    const attempt = this.attempt;
    if (!attempt?.call || this.state !== 'connected') throw notConnectedError(this.state);
    for (const interaction of build(attempt.conversationId)) {
      try {
        attempt.call.send(interaction);
      } catch (failure) {
        throw new Error(
          `tavus-conversation: could not send ${interaction.event_type}: ${describeFailure(failure)}`,
        );
      }
      this.host.dispatchEvent(new TavusSendEvent(interaction));
    }
  }

  /** Typed text as if the user said it; shown at once, merged later with Tavus' echo of it. */
  async respond(text: string): Promise<void> {
    await this.send((id) => [buildRespond(id, text)]);
    this.transcript.addTypedUserMessage(text);
    this.scheduleRender();
  }

  echo(text: string): Promise<void> {
    return this.send((id) => [buildEchoText(id, text, { done: true })]);
  }

  echoAudio(
    pcm: Int16Array | ArrayBuffer | Float32Array,
    options: { sampleRate: number; inferenceId?: string },
  ): Promise<void> {
    return this.send((id) => buildEchoAudio(id, pcm, options));
  }

  interrupt(): Promise<void> {
    return this.send((id) => [buildInterrupt(id)]);
  }

  overwriteContext(context: string): Promise<void> {
    return this.send((id) => [buildOverwriteContext(id, context)]);
  }

  appendContext(context: string): Promise<void> {
    return this.send((id) => [buildAppendContext(id, context)]);
  }

  setSensitivity(sensitivity: { pause?: SensitivityLevel; interrupt?: SensitivityLevel }) {
    return this.send((id) => buildSensitivity(id, sensitivity));
  }

  sendToolResult(toolCallId: string, output: unknown, status: 'success' | 'error'): Promise<void> {
    return this.send((id) => [buildToolResult(id, toolCallId, output, status)]);
  }

  sendRaw(interaction: { event_type: string; properties?: Record<string, unknown> }) {
    return this.send((id) => [buildInteraction(id, interaction)]);
  }

  setMicrophone(on: boolean): void {
    this.attempt?.call?.setMicrophone(on);
  }

  setCamera(on: boolean): void {
    this.attempt?.call?.setCamera(on);
  }

  retryDevices(): void {
    this.attempt?.call?.retryDevices();
  }

  private isLive(): boolean {
    return ['connecting', 'waiting', 'connected', 'reconnecting'].includes(this.state);
  }

  private async run(): Promise<void> {
    const config = this.config();
    const abort = new AbortController();
    const attempt: Attempt = {
      abort,
      call: null,
      events: createEventPipeline({
        onEvent: (event) => this.deliver(attempt, event),
        windowMs: REORDER_WINDOW_MS,
      }),
      conversationId: '',
      endpointToEnd: null,
      inRoom: false,
      replicaHere: false,
      networkDown: false,
    };
    this.attempt = attempt;
    this.error = null;
    this.endedReason = null;
    this.media = NO_MEDIA;
    this.replicaName = '';
    this.transcript.clear();
    this.setState('connecting');

    try {
      let url = config.conversationUrl.trim();
      let token: string | undefined;
      let createdId: string | undefined;
      if (!url) {
        const endpoint = config.conversationEndpoint.trim();
        if (!endpoint) {
          throw new ConversationError(
            'missing-configuration',
            'Set conversation-url or conversation-endpoint before starting the conversation.',
          );
        }
        const created = await createConversation(endpoint, {}, abort.signal);
        url = created.conversationUrl;
        token = created.meetingToken;
        createdId = created.conversationId;
        attempt.endpointToEnd = endpoint;
      }
      const parsed = parseConversationUrl(url);
      token ??= parsed.token;
      attempt.conversationId = config.conversationId || createdId || parsed.id;
      attempt.events.setConversationId(attempt.conversationId || undefined);
      if (attempt.endpointToEnd && !attempt.conversationId) attempt.endpointToEnd = null;
      this.throwIfStale(attempt);
      // Not before: an attempt that ended while the endpoint answered must leave no listener.
      if (attempt.endpointToEnd) window.addEventListener('pagehide', this.handlePageHide);

      const call = new CallController(config.callFactory ?? createDailyCall, {
        joined: () => this.onCall(attempt, () => (attempt.inRoom = true)),
        replicaPresent: (name) =>
          this.onCall(attempt, () => {
            attempt.replicaHere = true;
            this.replicaName = name;
          }),
        replicaLeft: () => this.onCall(attempt, () => void this.end('replica-left')),
        appMessage: (data) => {
          if (this.attempt === attempt) attempt.events.receive(data);
        },
        networkInterrupted: (down) => this.onCall(attempt, () => (attempt.networkDown = down)),
        mediaChanged: (media) => this.onCall(attempt, () => (this.media = media)),
        leftUnexpectedly: () => this.onCall(attempt, () => void this.end('left')),
        fatalError: (message) =>
          this.onCall(attempt, () => void this.fail(attempt, 'call-failed', message)),
      });
      attempt.call = call;
      await call.join(
        {
          url: parsed.url,
          ...(token ? { token } : {}),
          ...(config.userName ? { userName: config.userName } : {}),
          startVideoOff: config.cameraOff,
          startAudioOff: config.microphoneOff,
        },
        abort.signal,
      );
      this.throwIfStale(attempt);
      this.updateState(attempt);
    } catch (failure) {
      if (this.attempt !== attempt) {
        // Ended or replaced while starting: not an error the user needs to see. A conversation
        // the endpoint created after the end still has to be ended, or it runs (and bills) on.
        void this.endThroughEndpoint(attempt);
        throw new Error('tavus-conversation: start() was cancelled.');
      }
      const code: TavusErrorCode =
        failure instanceof ConversationError ? (failure.code as TavusErrorCode) : 'join-failed';
      const message =
        failure instanceof ConversationError ? failure.message : describeFailure(failure);
      await this.fail(attempt, code, message);
      throw new Error(`tavus-conversation: ${message}`);
    }
  }

  private throwIfStale(attempt: Attempt): void {
    if (this.attempt !== attempt) throw new ConversationError('join-failed', 'cancelled');
  }

  /** Runs a call callback only for the current attempt, then re-derives the state. */
  private onCall(attempt: Attempt, change: () => void): void {
    if (this.attempt !== attempt) return;
    change();
    if (this.attempt === attempt) this.updateState(attempt);
    this.host.requestUpdate();
  }

  private updateState(attempt: Attempt): void {
    if (!attempt.inRoom) return;
    const next: ConversationState = attempt.networkDown
      ? 'reconnecting'
      : attempt.replicaHere
        ? 'connected'
        : 'waiting';
    this.setState(next);
  }

  private async fail(attempt: Attempt, code: TavusErrorCode, message: string): Promise<void> {
    this.error = { code, message };
    this.setState('error', { error: this.error });
    this.host.dispatchEvent(new TavusErrorEvent(this.error));
    if (this.attempt === attempt) await this.end('left');
  }

  private setState(
    state: ConversationState,
    extra: { reason?: EndedReason; error?: TavusErrorInfo } = {},
  ): void {
    if (state === 'ended') this.endedReason = extra.reason ?? 'left';
    const previousState = this.state;
    if (previousState === state) return;
    this.state = state;
    if (state !== 'reconnecting') {
      const waiting = this.reconnectWaiters;
      this.reconnectWaiters = [];
      for (const resume of waiting) resume();
    }
    this.host.requestUpdate();
    this.host.dispatchEvent(new TavusStateChangeEvent({ state, previousState, ...extra }));
  }

  /** Resolves when a `reconnecting` phase is over, however it ends. */
  private reconnected(): Promise<void> {
    return new Promise((resume) => this.reconnectWaiters.push(resume));
  }

  /** One Tavus event, in seq order: update the model, then tell the page. */
  private deliver(attempt: Attempt, event: TavusEvent): void {
    if (this.transcript.apply(event)) this.scheduleRender();
    try {
      this.followSpeaking(event);
    } catch {
      // An event that cannot be read (a throwing getter from in-page code) changes no state, and
      // must not keep the page from receiving it.
    }

    const isToolCall = event.event_type === 'conversation.tool_call';
    const named = createProtocolEvent(domEventName(event.event_type), event, isToolCall);
    this.host.dispatchEvent(named);
    this.host.dispatchEvent(createProtocolEvent('tavus-event', event));

    if (isToolCall && !named.defaultPrevented) void this.runTool(attempt, event);
    if (event.event_type === 'system.shutdown' && this.attempt === attempt) {
      void this.end('shutdown');
    }
  }

  private followSpeaking(event: TavusEvent): void {
    const type = event.event_type;
    const properties = (event.properties ?? {}) as Record<string, unknown>;
    const role = properties['role'];
    const isReplica =
      type.startsWith('conversation.replica.') ||
      (type.endsWith('started_speaking') || type.endsWith('stopped_speaking')
        ? role === 'replica' || role === 'pal'
        : false);
    const isUser = type.startsWith('conversation.user.') || role === 'user';
    let changed = false;
    if (type.endsWith('started_speaking') || type.endsWith('stopped_speaking')) {
      const speaking = type.endsWith('started_speaking');
      if (isReplica && this.replicaSpeaking !== speaking) {
        this.replicaSpeaking = speaking;
        changed = true;
      } else if (isUser && this.userSpeaking !== speaking) {
        this.userSpeaking = speaking;
        changed = true;
      }
    }
    if (changed) this.host.requestUpdate();
  }

  /**
   * Runs a registered tool once per tool call and returns its result to Tavus. Registry tools
   * carry a `tool_call_id` and get `conversation.tool_result`; legacy inline tools have none,
   * so their result goes into the LLM context instead (protocol.md §3.7).
   */
  private async runTool(attempt: Attempt, event: TavusEvent): Promise<void> {
    const call = readToolCall(event);
    if (!call) return;
    const handler = Object.prototype.hasOwnProperty.call(this.config().tools, call.name)
      ? this.config().tools[call.name]
      : undefined;
    if (typeof handler !== 'function') return;
    // tool_call_id, else inference + name + the arguments' JSON text (not String(): two calls
    // with different object arguments are two calls).
    if (!this.toolCallsSeen.add(call.dedupeKey)) return;

    let output: unknown;
    let status: 'success' | 'error' = 'success';
    const parsed = parseToolArguments(call.rawArguments);
    if (!parsed.ok) {
      output = `Invalid arguments for ${call.name}: ${parsed.reason}`;
      status = 'error';
    } else {
      try {
        output = await handler(parsed.value, event);
      } catch (failure) {
        output = describeFailure(failure);
        status = 'error';
      }
    }
    // A result that is ready during a short network drop waits for the connection to return.
    if (this.attempt === attempt && this.state === 'reconnecting') await this.reconnected();
    if (this.attempt !== attempt || this.state !== 'connected') return;
    const toolCallId = call.toolCallId;
    const summary = `Result of tool ${call.name} (${status}): ${
      typeof output === 'string' ? output : safeJson(output)
    }`;
    try {
      await this.send((id) => [
        toolCallId
          ? buildToolResult(id, toolCallId, output, status)
          : buildAppendContext(id, summary),
      ]);
    } catch (failure) {
      // A result JSON cannot carry (a BigInt, a cycle) still owes Tavus an answer.
      if (!toolCallId || status === 'error' || !(failure instanceof TypeError)) {
        console.warn(describeFailure(failure));
        return;
      }
      await this.send((id) => [
        buildToolResult(id, toolCallId, describeFailure(failure), 'error'),
      ]).catch((again: unknown) => console.warn(describeFailure(again)));
    }
  }

  /** Transcript changes render at most once per frame, however fast Tavus streams. */
  private scheduleRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.host.requestUpdate();
    });
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value ?? null) ?? 'null';
  } catch {
    return String(value);
  }
}

/** Validates a conversation URL and takes the conversation id from its last path segment. */
export function parseConversationUrl(value: string): { url: string; id: string; token?: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not quoted: it may carry a meeting token (?t=…).
    throw new ConversationError('invalid-url', 'The conversation URL is not a valid URL.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ConversationError(
      'invalid-url',
      `The conversation URL must start with https:// (got ${url.protocol}//).`,
    );
  }
  const id = url.pathname.split('/').filter(Boolean).pop() ?? '';
  // A private room's meeting token may ride in the URL as ?t=; Daily also wants it as `token`.
  const token = url.searchParams.get('t') ?? undefined;
  return { url: url.href, id: safeDecode(id), ...(token ? { token } : {}) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
