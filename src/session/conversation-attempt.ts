import { CallController } from '../call/call-controller.js';
import { endConversation } from '../call/conversation-endpoint.js';
import { createDailyCall } from '../call/daily-factory.js';
import type { CallFactory } from '../call/daily-like.js';
import { TavusSendEvent } from '../events/send-event.js';
import { createProtocolEvent } from '../events/tavus-protocol-event.js';
import { domEventName } from '../protocol/event-names.js';
import { createEventPipeline, type EventPipeline } from '../protocol/pipeline.js';
import { DEFAULT_REORDER_WINDOW_MS, SYSTEM_CLOCK } from '../protocol/sequencer.js';
import { Transcript } from '../protocol/transcript.js';
import type { Interaction, TavusEvent } from '../protocol/types.js';
import type { EndedReason } from '../state/conversation-state.js';
import type { ChosenDevices } from '../state/devices.js';
import { ConversationError, describeFailure, notConnectedError } from '../state/errors.js';
import { parseConversationUrl } from './conversation-url.js';
import { Interactions } from './interactions.js';
import type { AttemptPort, RoomFacts, SessionConfig, SessionTiming } from './session-config.js';
import { requestConversation, type ConversationRequest } from './conversation-request.js';
import { NOBODY_SPEAKING } from '../state/speaking.js';
import { CallTiming } from './call-timing.js';
import { shutdownReason } from './shutdown-reason.js';
import { followSpeaking } from './speaking-tracker.js';
import { answerToolCall, TOOL_DEFAULTS, ToolRunner } from './tool-runner.js';

/** Rejoins after network drops in one conversation before giving up. */
const MAX_REJOINS = 2;

const DEFAULT_TIMING: SessionTiming = {
  clock: SYSTEM_CLOCK,
  reorderWindowMs: DEFAULT_REORDER_WINDOW_MS,
  toolTimeoutMs: TOOL_DEFAULTS.timeoutMs,
};

/**
 * One conversation attempt, from the start to the end: creates the conversation through the
 * endpoint when asked to, joins its Daily room through the call controller, turns the replica's
 * app-messages into ordered DOM events and a transcript, runs tools, and sends interactions.
 * Everything in it is thrown away together; the session owns the state it reports.
 */
export class ConversationAttempt {
  readonly transcript = new Transcript({ maxMessages: 5000 });
  conversationId = '';
  /** The interaction methods, for the element (through the session, only while connected). */
  readonly interactions = new Interactions(
    (build) => this.sendNow(build),
    (text) => {
      this.transcript.addTypedUserMessage(text);
      this.port.transcriptChanged();
      this.timing.responded();
    },
  );

  private readonly abort = new AbortController();
  private call: CallController | null = null;
  private readonly events: EventPipeline;
  private readonly tools: ToolRunner;
  /** The endpoint's request, until it answers (an end meanwhile abandons it). */
  private request: ConversationRequest | null = null;
  /** Set when this attempt created the conversation through the endpoint (it must end it). */
  private created: { endpoint: string; endToken?: string } | null = null;
  private room: RoomFacts = { inRoom: false, replicaHere: false, networkDown: false };
  private speaking = NOBODY_SPEAKING;
  private readonly timing: CallTiming;
  /** Seconds, from the element or the endpoint's `max_call_duration`; 0 for none. */
  private maxDuration = 0;
  private rejoins = 0;
  private rejoining = false;
  private over = false;
  private reconnectWaiters: (() => void)[] = [];

  constructor(
    private readonly port: AttemptPort,
    /** Read once when the attempt runs; tools are read on each tool call (pages swap them). */
    private readonly config: () => SessionConfig,
  ) {
    const { clock, reorderWindowMs, toolTimeoutMs } = { ...DEFAULT_TIMING, ...port.timing };
    this.timing = new CallTiming(clock, port);
    this.events = createEventPipeline({
      onEvent: (event) => this.deliver(event),
      windowMs: reorderWindowMs,
      clock,
    });
    this.tools = new ToolRunner({ ...TOOL_DEFAULTS, clock, timeoutMs: toolTimeoutMs });
  }

  /** The replica is in the room and the network is up: interactions can go out. */
  get connected(): boolean {
    return !this.over && this.room.inRoom && this.room.replicaHere && !this.room.networkDown;
  }

  /** Whether this attempt created its conversation (and so ends it through the endpoint). */
  get createdConversation(): boolean {
    return this.created !== null;
  }

  /**
   * Starts what does not depend on the room: the call object and Daily's call bundle. `run()`
   * does it too, alongside the endpoint's request; intent (a pointer over the start button) may
   * do it earlier. Creates no conversation.
   */
  warmUp(): void {
    if (!this.over) this.ensureCall();
  }

  private ensureCall(): CallController {
    if (this.call) return this.call;
    const config = this.config();
    const call = this.createCall(config.callFactory ?? createDailyCall);
    this.call = call;
    // A failure shows again, and is reported, when run() joins.
    call
      .prepare({ startVideoOff: config.cameraOff, startAudioOff: config.microphoneOff })
      .catch(() => {});
    return call;
  }

  /**
   * Joins; resolves once in the room, rejects with a ConversationError that says why not.
   * `request`: the endpoint's request, when the session sent it before this code had loaded.
   */
  async run(request?: ConversationRequest | null): Promise<void> {
    this.throwIfOver();
    this.timing.started();
    const config = this.config();
    this.maxDuration = config.maxDuration;
    const given = config.conversationUrl.trim();
    const endpoint = config.conversationEndpoint.trim();
    if (!given && !endpoint) {
      throw new ConversationError(
        'missing-configuration',
        'Set conversation-url or conversation-endpoint before starting the conversation.',
      );
    }
    // A URL that cannot be joined fails before anything is made or fetched.
    let room = given ? parseConversationUrl(given) : null;
    // The call object and Daily's bundle need no room: they load while the endpoint answers.
    const call = this.ensureCall();
    let token = room?.token;
    let createdId: string | undefined;
    if (!room) {
      this.request = request ?? requestConversation(endpoint);
      const created = await this.request.created;
      this.request = null;
      // Ended while the endpoint was creating: abandon() ends what it created.
      this.throwIfOver();
      this.created = { endpoint, ...(created.endToken ? { endToken: created.endToken } : {}) };
      room = parseConversationUrl(created.conversationUrl);
      token = created.meetingToken ?? room.token;
      createdId = created.conversationId;
      if (!this.maxDuration && created.maxCallDuration) this.maxDuration = created.maxCallDuration;
    }
    this.conversationId = config.conversationId || createdId || room.id;
    this.events.setConversationId(this.conversationId || undefined);
    // Without an id there is nothing the endpoint could end.
    if (this.created && !this.conversationId) this.created = null;
    this.throwIfOver();
    // The visitor may still be looking at the device check: tell Daily the room meanwhile.
    if (config.deviceCheck) void call.preAuth(room.url, token);
    await this.port.readyToJoin();
    this.throwIfOver();
    // Read again: the device check (or the toggles while connecting) may have changed them.
    const { cameraOff, microphoneOff } = this.config();
    await call.join(
      {
        url: room.url,
        ...(token ? { token } : {}),
        ...(config.userName ? { userName: config.userName } : {}),
        devices: this.port.devices(),
        startVideoOff: cameraOff,
        startAudioOff: microphoneOff,
      },
      this.abort.signal,
    );
    this.throwIfOver();
  }

  private createCall(factory: CallFactory): CallController {
    return new CallController(factory, {
      joined: () => {
        this.timing.measure('joined');
        this.timing.startLimit(this.maxDuration, () => this.finish('time-limit'));
        this.changeRoom({ inRoom: true });
      },
      replicaPresent: (name) => {
        if (this.over) return;
        this.port.replicaNamed(name);
        this.changeRoom({ replicaHere: true });
      },
      replicaLeft: () => this.finish('replica-left'),
      unverifiedParticipant: () =>
        this.report(
          'replica-unverified',
          'A participant without Tavus’ replica marker is in the room: its messages are ignored.',
        ),
      appMessage: (data) => {
        if (!this.over) this.events.receive(data);
      },
      networkInterrupted: (down) => this.changeRoom({ networkDown: down }),
      mediaChanged: (media) => {
        if (this.over) return;
        if (media.replicaVideo) this.timing.measure('first-frame');
        this.port.mediaChanged(media);
      },
      networkQuality: (quality) => {
        if (!this.over) this.port.networkQualityChanged(quality);
      },
      // After a network drop, Daily may give up on the call; the conversation may still be there.
      leftUnexpectedly: () => void (this.room.networkDown ? this.rejoin() : this.finish('left')),
      fatalError: (message) => {
        if (this.room.networkDown) void this.rejoin();
        else if (!this.over) this.port.failed('call-failed', message);
      },
    });
  }

  /**
   * Leaves the call (awaiting Daily's destroy) and, when this attempt created the conversation,
   * asks the endpoint to end it so billing stops. Safe to call more than once.
   */
  async end(): Promise<void> {
    if (this.over) return;
    this.over = true;
    this.abort.abort();
    this.request?.abandon();
    this.tools.stop();
    this.timing.stop();
    this.wakeReconnectWaiters();
    // Whatever Tavus already said is delivered before the curtain falls, and a reply still open
    // or announced but never streamed is shown as it stands.
    this.events.flush();
    this.transcript.finish();
    // end() may run inside a delivery (system.shutdown, a page listener): the events flush()
    // queued behind it still go out before the pipeline is dropped.
    queueMicrotask(() => {
      this.events.dispose();
      if (this.transcript.finish()) this.port.transcriptChanged();
    });
    // The end request starts before the first await, so that it also goes out from `pagehide`.
    const ending = this.endThroughEndpoint();
    await this.call?.dispose();
    await ending;
  }

  setMicrophone(on: boolean): void {
    this.call?.setMicrophone(on);
  }

  setCamera(on: boolean): void {
    this.call?.setCamera(on);
  }

  retryDevices(): void {
    this.call?.retryDevices();
  }

  async setInputDevices(devices: ChosenDevices): Promise<void> {
    await this.call?.setInputDevices(devices);
  }

  /**
   * Builds interactions for this conversation and sends them in order, each followed by
   * `tavus-send`. Throws when not connected (before building, so that this wins over argument
   * errors), when one is too large for Daily (`message-too-large`), or when Daily refuses.
   */
  private send(build: (conversationId: string) => readonly Interaction[]): void {
    const call = this.call;
    if (!call || !this.connected)
      throw notConnectedError(this.room.networkDown ? 'reconnecting' : 'ended');
    for (const interaction of build(this.conversationId)) {
      try {
        call.send(interaction);
      } catch (failure) {
        if (failure instanceof ConversationError) throw failure;
        throw new Error(
          `tavus-conversation: could not send ${interaction.event_type}: ${describeFailure(failure)}`,
        );
      }
      this.port.host.dispatchEvent(new TavusSendEvent(interaction));
    }
  }

  /** `send`, with what it throws as a rejection. */
  private sendNow(build: (conversationId: string) => readonly Interaction[]): Promise<void> {
    return new Promise((resolve) => resolve(this.send(build)));
  }

  private changeRoom(change: Partial<RoomFacts>): void {
    if (this.over) return;
    this.room = { ...this.room, ...change };
    if (!this.room.networkDown) this.wakeReconnectWaiters();
    this.port.roomChanged(this.room);
  }

  private finish(reason: EndedReason): void {
    if (!this.over) this.port.finished(reason);
  }

  private report(code: 'replica-unverified' | 'message-too-large', message: string): void {
    if (!this.over) this.port.problem(code, message);
  }

  private throwIfOver(): void {
    if (!this.over) return;
    // Ended while the endpoint was creating: what it created must not run (and bill) on.
    void this.endThroughEndpoint();
    throw new ConversationError('join-failed', 'The join was cancelled.');
  }

  private endThroughEndpoint(): Promise<void> | undefined {
    const created = this.created;
    if (!created) return undefined;
    this.created = null;
    return endConversation(created.endpoint, this.conversationId, created.endToken).catch(
      (failure: unknown) => {
        // The call is left either way; the backend's own timeout ends the conversation.
        console.warn(`tavus-conversation: ${describeFailure(failure)}`);
      },
    );
  }

  /** One Tavus event, in seq order: update the model, then tell the page. */
  private deliver(event: TavusEvent): void {
    if (this.transcript.apply(event)) this.port.transcriptChanged();
    try {
      const speaking = followSpeaking(this.speaking, event);
      if (speaking !== this.speaking) {
        this.speaking = speaking;
        this.port.speakingChanged(speaking);
      }
      this.timing.observe(event);
    } catch {
      // An event that cannot be read (a throwing getter from in-page code) changes no state, and
      // must not keep the page from receiving it.
    }
    const isToolCall = event.event_type === 'conversation.tool_call';
    const named = createProtocolEvent(domEventName(event.event_type), event, isToolCall);
    this.port.host.dispatchEvent(named);
    this.port.host.dispatchEvent(createProtocolEvent('tavus-event', event));

    if (isToolCall && !named.defaultPrevented) void this.runTool(event);
    if (event.event_type === 'system.shutdown') this.finish(shutdownReason(event));
  }

  /** Joins the same conversation again after a drop (twice at most), or ends it. */
  private async rejoin(): Promise<void> {
    const call = this.call;
    if (this.over || this.rejoining || !call) return;
    if (this.rejoins >= MAX_REJOINS) return this.finish('left');
    this.rejoins++;
    this.rejoining = true;
    this.changeRoom({ networkDown: true, replicaHere: false });
    try {
      await call.rejoin();
      this.changeRoom({ networkDown: false });
    } catch {
      this.finish('left');
    } finally {
      this.rejoining = false;
    }
  }

  /** Runs a registered tool; its result goes back once the connection allows. */
  private async runTool(event: TavusEvent): Promise<void> {
    const outcome = await this.tools.run(event, this.config().tools);
    if (!outcome) return;
    // A result that is ready during a short network drop waits for the connection to return.
    if (this.room.networkDown && !this.over) await this.reconnected();
    if (!this.connected) return;
    await answerToolCall(
      outcome,
      (build) => this.sendNow(build),
      (message) => this.report('message-too-large', message),
    );
  }

  /** Resolves when the network is back, or the attempt is over. */
  private reconnected(): Promise<void> {
    return new Promise((resume) => this.reconnectWaiters.push(resume));
  }

  private wakeReconnectWaiters(): void {
    const waiting = this.reconnectWaiters;
    this.reconnectWaiters = [];
    for (const resume of waiting) resume();
  }
}
