import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { TavusErrorEvent } from '../events/error-event.js';
import { TavusStateChangeEvent } from '../events/state-change-event.js';
import type { TranscriptMessage } from '../protocol/transcript.js';
import type { ConversationAttempt } from '../session/conversation-attempt.js';
import type { Interactions } from '../session/interactions.js';
import type {
  AttemptPort,
  RoomFacts,
  SessionConfig,
  SessionTiming,
} from '../session/session-config.js';
import { NOBODY_SPEAKING, type Speaking } from '../state/speaking.js';
import { NO_MEDIA, type CallMedia } from '../state/call-media.js';
import type { ChosenDevices } from '../state/devices.js';
import type {
  ConversationState,
  EndedReason,
  NetworkQuality,
  TavusErrorCode,
  TavusErrorInfo,
} from '../state/conversation-state.js';
import { ConversationError, describeFailure, notConnectedError } from '../state/errors.js';
import { requestConversationFor } from '../session/conversation-request.js';

export type { CallFactory } from '../call/daily-like.js';
export type { SessionConfig } from '../session/session-config.js';
export type { ToolHandler, ToolHandlers } from '../session/tool-runner.js';

/**
 * The call machinery (protocol core, Daily call controller, tools) is loaded when a conversation
 * starts, like daily-js: a page that shows the start screen pays only for the UI and this class.
 */
const loadAttempt = () => import('../session/conversation-attempt.js');

/** A removed element waits this long for re-insertion (a framework moving it) before leaving. */
const MOVE_GRACE_MS = 0;
const LIVE_STATES: readonly ConversationState[] = [
  'checking',
  'connecting',
  'waiting',
  'connected',
  'reconnecting',
];
const NO_MESSAGES: readonly TranscriptMessage[] = Object.freeze([]);

/**
 * The one owner of the conversation's state, as a Lit reactive controller: runs the start → join
 * → talk → end life cycle through one `ConversationAttempt` at a time, and holds what the element
 * renders (state, error, media, who is speaking, the transcript). The element reads from it and
 * forwards intents; the attempt reports facts, and this turns them into state and state events.
 */
export class ConversationSession implements ReactiveController {
  state: ConversationState = 'idle';
  error: TavusErrorInfo | null = null;
  endedReason: EndedReason | null = null;
  media: CallMedia = NO_MEDIA;
  replicaName = '';
  speaking: Speaking = NOBODY_SPEAKING;
  /** Between the end of the visitor's turn and the replica's first word. */
  thinking = false;
  networkQuality: NetworkQuality | null = null;
  /** Whole seconds left, in the last minute of the maximum duration; otherwise null. */
  secondsLeft: number | null = null;
  /** The devices the visitor chose (the device check, the settings menu). */
  devices: ChosenDevices = {};

  /** The attempt in progress, or the last one (its transcript stays readable after the end). */
  private attempt: ConversationAttempt | null = null;
  /** The attempt in progress only. */
  private live: ConversationAttempt | null = null;
  /** An attempt warmed up on intent, waiting for start() to run it. */
  private warm: ConversationAttempt | null = null;
  private warming = false;
  private starting: Promise<void> | null = null;
  /** Bumped by end(): a start still loading the call machinery sees it and gives up. */
  private ticket = 0;
  private frame = 0;
  /** Opens when the visitor leaves the device check for the call. */
  private joinGate = openGate();
  private teardownTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: () => SessionConfig,
    private readonly timing: () => Partial<SessionTiming> = () => ({}),
  ) {
    host.addController(this);
  }

  /** The reconciled transcript of the current or last conversation, oldest first. */
  get transcript(): readonly TranscriptMessage[] {
    return this.attempt?.transcript.messages ?? NO_MESSAGES;
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
      if (this.host.isConnected) return;
      this.coolDown();
      void this.end('left');
    }, MOVE_GRACE_MS);
  }

  /**
   * The visitor shows intent to start (a pointer over or focus on a start control, the launcher
   * opened): load the call machinery, make the call object and fetch Daily's call bundle now, so
   * that a click finds them ready. Creates no conversation; does nothing while one is live.
   */
  warmUp(): void {
    if (this.warm || this.warming || this.live || LIVE_STATES.includes(this.state)) return;
    this.warming = true;
    loadAttempt().then(
      (module) => {
        this.warming = false;
        if (this.warm || this.live || !this.host.isConnected) return;
        const attempt: ConversationAttempt = new module.ConversationAttempt(
          this.portFor(() => this.live === attempt),
          this.config,
        );
        this.warm = attempt;
        attempt.warmUp();
      },
      () => {
        // A start reports it, and may succeed: the network may be back by then.
        this.warming = false;
      },
    );
  }

  /** Drops a warmed-up attempt that nobody started (the element left the page). */
  private coolDown(): void {
    void this.warm?.end();
    this.warm = null;
  }

  /** Joins the conversation; resolves once in the room, rejects with the reason it failed. */
  start(): Promise<void> {
    if (this.starting) return this.starting;
    if (this.live && LIVE_STATES.includes(this.state)) return Promise.resolve();
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
    this.ticket++;
    const attempt = this.live;
    this.live = null;
    window.removeEventListener('pagehide', this.handlePageHide);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resetLive();
    this.joinGate.open();
    // An end while the call machinery was still loading ends the start that announced itself.
    if (!attempt && this.state !== 'connecting' && this.state !== 'checking') return;
    if (this.state !== 'error') this.setState('ended', { reason });
    await attempt?.end();
  }

  /** Leaves the device check for the call (the conversation may still be being created). */
  join(): void {
    if (this.state !== 'checking') return;
    this.setState('connecting');
    this.joinGate.open();
  }

  /**
   * Chooses devices: at once in a call (camera and microphone through Daily; the speaker is the
   * view's), otherwise for the join.
   */
  async setDevices(devices: ChosenDevices): Promise<void> {
    this.devices = { ...this.devices, ...devices };
    this.host.requestUpdate();
    await this.live?.setInputDevices(devices);
  }

  /** The interaction methods, only while connected; otherwise the error says what to do. */
  connected(): Interactions {
    if (!this.live || this.state !== 'connected') throw notConnectedError(this.state);
    return this.live.interactions;
  }

  setMicrophone(on: boolean): void {
    this.live?.setMicrophone(on);
  }

  setCamera(on: boolean): void {
    this.live?.setCamera(on);
  }

  retryDevices(): void {
    this.live?.retryDevices();
  }

  private async run(): Promise<void> {
    const ticket = ++this.ticket;
    this.error = null;
    this.endedReason = null;
    this.replicaName = '';
    this.resetLive();
    const checking = this.config().deviceCheck;
    this.joinGate = checking ? closedGate() : openGate();
    this.setState(checking ? 'checking' : 'connecting');
    // The endpoint's answer is the longest wait: it is asked for now, while the code loads.
    const request = requestConversationFor(this.config());

    let module: Awaited<ReturnType<typeof loadAttempt>>;
    try {
      module = await loadAttempt();
    } catch (failure) {
      request?.abandon();
      const message = `The conversation code could not be loaded: ${describeFailure(failure)}`;
      if (ticket === this.ticket) this.fail('call-unavailable', message);
      throw new Error(`tavus-conversation: ${message}`);
    }
    // end() or a removal while the code loaded: no call may start behind the user's back.
    if (ticket !== this.ticket || !this.host.isConnected) {
      request?.abandon();
      if (ticket === this.ticket) await this.end('left');
      throw cancelled();
    }
    const attempt: ConversationAttempt =
      this.warm ??
      new module.ConversationAttempt(
        this.portFor(() => this.live === attempt),
        this.config,
      );
    this.warm = null;
    this.attempt = this.live = attempt;
    // Leaving the page ends the call, and a conversation the element created, so billing stops.
    window.addEventListener('pagehide', this.handlePageHide);
    this.host.requestUpdate();
    try {
      await attempt.run(request);
    } catch (failure) {
      if (this.live !== attempt) {
        // Ended while starting: not an error the user needs to see. A conversation the endpoint
        // created after the end still has to be ended, or it runs (and bills) on.
        void attempt.end();
        throw cancelled();
      }
      const coded = failure instanceof ConversationError;
      const code = (coded ? failure.code : 'join-failed') as TavusErrorCode;
      const message = coded ? failure.message : describeFailure(failure);
      this.fail(code, message);
      await this.end('left');
      throw new Error(`tavus-conversation: ${message}`);
    }
  }

  private readonly handlePageHide = () => {
    void this.end('left');
  };

  /** What an attempt may report, for as long as it is the live one. */
  private portFor(isLive: () => boolean): AttemptPort {
    const when =
      <A extends unknown[]>(report: (...args: A) => void) =>
      (...args: A) => {
        if (isLive()) report(...args);
      };
    return {
      host: this.host,
      timing: this.timing(),
      devices: () => this.devices,
      readyToJoin: () => this.joinGate.opened,
      roomChanged: when((room: RoomFacts) => this.deriveState(room)),
      mediaChanged: when((media: CallMedia) => this.changed(() => (this.media = media))),
      replicaNamed: when((name: string) => this.changed(() => (this.replicaName = name))),
      speakingChanged: when((speaking: Speaking) => this.changed(() => (this.speaking = speaking))),
      transcriptChanged: () => this.scheduleRender(),
      thinkingChanged: when((thinking: boolean) => this.changed(() => (this.thinking = thinking))),
      networkQualityChanged: when((quality: NetworkQuality) =>
        this.changed(() => (this.networkQuality = quality)),
      ),
      countdown: when((seconds: number) => this.changed(() => (this.secondsLeft = seconds))),
      problem: when((code: TavusErrorCode, message: string) =>
        this.host.dispatchEvent(new TavusErrorEvent({ code, message })),
      ),
      failed: when((code: TavusErrorCode, message: string) => {
        this.fail(code, message);
        void this.end('left');
      }),
      finished: when((reason: EndedReason) => void this.end(reason)),
    };
  }

  /** What only holds during a call. */
  private resetLive(): void {
    this.media = NO_MEDIA;
    this.speaking = NOBODY_SPEAKING;
    this.thinking = false;
    this.networkQuality = null;
    this.secondsLeft = null;
  }

  private changed(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private deriveState(room: RoomFacts): void {
    if (!room.inRoom) return;
    this.setState(room.networkDown ? 'reconnecting' : room.replicaHere ? 'connected' : 'waiting');
  }

  private fail(code: TavusErrorCode, message: string): void {
    // The screen shows words a visitor can act on; the technical detail is for the developer.
    console.warn(`tavus-conversation: ${code}: ${message}`);
    this.error = { code, message };
    this.setState('error', { error: this.error });
    this.host.dispatchEvent(new TavusErrorEvent(this.error));
  }

  private setState(
    state: ConversationState,
    extra: { reason?: EndedReason; error?: TavusErrorInfo } = {},
  ): void {
    if (state === 'ended') this.endedReason = extra.reason ?? 'left';
    const previousState = this.state;
    if (previousState === state) return;
    this.state = state;
    this.host.requestUpdate();
    this.host.dispatchEvent(new TavusStateChangeEvent({ state, previousState, ...extra }));
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

/** A promise that a visitor's click resolves. */
interface Gate {
  opened: Promise<void>;
  open(): void;
}

function closedGate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function openGate(): Gate {
  return { opened: Promise.resolve(), open: () => {} };
}

/** end() or a removal came while starting. */
function cancelled(): Error {
  return new Error('tavus-conversation: start() was cancelled.');
}
