import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';

import {
  ConversationSession,
  type CallFactory,
  type ToolHandlers,
} from '../../controllers/conversation-session.js';
// Types every event the element fires on HTMLElementEventMap (and on document and window).
import '../../events/event-map.js';
import { customElement } from '../../loader/define-once.js';
import type { Clock } from '../../protocol/sequencer.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import type * as Tavus from '../../protocol/types.js';
import type { ConversationState, TavusErrorInfo } from '../../state/conversation-state.js';
import type { ChosenDevices } from '../../state/devices.js';
import type { TavusStrings } from '../../translations/en.js';
import type { DeviceCheckStrings } from '../../translations/en-device-check.js';
import { renderConversationView } from './conversation-view.js';
import { viewHandlers } from './view-handlers.js';
import { viewModelOf } from './view-model-of.js';
import { conversationStyles } from './conversation.styles.js';

/** The video stage and chat drawer, loaded on start or when the chat opens first. */
const loadParts = () => import('./conversation-parts.js');

/** Levels for `setSensitivity()`: the protocol's one type, under the element's name too. */
export type SensitivityLevel = Tavus.SensitivityLevel;

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
 * @csspart thinking-indicator - Dots under the speaking indicator while the replica thinks.
 * @csspart network-indicator - A weak connection, with the bars left (in a `role="status"` region).
 * @csspart countdown - The time left in the last minute of a maximum duration (`role="timer"`).
 * @csspart captions - Live captions over the video.
 * @csspart notice - Why the camera or microphone is not in use.
 * @csspart status - The connection status line (`role="status"`).
 * @csspart start-screen - The idle screen.
 * @csspart start-button - The default start button.
 * @csspart ended-screen - The screen after the conversation ended.
 * @csspart restart-button - Starts a new conversation from the ended screen.
 * @csspart transcript-button - "View transcript" on the ended screen.
 * @csspart error - The error screen.
 * @csspart error-detail - The error's code under the localised line, to quote to the site's support (the technical message goes to `tavus-error` and the console).
 * @csspart retry-button - Retries from the error screen.
 * @csspart device-check - The device check before joining (`device-check`).
 * @csspart preview - The device check's camera preview (or why there is none).
 * @csspart level-meter - The device check's microphone level (`role="meter"`).
 * @csspart device-picker - Every camera, microphone and speaker `<select>` of the device check.
 * @csspart device-toggle - The device check's microphone and camera toggles.
 * @csspart permission-help - What to do when the browser or the page's frame blocks the camera and microphone.
 * @csspart join-button - Joins from the device check.
 * @csspart leave-button - Leaves the device check (and ends the conversation it created).
 * @csspart controls - The call controls bar.
 * @csspart control - Every call control button.
 * @csspart microphone-button - The microphone toggle.
 * @csspart camera-button - The camera toggle.
 * @csspart captions-button - The captions toggle.
 * @csspart chat-button - The chat toggle.
 * @csspart settings-button - Opens the settings menu: camera, microphone and speaker.
 * @csspart settings-menu - The settings menu.
 * @csspart settings-item - Every device in the settings menu.
 * @csspart end-button - Ends the conversation.
 * @csspart minimize-button - Collapses the floating panel.
 * @csspart launcher - The floating variant's launcher button.
 * @csspart launcher-label - The launcher's visible text (`launcher-label`).
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
 * @fires {TavusErrorEvent} tavus-error - The conversation failed, or a problem that does not end it (`message-too-large`, `replica-unverified`); detail `{code, message}`.
 * @fires {TavusSendEvent} tavus-send - An interaction was sent; detail `{interaction}`.
 * @fires {TavusTimeWarningEvent} tavus-time-warning - Once, in the last minute of the maximum duration; detail `{remainingSeconds, endsAt}`.
 * @fires {TavusMetricsEvent} tavus-metrics - A measurement, never message content; detail `{metric: 'joined' | 'first-frame', ms}` or `{metric: 'turn', ms, turnIndex, trigger}`.
 * @fires {CustomEvent<TavusEvent>} tavus-event - Every Tavus event, after its named event; detail is the Tavus event.
 */
@customElement('tavus-conversation')
export class TavusConversation extends LitElement {
  static override styles = conversationStyles;

  /** The one owner of the conversation's state; the element renders it and forwards intents. */
  private readonly session = new ConversationSession(
    this,
    () => ({
      conversationUrl: this.conversationUrl,
      conversationId: this.conversationId,
      conversationEndpoint: this.conversationEndpoint,
      cameraOff: this.cameraOff,
      microphoneOff: this.microphoneOff,
      callFactory: this.callFactory,
      tools: this.tools ?? {},
      userName: this.userName,
      maxDuration: this.maxDuration > 0 ? this.maxDuration : 0,
      deviceCheck: this.deviceCheck,
    }),
    () => (this.clock ? { clock: this.clock } : {}),
  );

  /** Daily room URL of an existing Tavus conversation; may carry `?t=<meeting token>`. */
  @property({ attribute: 'conversation-url' }) conversationUrl = '';

  /** Stamped on every interaction; defaults to the last path segment of the conversation URL. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  /**
   * Your backend's URL. `start()` POSTs JSON to it and expects
   * `{conversation_url, conversation_id?, meeting_token?}`; `end()` POSTs `<endpoint>/<id>/end`.
   * Keeps the Tavus API key off the page.
   */
  @property({ attribute: 'conversation-endpoint' }) conversationEndpoint = '';

  /** Join as soon as the element is in the document, instead of waiting for `start()`. */
  @property({ type: Boolean, attribute: 'auto-start' }) autoStart = false;

  /** `inline` fills its box; `floating` is a corner launcher that expands to the panel. */
  @property({ reflect: true }) variant: 'inline' | 'floating' = 'inline';

  /** The floating panel is expanded. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The chat drawer (transcript and composer) is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'chat-open' }) chatOpen = false;

  /**
   * Before joining, show a device check: camera preview, microphone level, device pickers, and
   * joining with the camera or microphone off. The conversation is created while the check shows,
   * so the replica is ready when the visitor joins (billing starts then); leaving the check ends it.
   */
  @property({ type: Boolean, attribute: 'device-check' }) deviceCheck = false;

  /** Join with the camera off (the user can turn it on). */
  @property({ type: Boolean, attribute: 'camera-off' }) cameraOff = false;

  /** Join with the microphone off (the user can turn it on). */
  @property({ type: Boolean, attribute: 'microphone-off' }) microphoneOff = false;

  /** Show live captions of what is being said over the video. */
  @property({ type: Boolean, reflect: true }) captions = false;

  /** Colour scheme: `light`, `dark`, or `auto` (follows the user's system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /**
   * `intent` (default): when the visitor shows intent to start (a pointer over or focus on a
   * start control, the floating launcher opened), load the call code and Daily's call bundle so
   * that the click finds them ready; nothing is fetched before. `none`: load them on start only.
   */
  @property() preload: 'intent' | 'none' = 'intent';

  /**
   * The conversation's maximum duration in seconds, counted from the join. In its last minute a
   * countdown shows and `tavus-time-warning` fires; then the conversation ends (`time-limit`).
   * 0 (default): the endpoint's `max_call_duration`, when it answers one.
   */
  @property({ type: Number, attribute: 'max-duration' }) maxDuration = 0;

  /** Image shown on the start screen before the conversation begins. */
  @property() poster = '';

  /**
   * Floating variant: text shown beside the launcher (such as "Talk to us"), which also becomes
   * its accessible name. Empty (default): a round launcher named by `panelLabel`.
   */
  @property({ attribute: 'launcher-label' }) launcherLabel = '';

  /** The user's name, shown to the conversation (Daily `userName`). */
  @property({ attribute: 'user-name' }) userName = '';

  /**
   * Partial overrides of the UI strings (for other languages or wording). Several conversations
   * on one page: give each distinct `panelLabel` and `panelLabelNamed` (and `chatTitleNamed`) so
   * their landmarks have distinct names.
   */
  @property({ attribute: false }) strings: Partial<TavusStrings & DeviceCheckStrings> = {};

  /**
   * Client-side tools: `{ name: (args, event) => result }`. On `conversation.tool_call` for a
   * registered name the handler runs once and its result (or thrown error) goes back to Tavus.
   */
  @property({ attribute: false }) tools: ToolHandlers = {};

  /**
   * How the Daily call object is made. Default: load daily-js lazily and `createCallObject`.
   * Replace it for tests, the offline simulator (`tavus-conversation/simulator`), or custom setups.
   */
  @property({ attribute: false }) callFactory: CallFactory | undefined = undefined;

  /**
   * Time for the reorder window and tool timeouts, read on each start.
   * @internal Tests and benchmarks inject a ManualClock.
   */
  clock: Clock | undefined = undefined;

  /** Where the conversation is: idle, connecting, waiting, connected, reconnecting, ended, error. */
  get state(): ConversationState {
    return this.session.state;
  }

  /** Why `state` is `error`, or null. */
  get error(): TavusErrorInfo | null {
    return this.session.error;
  }

  /** The reconciled transcript, oldest first. */
  get transcript(): readonly TranscriptMessage[] {
    return this.session.transcript;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.autoStart && this.state === 'idle') this.handlers.start();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('chatOpen') && this.chatOpen) this.loadPartsQuietly();
    if (changed.has('open') && this.open && this.state === 'idle') this.handlers.warmUp();
    // `state` is read-only for users but reflected, so CSS can style each phase.
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
  }

  /** Joins the conversation. Resolves once in the room; rejects with the reason it failed. */
  async start(): Promise<void> {
    this.loadPartsQuietly();
    await this.session.start();
  }

  /** Leaves the call and ends the conversation (through the endpoint when it created it). */
  async end(): Promise<void> {
    await this.session.end('user-ended');
  }

  /** With `device-check`: leaves the check and joins (`start()` resolves once in the room). */
  join(): void {
    this.session.join();
  }

  /** The devices chosen with `setDevices()` or in the element's own pickers. */
  get devices(): Readonly<ChosenDevices> {
    return this.session.devices;
  }

  /**
   * Uses these devices (ids from `navigator.mediaDevices.enumerateDevices()`): at once in a
   * call, otherwise when joining. `speaker` applies where the browser lets a page choose.
   */
  async setDevices(devices: ChosenDevices): Promise<void> {
    await this.session.setDevices(devices);
  }

  /** Sends typed text as if the user had said it (`conversation.respond`). */
  async respond(text: string): Promise<void> {
    await this.session.connected().respond(text);
  }

  /** Makes the replica say exactly this text (`conversation.echo`, text modality). */
  async echo(text: string): Promise<void> {
    await this.session.connected().echo(text);
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
    await this.session.connected().echoAudio(pcm, options);
  }

  /** Stops the replica mid-speech (`conversation.interrupt`). */
  async interrupt(): Promise<void> {
    await this.session.connected().interrupt();
  }

  /** Replaces the conversational context (`conversation.overwrite_llm_context`). */
  async overwriteContext(context: string): Promise<void> {
    await this.session.connected().overwriteContext(context);
  }

  /** Adds to the conversational context (`conversation.append_llm_context`). */
  async appendContext(context: string): Promise<void> {
    await this.session.connected().appendContext(context);
  }

  /** Changes how long the user may pause and how easily they interrupt (`conversation.sensitivity`). */
  async setSensitivity(sensitivity: {
    pause?: SensitivityLevel;
    interrupt?: SensitivityLevel;
  }): Promise<void> {
    await this.session.connected().setSensitivity(sensitivity);
  }

  /** Returns a tool's result to Tavus (`conversation.tool_result`). */
  async sendToolResult(
    toolCallId: string,
    output: unknown,
    status: 'success' | 'error' = 'success',
  ): Promise<void> {
    await this.session.connected().sendToolResult(toolCallId, output, status);
  }

  /** Sends any interaction; `message_type` and `conversation_id` are filled in. */
  async send(interaction: {
    event_type: string;
    properties?: Record<string, unknown>;
  }): Promise<void> {
    await this.session.connected().sendRaw(interaction);
  }

  /** The stage and the drawer must exist once needed; a failed load retries on the next start. */
  private loadPartsQuietly(): void {
    loadParts().catch(() => {});
  }

  private readonly handlers = viewHandlers(this, this.session, () => this.loadPartsQuietly());

  override render() {
    return renderConversationView(viewModelOf(this.session, this), this.handlers);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-conversation': TavusConversation;
  }
}
