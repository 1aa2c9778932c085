import { LitElement, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ChosenDevices } from '../../state/devices.js';
import { EN_STRINGS } from '../../translations/en.js';
import type { TavusStrings } from '../../translations/en.js';
import { EN_DEVICE_CHECK_STRINGS } from '../../translations/en-device-check.js';
import type { DeviceCheckStrings } from '../../translations/en-device-check.js';
import { callIcon } from '../../styles/call-icons.js';
import type { CallIconName } from '../../styles/call-icons.js';
import { icon } from '../../styles/icons.js';
import { sharedStyles } from '../../styles/shared.js';
import { renderDevicePicker } from './device-picker.js';
import { LevelMeter } from './level-meter.js';
import { blockedHelp, currentPage } from './permission-help.js';
import type { PageContext } from './permission-help.js';
import { PreviewMedia } from './preview-media.js';
import type { InputKind, InputProblem } from './preview-media.js';
import { deviceCheckStyles } from './device-check.styles.js';
import { deviceToggleStyles } from './device-toggle.styles.js';

/** `check-toggle`: the visitor turned an input on or off for the join. */
export interface CheckToggleDetail {
  kind: InputKind;
}

type PickerKind = keyof ChosenDevices;

const DEVICE_KIND: Record<PickerKind, MediaDeviceKind> = {
  camera: 'videoinput',
  microphone: 'audioinput',
  speaker: 'audiooutput',
};

/** Every string the check shows: its own always have their English defaults. */
type CheckStrings = TavusStrings & DeviceCheckStrings;

/** The string for an input that could not be opened, other than a block. */
const PROBLEM_TEXT: Record<Exclude<InputProblem, 'blocked'>, keyof TavusStrings> = {
  'in-use': 'mediaDeviceInUse',
  missing: 'mediaDeviceMissing',
  failed: 'mediaDeviceError',
};

/**
 * The device check before joining: the visitor's camera preview, their microphone's level, a
 * picker for each camera, microphone and speaker (the speaker where the browser lets a page choose
 * one), whether to join with the camera or microphone off, and Join and Leave. When the browser
 * blocked the devices it says where that browser keeps the switch, or that the page's frame does
 * not allow them. It owns nothing of the conversation: every choice is an event for
 * `<tavus-conversation>`, which passes the outcome back as properties. Its camera and microphone
 * close when it leaves the page.
 *
 * Internal to `<tavus-conversation>` (loaded when a device check starts), which re-exports its
 * parts.
 *
 * @internal
 * @summary Camera preview, microphone level and device pickers before joining.
 *
 * @fires check-join - Join now was pressed.
 * @fires check-leave - Leave was pressed.
 * @fires check-toggle - The camera or microphone was turned on or off; detail `{kind}`.
 * @fires check-devices - A device was picked; detail `{camera?, microphone?, speaker?}`.
 * @csspart preview - The camera preview (or why there is none).
 * @csspart level-meter - The microphone level (a `<meter>`).
 * @csspart device-picker - Every device `<select>`.
 * @csspart device-toggle - The microphone and camera toggles.
 * @csspart permission-help - What to do when the camera and microphone are blocked.
 * @csspart join-button - Join now.
 * @csspart leave-button - Leave.
 */
@customElement('tavus-device-check')
export class TavusDeviceCheck extends LitElement {
  static override styles = [sharedStyles, deviceCheckStyles, deviceToggleStyles];

  @query('video') private video!: HTMLVideoElement | null;
  @query('meter') private meterElement!: HTMLMeterElement | null;
  @query('.join') private joinButton!: HTMLButtonElement | null;

  /** UI strings: the element's, with any of the check's own (`DeviceCheckStrings`) the page gave. */
  @property({ attribute: false }) strings: TavusStrings = EN_STRINGS;

  /** Join with the camera on. */
  @property({ attribute: false }) cameraOn = true;

  /** Join with the microphone on. */
  @property({ attribute: false }) microphoneOn = true;

  /** The devices chosen so far. */
  @property({ attribute: false }) devices: ChosenDevices = {};

  /** Where the page runs (browser, frame); read once. */
  page: PageContext = currentPage();

  private readonly media = new PreviewMedia(this, () => ({
    cameraOn: this.cameraOn,
    microphoneOn: this.microphoneOn,
    camera: this.devices.camera,
    microphone: this.devices.microphone,
  }));

  private readonly meter = new LevelMeter((level) => this.showLevel(level));

  /** The strings, with the check's English defaults for those the page did not give. */
  private text(): CheckStrings {
    if (this.mergedFrom !== this.strings) {
      this.mergedFrom = this.strings;
      this.merged = { ...EN_DEVICE_CHECK_STRINGS, ...this.strings };
    }
    return this.merged;
  }

  private mergedFrom: TavusStrings | null = null;
  private merged: CheckStrings = { ...EN_STRINGS, ...EN_DEVICE_CHECK_STRINGS };

  /** Focus goes to Join now, the check's main action. */
  override focus(options?: FocusOptions): void {
    if (this.joinButton) this.joinButton.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.meter.dispose();
    if (this.video) this.video.srcObject = null;
  }

  protected override firstUpdated(): void {
    // Opened from the conversation's own start button: Join takes the focus the button had.
    // Started from the page (a button of its own, auto-start): focus stays where it is.
    const root = this.getRootNode();
    if (root instanceof ShadowRoot && root.activeElement) this.focus();
  }

  protected override updated(): void {
    const track = this.media.track('camera');
    const video = this.video;
    if (video && video.srcObject !== (track ? this.previewStream(track) : null)) {
      video.srcObject = track ? this.previewStream(track) : null;
      if (track) video.play().catch(() => {});
    }
    this.meter.measure(this.media.track('microphone'));
  }

  private stream: MediaStream | null = null;

  /** One stream per camera track, so that re-renders never restart the preview. */
  private previewStream(track: MediaStreamTrack): MediaStream {
    if (this.stream?.getVideoTracks()[0] !== track) this.stream = new MediaStream([track]);
    return this.stream;
  }

  /** The level goes straight to the meter: a render per frame would be wasted work. */
  private showLevel(level: number): void {
    if (this.meterElement) this.meterElement.value = level;
  }

  private emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: false, composed: false }));
  }

  private readonly handleJoin = () => this.emit('check-join');
  private readonly handleLeave = () => this.emit('check-leave');
  private readonly handleRetry = () => this.media.retry();
  /** WebAudio may wait for a gesture before it plays (or measures) anything. */
  private readonly handleGesture = () => this.meter.resume();

  private toggle(kind: InputKind): void {
    this.emit('check-toggle', { kind } satisfies CheckToggleDetail);
  }

  private renderPreview() {
    const s = this.text();
    const track = this.media.track('camera');
    const problem = this.media.problem('camera');
    const waiting = this.media.pending('camera');
    let placeholder: string;
    if (!this.cameraOn) placeholder = s.checkCameraIsOff;
    else if (problem && problem !== 'blocked') placeholder = s[PROBLEM_TEXT[problem]];
    else placeholder = waiting ? s.checkCameraStarting : '';
    return html`<div class="preview" part="preview">
      <!-- Out of the Tab order: Firefox makes a playing video a Tab stop, with nothing to do. -->
      <video
        muted
        playsinline
        autoplay
        tabindex="-1"
        aria-label=${s.checkPreview}
        ?hidden=${!track}
      ></video>
      ${
        track
          ? nothing
          : html`<div class="placeholder" role="status">
              ${callIcon(this.cameraOn ? 'camera' : 'cameraOff')}
              <span>${placeholder}</span>
            </div>`
      }
    </div>`;
  }

  /** What is blocked: the help's title, and why a blocked device's toggle does nothing. */
  private blockedTitle(): string {
    const s = this.text();
    const camera = this.media.problem('camera') === 'blocked';
    const microphone = this.media.problem('microphone') === 'blocked';
    if (camera && microphone) return s.checkBlockedTitle;
    return camera ? s.mediaCameraDenied : s.mediaMicrophoneDenied;
  }

  private renderBlocked() {
    const s = this.text();
    return html`<div class="help" part="permission-help" role="status">
      <div class="help-icon" aria-hidden="true">${icon('alert')}</div>
      <p class="help-title" id="help-title">${this.blockedTitle()}</p>
      ${blockedHelp(s, this.page).map((line) => html`<p class="help-text">${line}</p>`)}
      <p class="help-text">${s.checkJoinAnyway}</p>
      <button class="secondary retry" type="button" @click=${this.handleRetry}>
        ${icon('retry')}<span>${s.retryDevices}</span>
      </button>
    </div>`;
  }

  private renderPicker(kind: PickerKind, label: string, iconName: CallIconName) {
    const inUse = kind === 'speaker' ? '' : (this.media.track(kind)?.getSettings().deviceId ?? '');
    return renderDevicePicker({
      id: `${kind}-select`,
      label,
      iconName,
      devices: this.media.devices.filter((device) => device.kind === DEVICE_KIND[kind]),
      selected: this.devices[kind] || inUse,
      strings: this.text(),
      onPick: (id) => this.emit('check-devices', { [kind]: id } satisfies ChosenDevices),
    });
  }

  /** A blocked device cannot be picked: its room goes to what to do about the block. */
  private renderPickers(cameraBlocked: boolean, microphoneBlocked: boolean) {
    const s = this.text();
    const speakers =
      'setSinkId' in HTMLMediaElement.prototype &&
      this.media.devices.some((device) => device.kind === 'audiooutput') &&
      !(cameraBlocked && microphoneBlocked);
    if (cameraBlocked && microphoneBlocked && !speakers) return nothing;
    return html`<div class="pickers">
      ${cameraBlocked ? nothing : this.renderPicker('camera', s.camera, 'camera')}
      ${
        microphoneBlocked
          ? nothing
          : html`${this.renderPicker('microphone', s.microphone, 'microphone')}
            ${this.renderLevel()}`
      }
      ${speakers ? this.renderPicker('speaker', s.speaker, 'sound') : nothing}
    </div>`;
  }

  private renderLevel() {
    const s = this.text();
    const problem = this.media.problem('microphone');
    const live = Boolean(this.media.track('microphone'));
    return html`<div class="level-row">
      <meter
        class=${classMap({ level: true, off: !live })}
        part="level-meter"
        min="0"
        max="1"
        aria-label=${s.microphoneLevel}
        aria-valuetext=${live ? nothing : s.microphoneLevelOff}
      ></meter>
      ${
        problem && problem !== 'blocked'
          ? html`<p class="level-issue">${s[PROBLEM_TEXT[problem]]}</p>`
          : nothing
      }
    </div>`;
  }

  /**
   * A blocked device is off whatever the visitor chose: its toggle says so (not pressed, the
   * crossed-out icon) and does nothing, described by the help's title that says why; Join still
   * joins, to chat by typing.
   */
  private renderToggle(kind: InputKind, chosen: boolean) {
    const s = this.text();
    const camera = kind === 'camera';
    const blocked = this.media.problem(kind) === 'blocked';
    const on = chosen && !blocked;
    const iconName: CallIconName = camera
      ? on
        ? 'camera'
        : 'cameraOff'
      : on
        ? 'microphone'
        : 'microphoneOff';
    return html`<button
      class=${classMap({ toggle: true, off: !on && !blocked, unavailable: blocked })}
      part="device-toggle"
      type="button"
      aria-label=${camera ? s.camera : s.microphone}
      aria-pressed=${on ? 'true' : 'false'}
      aria-disabled=${ifDefined(blocked ? 'true' : undefined)}
      aria-describedby=${ifDefined(blocked ? 'help-title' : undefined)}
      title=${ifDefined(blocked ? this.blockedTitle() : undefined)}
      @click=${() => {
        if (!blocked) this.toggle(kind);
      }}
    >
      ${callIcon(iconName)}
    </button>`;
  }

  override render() {
    const s = this.text();
    const cameraBlocked = this.media.problem('camera') === 'blocked';
    const microphoneBlocked = this.media.problem('microphone') === 'blocked';
    const blocked = cameraBlocked || microphoneBlocked;
    return html`<div
      class="check"
      role="group"
      aria-labelledby="check-title"
      @pointerdown=${this.handleGesture}
      @keydown=${this.handleGesture}
    >
      <p class="title" id="check-title">${s.checkTitle}</p>
      ${blocked ? this.renderBlocked() : this.renderPreview()}
      ${this.renderPickers(cameraBlocked, microphoneBlocked)}
      <div class="actions">
        ${this.renderToggle('microphone', this.microphoneOn)}
        ${this.renderToggle('camera', this.cameraOn)}
        <button
          class="secondary leave"
          part="leave-button"
          type="button"
          @click=${this.handleLeave}
        >
          ${s.leaveCheck}
        </button>
        <button class="primary join" part="join-button" type="button" @click=${this.handleJoin}>
          ${s.join}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-device-check': TavusDeviceCheck;
  }
}
