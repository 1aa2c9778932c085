import { noChange } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { ElementPart, PartInfo } from 'lit/directive.js';
import { PartType } from 'lit/directive.js';
import { LevelMeter } from '../../device-check/level-meter.js';

/** From this level (0..1, see `levelOf`) the visitor counts as speaking. */
export const SPEAKING_LEVEL = 0.3;

/** Gestures that let a browser resume an audio context it started suspended (Safari). */
const GESTURES = ['pointerdown', 'keydown'] as const;

/**
 * The microphone's level on the element it is bound to, while the call shows it: the custom
 * property `--_tavus-level` (0..1, once per animation frame) for a meter that follows the voice,
 * and `data-speaking` from `SPEAKING_LEVEL` for one that only turns on and off (reduced motion).
 *
 * It measures with a WebAudio `AnalyserNode` (`LevelMeter`), only while the bound element is
 * in a connected element: removed with the controls, or with the element, it closes its audio
 * context; put back, it measures again. A browser that started the context suspended (no gesture
 * since it was made) is asked again on the visitor's next pointer or key press in the element.
 * @internal
 */
class MicrophoneLevelDirective extends AsyncDirective {
  private element: HTMLElement | null = null;
  private track: MediaStreamTrack | null = null;
  private meter: LevelMeter | null = null;
  private gestureTarget: EventTarget | null = null;
  private speaking = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('microphoneLevel() binds to an element');
  }

  render(_track: MediaStreamTrack | null): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [track]: [MediaStreamTrack | null]): typeof noChange {
    this.element = part.element as HTMLElement;
    this.gestureTarget = (part.options?.host as EventTarget | undefined) ?? null;
    if (track !== this.track) {
      this.track = track;
      this.measure();
    }
    return noChange;
  }

  protected override disconnected(): void {
    this.stop();
  }

  protected override reconnected(): void {
    this.measure();
  }

  private measure(): void {
    if (!this.track || !this.isConnected) {
      this.stop();
      return;
    }
    if (!this.meter) {
      this.meter = new LevelMeter(this.show);
      for (const type of GESTURES) this.gestureTarget?.addEventListener(type, this.resume);
    }
    this.meter.measure(this.track);
  }

  private stop(): void {
    for (const type of GESTURES) this.gestureTarget?.removeEventListener(type, this.resume);
    this.meter?.dispose();
    this.meter = null;
    this.show(0);
  }

  private readonly resume = () => this.meter?.resume();

  private readonly show = (level: number) => {
    const element = this.element;
    if (!element) return;
    element.style.setProperty('--_tavus-level', level.toFixed(2));
    const speaking = level >= SPEAKING_LEVEL;
    if (speaking !== this.speaking) {
      this.speaking = speaking;
      element.toggleAttribute('data-speaking', speaking);
    }
  };
}

/**
 * Binds the level of `track` (the visitor's microphone; null: none) to an element.
 * @internal
 */
export const microphoneLevel = directive(MicrophoneLevelDirective);
