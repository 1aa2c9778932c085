import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';

import type { ConversationState, TavusErrorInfo } from '../../state/conversation-state.js';
import { NO_MEDIA } from '../../state/call-media.js';
import type { CallFactory } from '../../call/daily-like.js';
import { describeFailure, notConnectedError } from '../../state/errors.js';
import type { ConversationSession, ToolHandlers } from '../../controllers/conversation-session.js';
import { TavusErrorEvent } from '../../events/error-event.js';
import type { TavusSendEvent } from '../../events/send-event.js';
import { TavusStateChangeEvent } from '../../events/state-change-event.js';
import type { TavusProtocolEvent } from '../../events/tavus-protocol-event.js';
import { customElement } from '../../loader/define-once.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import type * as Tavus from '../../protocol/types.js';
import { EN_STRINGS, type TavusStrings } from '../../translations/en.js';
import { renderConversationView } from './conversation-view.js';
import type { ConversationViewHandlers, ConversationViewModel } from './view-model.js';
import { conversationStyles } from './conversation.styles.js';

/**
 * The conversation engine (protocol core, Daily call controller, session) is loaded when a
 * conversation starts, like daily-js: a page that shows the start screen pays only for the UI.
 */
const loadEngine = () => import('../../controllers/conversation-session.js');
/** The video stage and chat drawer, loaded with the engine or when the chat opens first. */
const loadParts = () => import('./conversation-parts.js');

const NO_MESSAGES: readonly TranscriptMessage[] = Object.freeze([]);

/** Longest text the composer accepts (Tavus treats it as one spoken turn). */
const COMPOSER_MAX_LENGTH = 2000;

/** Sensitivity levels Tavus documents for `conversation.sensitivity`. */
export type SensitivityLevel = 'low' | 'medium' | 'high';

/**
 * A live Tavus conversational video agent (a "replica") in one tag: joins the conversation's
 * Daily call, shows the replica's video and the user's camera, plays the replica's voice, and
 * offers a chat drawer with the live transcript and a composer. Every Tavus event is re-dispatched
 * as a DOM event, and every Tavus interaction is a method.
 *
 * @summary Embeddable Tavus conversational video: video stage, controls, transcript and chat.
 *
 * @slot header - Content at the top of the panel in every state, such as a logo or a title.
 * @slot start - Replaces the start button on the idle screen; a click inside it starts the conversation.
 * @slot empty - Shown in the chat while the transcript is empty.
 * @csspart panel - The conversation panel (inline box, or the floating variant's fixed panel).
 * @csspart stage - The video area, with its screens and controls.
 * @csspart header - The top of the panel: the `header` slot and, in a call, the speaking indicator.
 * @csspart video - The replica's `<video>`.
 * @csspart poster - The `poster` image, before the video plays.
 * @csspart self-view - The user's own camera, a small mirrored tile.
 * @csspart sound-button - "Tap to enable sound", when the browser blocked the replica's audio.
 * @csspart speaking-indicator - The replica's name with a level meter that moves while it speaks.
 * @csspart captions - Live captions over the video.
 * @csspart notice - Why the camera or microphone is not in use.
 * @csspart status - The connection status line (`role="status"`).
 * @csspart start-screen - The idle screen.
 * @csspart start-button - The default start button.
 * @csspart ended-screen - The screen after the conversation ended.
 * @csspart restart-button - Starts a new conversation from the ended screen.
 * @csspart transcript-button - "View transcript" on the ended screen.
 * @csspart error - The error screen.
 * @csspart error-detail - The error's own message under the localised line, clamped to three lines.
 * @csspart retry-button - Retries from the error screen.
 * @csspart controls - The call controls bar.
 * @csspart control - Every call control button.
 * @csspart microphone-button - The microphone toggle.
 * @csspart camera-button - The camera toggle.
 * @csspart captions-button - The captions toggle.
 * @csspart chat-button - The chat toggle.
 * @csspart end-button - Ends the conversation.
 * @csspart minimize-button - Collapses the floating panel.
 * @csspart launcher - The floating variant's launcher button.
 * @csspart chat - The chat drawer (transcript and composer).
 * @csspart chat-header - The chat drawer's title bar.
 * @csspart chat-close-button - Closes the chat drawer.
 * @csspart transcript - The transcript (`role="log"`).
 * @csspart message - Every message (with `message-user` or `message-replica`).
 * @csspart message-user - A message from the user.
 * @csspart message-replica - A message from the replica.
 * @csspart interrupted - The "Interrupted" mark under a reply that was cut short.
 * @csspart earlier-button - "Show earlier messages".
 * @csspart jump-button - "Jump to latest".
 * @csspart empty - The empty-transcript placeholder.
 * @csspart composer - The message form.
 * @csspart composer-input - The message `<textarea>`.
 * @csspart composer-reason - Why the composer is disabled.
 * @csspart counter - The character counter.
 * @csspart send-button - The send button.
 * @cssprop [--tavus-accent=#5b4cf0] - Brand colour: primary buttons, user messages, focus rings (dark: #6e5dfc).
 * @cssprop [--tavus-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--tavus-surface=#ffffff] - Background of the chat and cards (dark: #16171c).
 * @cssprop [--tavus-surface-raised=#f2f3f6] - Replica messages and raised areas (dark: #23252d).
 * @cssprop [--tavus-text=#17181c] - Text colour (dark: #eceef3).
 * @cssprop [--tavus-text-muted=#5e6270] - Secondary text (dark: #a2a7b5).
 * @cssprop [--tavus-border=#e3e5ea] - Hairlines and dividers (dark: #30333d).
 * @cssprop [--tavus-shadow] - Shadow of the floating panel and cards.
 * @cssprop [--tavus-danger=#d92d3a] - End button and errors.
 * @cssprop [--tavus-danger-text=#ffffff] - Text on the danger colour.
 * @cssprop [--tavus-stage-background=#0f1115] - Behind the video.
 * @cssprop [--tavus-focus-ring-color=var(--tavus-accent)] - Keyboard focus outline.
 * @cssprop [--tavus-radius=16px] - Corner radius of the panel.
 * @cssprop [--tavus-font-family=system-ui, …] - Font of every text.
 * @cssprop [--tavus-font-size=15px] - Base font size.
 * @cssprop [--tavus-stage-aspect-ratio=16 / 9] - Shape of the inline panel when its height is not set.
 * @cssprop [--tavus-stage-aspect-ratio-narrow=4 / 5] - The same, below 480px wide.
 * @cssprop [--tavus-video-fit=cover] - `object-fit` of the replica's video.
 * @cssprop [--tavus-chat-width=360px] - Width of the chat beside the video (from 760px wide).
 * @cssprop [--tavus-panel-width=400px] - Width of the floating panel.
 * @cssprop [--tavus-panel-height=680px] - Height of the floating panel.
 * @cssprop [--tavus-launcher-size=60px] - Diameter of the floating launcher.
 * @cssprop [--tavus-launcher-offset=20px] - Distance of the launcher from the viewport corner.
 * @cssprop [--tavus-z-index=2147483000] - Stacking level of the floating launcher and panel.
 *
 * @fires {TavusStateChangeEvent} tavus-state-change - `state` changed; detail `{state, previousState, reason?, error?}`.
 * @fires {TavusErrorEvent} tavus-error - The conversation failed; detail `{code, message}`.
 * @fires {TavusSendEvent} tavus-send - An interaction was sent; detail `{interaction}`.
 * @fires {CustomEvent<TavusEvent>} tavus-event - Every Tavus event, after its named event; detail is the Tavus event.
 * @fires {CustomEvent<UtteranceEvent>} tavus-utterance - `conversation.utterance`: a whole user turn or replica reply.
 * @fires {CustomEvent<UtteranceStreamingEvent>} tavus-utterance-streaming - `conversation.utterance.streaming`: text so far of what is being said.
 * @fires {CustomEvent<ToolCallEvent>} tavus-tool-call - `conversation.tool_call` (cancelable: `preventDefault()` to handle it yourself instead of `tools`).
 * @fires {CustomEvent<PerceptionToolCallEvent>} tavus-perception-tool-call - `conversation.perception_tool_call`.
 * @fires {CustomEvent<PerceptionAnalysisEvent>} tavus-perception-analysis - `conversation.perception_analysis`.
 * @fires {CustomEvent<ReplicaStartedSpeakingEvent>} tavus-replica-started-speaking - `conversation.replica.started_speaking`.
 * @fires {CustomEvent<ReplicaStoppedSpeakingEvent>} tavus-replica-stopped-speaking - `conversation.replica.stopped_speaking`.
 * @fires {CustomEvent<UserStartedSpeakingEvent>} tavus-user-started-speaking - `conversation.user.started_speaking`.
 * @fires {CustomEvent<UserStoppedSpeakingEvent>} tavus-user-stopped-speaking - `conversation.user.stopped_speaking`.
 * @fires {CustomEvent<StartedSpeakingEvent>} tavus-started-speaking - `conversation.started_speaking` (role-agnostic).
 * @fires {CustomEvent<StoppedSpeakingEvent>} tavus-stopped-speaking - `conversation.stopped_speaking` (role-agnostic).
 * @fires {CustomEvent<ReplicaInterruptedEvent>} tavus-replica-interrupted - `conversation.replica_interrupted`.
 * @fires {CustomEvent<ObjectiveActivatedEvent>} tavus-objective-activated - `conversation.objective.activated`.
 * @fires {CustomEvent<ObjectiveCompletedEvent>} tavus-objective-completed - `conversation.objective.completed`.
 * @fires {CustomEvent<ObjectivePendingEvent>} tavus-objective-pending - `conversation.objective.pending`.
 * @fires {CustomEvent<ReplicaJoinedEvent>} tavus-replica-joined - `system.replica_joined`.
 * @fires {CustomEvent<ReplicaPresentEvent>} tavus-replica-present - `system.replica_present` heartbeat.
 * @fires {CustomEvent<ShutdownEvent>} tavus-shutdown - `system.shutdown`; the conversation ends.
 * @fires {CustomEvent<PalJoinedEvent>} tavus-pal-joined - `system.pal_joined`, the PAL-era name of `system.replica_joined`.
 * @fires {CustomEvent<ParticipantJoinedEvent>} tavus-joined - `conversation.joined`: a participant joined.
 * @fires {CustomEvent<ParticipantLeftEvent>} tavus-left - `conversation.left`: a participant left.
 */
@customElement('tavus-conversation')
export class TavusConversation extends LitElement {
  static override styles = conversationStyles;

  /** Null until the engine is loaded by the first start(). */
  private session: ConversationSession | null = null;
  private engineLoading: Promise<ConversationSession> | null = null;
  /** Why the engine itself could not be loaded (the session cannot report that). */
  private engineFailure: TavusErrorInfo | null = null;
  /** A start() is waiting for the engine: the element reports `connecting`. */
  private engineStarting = false;
  /** Bumped by end(): a start() still loading the engine sees it and gives up. */
  private startTicket = 0;

  /** Daily room URL of an existing Tavus conversation; may carry `?t=<meeting token>`. */
  @property({ attribute: 'conversation-url' }) accessor conversationUrl = '';

  /** Stamped on every interaction; defaults to the last path segment of the conversation URL. */
  @property({ attribute: 'conversation-id' }) accessor conversationId = '';

  /**
   * Your backend's URL. `start()` POSTs JSON to it and expects
   * `{conversation_url, conversation_id?, meeting_token?}`; `end()` POSTs `<endpoint>/<id>/end`.
   * Keeps the Tavus API key off the page.
   */
  @property({ attribute: 'conversation-endpoint' }) accessor conversationEndpoint = '';

  /** Join as soon as the element is in the document, instead of waiting for `start()`. */
  @property({ type: Boolean, attribute: 'auto-start' }) accessor autoStart = false;

  /** `inline` fills its box; `floating` is a corner launcher that expands to the panel. */
  @property({ reflect: true }) accessor variant: 'inline' | 'floating' = 'inline';

  /** The floating panel is expanded. */
  @property({ type: Boolean, reflect: true }) accessor open = false;

  /** The chat drawer (transcript and composer) is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'chat-open' }) accessor chatOpen = false;

  /** Join with the camera off (the user can turn it on). */
  @property({ type: Boolean, attribute: 'camera-off' }) accessor cameraOff = false;

  /** Join with the microphone off (the user can turn it on). */
  @property({ type: Boolean, attribute: 'microphone-off' }) accessor microphoneOff = false;

  /** Show live captions of what is being said over the video. */
  @property({ type: Boolean, reflect: true }) accessor captions = false;

  /** Colour scheme: `light`, `dark`, or `auto` (follows the user's system). */
  @property({ reflect: true }) accessor theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Image shown on the start screen before the conversation begins. */
  @property() accessor poster = '';

  /** The user's name, shown to the conversation (Daily `userName`). */
  @property({ attribute: 'user-name' }) accessor userName = '';

  /**
   * Partial overrides of the UI strings (for other languages or wording). Several conversations
   * on one page: give each distinct `panelLabel` and `panelLabelNamed` (and `chatTitleNamed`) so
   * their landmarks have distinct names.
   */
  @property({ attribute: false }) accessor strings: Partial<TavusStrings> = {};

  /**
   * Client-side tools: `{ name: (args, event) => result }`. On `conversation.tool_call` for a
   * registered name the handler runs once and its result (or thrown error) goes back to Tavus.
   */
  @property({ attribute: false }) accessor tools: ToolHandlers = {};

  /**
   * How the Daily call object is made. Default: load daily-js lazily and `createCallObject`.
   * Replace it for tests, the offline simulator (`tavus-conversation/simulator`), or custom setups.
   */
  @property({ attribute: false }) accessor callFactory: CallFactory | undefined = undefined;

  /** Where the conversation is: idle, connecting, waiting, connected, reconnecting, ended, error. */
  get state(): ConversationState {
    if (this.engineFailure) return 'error';
    if (!this.session && this.engineStarting) return 'connecting';
    return this.session?.state ?? 'idle';
  }

  /** Why `state` is `error`, or null. */
  get error(): TavusErrorInfo | null {
    return this.engineFailure ?? this.session?.error ?? null;
  }

  /** The reconciled transcript, oldest first. */
  get transcript(): readonly TranscriptMessage[] {
    return this.session?.transcript.messages ?? NO_MESSAGES;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.autoStart && this.state === 'idle') this.startQuietly();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('chatOpen') && this.chatOpen) this.loadPartsQuietly();
    // `state` is read-only for users but reflected, so CSS can style each phase.
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
  }

  /** Joins the conversation. Resolves once in the room; rejects with the reason it failed. */
  async start(): Promise<void> {
    const ticket = this.startTicket;
    if (!this.session && !this.engineStarting) {
      // The engine is still to be fetched: say so at once, the start screen must not look idle.
      const previousState = this.state;
      this.engineFailure = null;
      this.engineStarting = true;
      this.requestUpdate();
      this.dispatchEvent(new TavusStateChangeEvent({ state: 'connecting', previousState }));
    }
    let session: ConversationSession;
    try {
      session = await this.loadSession();
    } finally {
      this.engineStarting = false;
    }
    // end() or a removal while the engine loaded: no call may start behind the user's back.
    if (ticket !== this.startTicket || !this.isConnected) {
      session.cancel(this.isConnected ? 'user-ended' : 'left');
      throw new Error('tavus-conversation: start() was cancelled.');
    }
    await session.start();
  }

  /** Leaves the call and ends the conversation (through the endpoint when it created it). */
  async end(): Promise<void> {
    this.startTicket++;
    await this.session?.end('user-ended');
  }

  /** Sends typed text as if the user had said it (`conversation.respond`). */
  async respond(text: string): Promise<void> {
    await this.connected().respond(text);
  }

  /** Makes the replica say exactly this text (`conversation.echo`, text modality). */
  async echo(text: string): Promise<void> {
    await this.connected().echo(text);
  }

  /**
   * Makes the replica speak this audio (`conversation.echo`, audio modality): 16-bit PCM
   * (Int16Array or ArrayBuffer) or Float32Array samples, mono, split into messages under
   * Daily's 4 KB limit.
   */
  async echoAudio(
    pcm: Int16Array | ArrayBuffer | Float32Array,
    options: { sampleRate: number; inferenceId?: string },
  ): Promise<void> {
    await this.connected().echoAudio(pcm, options);
  }

  /** Stops the replica mid-speech (`conversation.interrupt`). */
  async interrupt(): Promise<void> {
    await this.connected().interrupt();
  }

  /** Replaces the conversational context (`conversation.overwrite_llm_context`). */
  async overwriteContext(context: string): Promise<void> {
    await this.connected().overwriteContext(context);
  }

  /** Adds to the conversational context (`conversation.append_llm_context`). */
  async appendContext(context: string): Promise<void> {
    await this.connected().appendContext(context);
  }

  /** Changes how long the user may pause and how easily they interrupt (`conversation.sensitivity`). */
  async setSensitivity(sensitivity: {
    pause?: SensitivityLevel;
    interrupt?: SensitivityLevel;
  }): Promise<void> {
    await this.connected().setSensitivity(sensitivity);
  }

  /** Returns a tool's result to Tavus (`conversation.tool_result`). */
  async sendToolResult(
    toolCallId: string,
    output: unknown,
    status: 'success' | 'error' = 'success',
  ): Promise<void> {
    await this.connected().sendToolResult(toolCallId, output, status);
  }

  /** Sends any interaction; `message_type` and `conversation_id` are filled in. */
  async send(interaction: {
    event_type: string;
    properties?: Record<string, unknown>;
  }): Promise<void> {
    await this.connected().sendRaw(interaction);
  }

  /** The session, for an interaction: only while connected (the session checks the state). */
  private connected(): ConversationSession {
    if (!this.session) throw notConnectedError(this.state);
    return this.session;
  }

  /** Loads the engine once; a failed load is an error state that a retry starts over. */
  private loadSession(): Promise<ConversationSession> {
    this.engineLoading ??= Promise.all([loadEngine(), loadParts()]).then(
      ([{ ConversationSession }]) => {
        // It starts in the state the element already announced.
        this.session = new ConversationSession(this, 'connecting', () => ({
          conversationUrl: this.conversationUrl,
          conversationId: this.conversationId,
          conversationEndpoint: this.conversationEndpoint,
          cameraOff: this.cameraOff,
          microphoneOff: this.microphoneOff,
          callFactory: this.callFactory,
          tools: this.tools ?? {},
          userName: this.userName,
        }));
        return this.session;
      },
      (failure: unknown) => {
        this.engineFailure = {
          code: 'call-unavailable',
          message: `The conversation code could not be loaded: ${describeFailure(failure)}`,
        };
        this.engineLoading = null;
        this.requestUpdate();
        announceFailure(this, this.engineFailure);
        throw new Error(`tavus-conversation: ${this.engineFailure.message}`);
      },
    );
    return this.engineLoading;
  }

  /** The chat opened before a start: its drawer must exist; a failed load retries on start. */
  private loadPartsQuietly(): void {
    loadParts().catch(() => {});
  }

  /** Start from the UI or auto-start: the failure is already shown and fired as `tavus-error`. */
  private startQuietly(): void {
    this.start().catch(() => {});
  }

  private readonly handlers: ConversationViewHandlers = {
    start: () => this.startQuietly(),
    retry: () => this.startQuietly(),
    end: () => void this.end(),
    toggleMicrophone: () => this.session?.setMicrophone(!this.session.media.microphoneOn),
    toggleCamera: () => this.session?.setCamera(!this.session.media.cameraOn),
    retryDevices: () => this.session?.retryDevices(),
    toggleCaptions: () => (this.captions = !this.captions),
    setChatOpen: (open) => (this.chatOpen = open),
    setOpen: (open) => (this.open = open),
    send: (text) => {
      this.respond(text).catch((failure: unknown) => console.warn(failure));
    },
  };

  private get viewModel(): ConversationViewModel {
    const session = this.session;
    const messages = this.transcript;
    const media = session?.media ?? NO_MEDIA;
    const replicaSpeaking = session?.replicaSpeaking ?? false;
    return {
      state: this.state,
      variant: this.variant === 'floating' ? 'floating' : 'inline',
      open: this.open,
      chatOpen: this.chatOpen,
      messages,
      replicaName: session?.replicaName ?? '',
      replicaVideo: media.replicaVideo,
      replicaAudio: media.replicaAudio,
      selfVideo: media.selfVideo,
      replicaSpeaking,
      userSpeaking: session?.userSpeaking ?? false,
      captionsOn: this.captions,
      caption: currentCaption(messages, replicaSpeaking),
      microphoneOn: media.microphoneOn,
      cameraOn: media.cameraOn,
      microphoneAvailable: media.microphoneAvailable,
      cameraAvailable: media.cameraAvailable,
      mediaIssue: media.mediaIssue,
      error: this.error,
      endedReason: session?.endedReason ?? null,
      strings: { ...EN_STRINGS, ...this.strings },
      poster: this.poster,
      composerMaxLength: COMPOSER_MAX_LENGTH,
    };
  }

  override render() {
    return renderConversationView(this.viewModel, this.handlers);
  }
}

/** Fires what the session would have fired, for a failure that happened before it existed. */
function announceFailure(host: HTMLElement, error: TavusErrorInfo): void {
  host.dispatchEvent(
    new TavusStateChangeEvent({ state: 'error', previousState: 'connecting', error }),
  );
  host.dispatchEvent(new TavusErrorEvent(error));
}

/** The live caption: what the replica is saying now, else what the user is saying now. */
function currentCaption(messages: readonly TranscriptMessage[], replicaSpeaking: boolean): string {
  const last = messages[messages.length - 1];
  if (!last) return '';
  if (last.role === 'replica') return replicaSpeaking || !last.final ? last.text : '';
  return last.final ? '' : last.text;
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-conversation': TavusConversation;
  }
  interface HTMLElementEventMap {
    'tavus-state-change': TavusStateChangeEvent;
    'tavus-error': TavusErrorEvent;
    'tavus-send': TavusSendEvent;
    'tavus-event': TavusProtocolEvent;
    'tavus-utterance': TavusProtocolEvent<Tavus.UtteranceEvent>;
    'tavus-utterance-streaming': TavusProtocolEvent<Tavus.UtteranceStreamingEvent>;
    'tavus-tool-call': TavusProtocolEvent<Tavus.ToolCallEvent>;
    'tavus-perception-tool-call': TavusProtocolEvent<Tavus.PerceptionToolCallEvent>;
    'tavus-perception-analysis': TavusProtocolEvent<Tavus.PerceptionAnalysisEvent>;
    'tavus-replica-started-speaking': TavusProtocolEvent<Tavus.ReplicaStartedSpeakingEvent>;
    'tavus-replica-stopped-speaking': TavusProtocolEvent<Tavus.ReplicaStoppedSpeakingEvent>;
    'tavus-user-started-speaking': TavusProtocolEvent<Tavus.UserStartedSpeakingEvent>;
    'tavus-user-stopped-speaking': TavusProtocolEvent<Tavus.UserStoppedSpeakingEvent>;
    'tavus-started-speaking': TavusProtocolEvent<Tavus.StartedSpeakingEvent>;
    'tavus-stopped-speaking': TavusProtocolEvent<Tavus.StoppedSpeakingEvent>;
    'tavus-replica-interrupted': TavusProtocolEvent<Tavus.ReplicaInterruptedEvent>;
    'tavus-objective-activated': TavusProtocolEvent<Tavus.ObjectiveActivatedEvent>;
    'tavus-objective-completed': TavusProtocolEvent<Tavus.ObjectiveCompletedEvent>;
    'tavus-objective-pending': TavusProtocolEvent<Tavus.ObjectivePendingEvent>;
    'tavus-replica-joined': TavusProtocolEvent<Tavus.ReplicaJoinedEvent>;
    'tavus-replica-present': TavusProtocolEvent<Tavus.ReplicaPresentEvent>;
    'tavus-shutdown': TavusProtocolEvent<Tavus.ShutdownEvent>;
    'tavus-pal-joined': TavusProtocolEvent<Tavus.PalJoinedEvent>;
    'tavus-joined': TavusProtocolEvent<Tavus.ParticipantJoinedEvent>;
    'tavus-left': TavusProtocolEvent<Tavus.ParticipantLeftEvent>;
  }
}
