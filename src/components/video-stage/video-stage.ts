import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { EN_STRINGS } from '../../translations/en.js';
import type { TavusStrings } from '../../translations/en.js';
import { named } from '../../translations/lookup.js';
import { callIcon } from '../../styles/call-icons.js';
import { sharedStyles } from '../../styles/shared.js';
import { PlaybackKeeper } from './playback-keeper.js';
import { ScreenWakeLock } from './screen-wake-lock.js';
import { videoStageStyles } from './video-stage.styles.js';

/**
 * Plays the replica's video and audio and shows the user's own camera. Each track is attached
 * with `srcObject` only when it changes, so re-renders never restart playback. When the browser
 * refuses to play sound without a gesture, a visible "Tap to enable sound" button appears
 * instead of failing silently, and the next press or key stroke anywhere in the conversation
 * plays it. The first gesture before the replica's audio comes (the start tap) primes the audio
 * element, which Safari then lets play. The screen stays on while a call shows, and media the
 * browser paused in the background play again when the page is back.
 *
 * Internal to `<tavus-conversation>`, which re-exports its parts.
 *
 * @internal
 * @summary The replica's video and audio, and the self-view.
 *
 * @csspart video - The replica's `<video>`.
 * @csspart self-view - The user's own camera, a small mirrored tile.
 * @csspart sound-button - "Tap to enable sound", shown when the browser blocked audio playback.
 */
@customElement('tavus-video-stage')
export class TavusVideoStage extends LitElement {
  static override styles = [sharedStyles, videoStageStyles];

  @query('video.replica') private videoElement!: HTMLVideoElement | null;
  @query('video.self') private selfElement!: HTMLVideoElement | null;
  @query('audio') private audioElement!: HTMLAudioElement | null;

  /** The replica's video track, or null. */
  @property({ attribute: false }) videoTrack: MediaStreamTrack | null = null;

  /** The replica's audio track, or null. */
  @property({ attribute: false }) audioTrack: MediaStreamTrack | null = null;

  /** The user's own camera track, or null (the tile is hidden). */
  @property({ attribute: false }) selfTrack: MediaStreamTrack | null = null;

  /** The replica's display name, '' when unknown. */
  @property({ attribute: false }) replicaName = '';

  /** UI strings. */
  @property({ attribute: false }) strings: TavusStrings = EN_STRINGS;

  /** Where the replica's voice plays (a `deviceId` of an audio output; '' for the default). */
  @property({ attribute: false }) speaker = '';

  /** The browser refused to start the replica's audio without a user gesture. */
  @state() private soundBlocked = false;

  /** A gesture has played the audio element before it had a source (Safari's unlock). */
  private primed = false;

  private readonly wakeLock = new ScreenWakeLock(this);

  protected readonly playbackKeeper = new PlaybackKeeper(this, {
    gesture: () => this.handleGesture(),
    visible: () => this.playAgain(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: put the streams back (disconnectedCallback released them).
    if (this.hasUpdated) {
      this.attachAll();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const media of [this.videoElement, this.selfElement, this.audioElement]) {
      if (media) {
        media.srcObject = null;
      }
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('audioTrack') && !this.audioTrack) {
      this.soundBlocked = false;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    this.wakeLock.hold(Boolean(this.videoTrack || this.audioTrack));
    // The default output needs no call (some browsers ask for permission even for it).
    if (changed.has('speaker') && (this.speaker || changed.get('speaker'))) {
      this.applySpeaker();
    }
    if (changed.has('videoTrack')) {
      attach(this.videoElement, this.videoTrack);
    }
    if (changed.has('selfTrack')) {
      attach(this.selfElement, this.selfTrack);
    }
    if (changed.has('audioTrack')) {
      attach(this.audioElement, this.audioTrack);
      if (this.audioTrack) {
        void this.playAudio();
      }
    }
  }

  private attachAll(): void {
    attach(this.videoElement, this.videoTrack);
    attach(this.selfElement, this.selfTrack);
    attach(this.audioElement, this.audioTrack);
    if (this.audioTrack) {
      void this.playAudio();
    }
  }

  /** Starts the replica's audio; a refusal by the autoplay policy shows the sound button. */
  private async playAudio(): Promise<void> {
    const audio = this.audioElement;
    if (!audio?.srcObject) {
      return;
    }
    try {
      await audio.play();
      this.soundBlocked = false;
    } catch (error) {
      // AbortError means a newer source replaced this one: that play() call is the one to watch.
      if ((error as DOMException | undefined)?.name === 'NotAllowedError') {
        this.soundBlocked = true;
      }
    }
  }

  /**
   * Inside a press or key stroke: plays the sound the browser refused; before any sound came,
   * plays the empty audio element once, which is what Safari asks before it lets an element
   * play later on its own.
   */
  private handleGesture(): void {
    const audio = this.audioElement;
    if (!audio) return;
    if (this.soundBlocked) {
      void this.playAudio();
    } else if (!this.primed && !audio.srcObject) {
      this.primed = true;
      audio.play().catch(() => {});
    }
  }

  /** Back from the background: plays again what the browser paused (phones pause media). */
  private playAgain(): void {
    for (const media of [this.videoElement, this.selfElement]) {
      if (media?.srcObject && media.paused) media.play().catch(() => {});
    }
    if (this.audioElement?.paused) void this.playAudio();
  }

  /** Sends the replica's voice to the chosen output, where the browser lets a page choose. */
  private applySpeaker(): void {
    const audio = this.audioElement;
    if (!audio || !('setSinkId' in audio)) return;
    audio.setSinkId(this.speaker).catch((error: unknown) => {
      // Gone, or not allowed (a frame without speaker-selection): it plays where it did.
      console.warn('tavus-conversation: could not play through the chosen speaker', error);
    });
  }

  override render() {
    // tabindex="-1": Firefox puts a playing <video> in the Tab order (twice, with its hidden
    // controls), though these are pictures with nothing to operate; they keep their names.
    return html`
      <video
        class="replica"
        part="video"
        playsinline
        autoplay
        muted
        tabindex="-1"
        aria-label=${named(this.strings, 'replicaVideo', this.replicaName)}
        ?hidden=${!this.videoTrack}
      ></video>
      <audio autoplay></audio>
      <video
        class="self"
        part="self-view"
        playsinline
        autoplay
        muted
        tabindex="-1"
        aria-label=${this.strings.selfView}
        ?hidden=${!this.selfTrack}
      ></video>
      ${
        this.soundBlocked
          ? html`<button class="sound" part="sound-button" type="button">
              ${callIcon('sound')}<span>${this.strings.enableSound}</span>
            </button>`
          : null
      }
    `;
  }
}

/** Points a media element at a track; only called when the track changed. */
function attach(media: HTMLMediaElement | null, track: MediaStreamTrack | null): void {
  if (!media) {
    return;
  }
  media.srcObject = track ? new MediaStream([track]) : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-video-stage': TavusVideoStage;
  }
}
