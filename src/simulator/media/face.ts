import { endTrackSoon } from './track-ending.js';

/**
 * The replica's video: a friendly cartoon face drawn on a canvas and captured as a
 * MediaStreamTrack. It blinks, breathes and moves its mouth while the replica speaks, so a page
 * can see at a glance that audio, captions and speaking events line up.
 */
export interface FaceOptions {
  /** Shown on a name tag at the top centre. */
  name: string;
  /** Varies colours and blink timing between replicas. */
  seed: number;
  width?: number;
  height?: number;
}

const FRAME_INTERVAL_MS = 1000 / 30;

const PALETTES = [
  { bg: ['#cde7f0', '#8fb8cc'], skin: '#f1c7a5', hair: '#4a3125', shirt: '#3f6fb5' },
  { bg: ['#f3e2c7', '#d7b88f'], skin: '#c98e65', hair: '#1f1a17', shirt: '#2f8f6f' },
  { bg: ['#e4dcf3', '#b3a4d6'], skin: '#e7b894', hair: '#8a4b2a', shirt: '#b5473f' },
] as const;

export class FaceRenderer {
  readonly track: MediaStreamTrack;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly palette: (typeof PALETTES)[number];
  private readonly started = performance.now();
  private frameHandle = 0;
  private lastDraw = -Infinity;
  private speaking = false;
  private mouth = 0;
  private nextBlink: number;
  private stopped = false;

  constructor(private readonly options: FaceOptions) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = options.width ?? 640;
    this.canvas.height = options.height ?? 360;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas is not available');
    this.ctx = ctx;
    this.palette = PALETTES[Math.abs(options.seed) % PALETTES.length] as (typeof PALETTES)[number];
    this.nextBlink = 1500 + (Math.abs(options.seed) % 2000);
    this.draw(0);
    const track = this.canvas.captureStream(30).getVideoTracks()[0];
    if (!track) throw new Error('canvas.captureStream() gave no video track');
    this.track = track;
    this.frameHandle = requestAnimationFrame(this.tick);
  }

  setSpeaking(speaking: boolean): void {
    this.speaking = speaking;
  }

  /**
   * Stops drawing at once; the track ends on a later task, once the page has let go of it
   * (WebKitGTK deadlocks when a playing video track ends in a busy task: see track-ending.ts).
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    cancelAnimationFrame(this.frameHandle);
    endTrackSoon(this.track);
  }

  private readonly tick = (now: number): void => {
    if (this.stopped) return;
    // captureStream sends a frame per paint: 30 fps is plenty and spares the CPU.
    if (now - this.lastDraw >= FRAME_INTERVAL_MS) {
      this.lastDraw = now;
      this.draw(now - this.started);
    }
    this.frameHandle = requestAnimationFrame(this.tick);
  };

  private draw(elapsedMs: number): void {
    const { ctx, palette } = this;
    const w = this.canvas.width;
    const h = this.canvas.height;
    const t = elapsedMs / 1000;

    // A syllable-like rhythm: fast open/close under a slower phrase envelope.
    const target = this.speaking
      ? 0.2 + 0.8 * Math.abs(Math.sin(t * Math.PI * 6.6)) * (0.65 + 0.35 * Math.sin(t * 5.1))
      : 0;
    this.mouth += (target - this.mouth) * 0.55;

    const background = ctx.createLinearGradient(0, 0, 0, h);
    background.addColorStop(0, palette.bg[0]);
    background.addColorStop(1, palette.bg[1]);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, w, h);

    const scale = h / 360;
    const cx = w / 2 + Math.sin(t * 0.5) * 3 * scale;
    const cy =
      h * 0.45 + Math.sin(t * 0.8) * 2 * scale + (this.speaking ? Math.sin(t * 3) * 1.5 : 0);

    // Shoulders and neck.
    ctx.fillStyle = palette.shirt;
    ctx.beginPath();
    ctx.ellipse(w / 2, h + 40 * scale, 170 * scale, 120 * scale, 0, Math.PI, 0);
    ctx.fill();
    ctx.fillStyle = palette.skin;
    ctx.fillRect(cx - 26 * scale, cy + 70 * scale, 52 * scale, 60 * scale);

    // Hair behind the head, head, hair on top.
    ctx.fillStyle = palette.hair;
    ctx.beginPath();
    ctx.ellipse(cx, cy - 8 * scale, 88 * scale, 104 * scale, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = palette.skin;
    ctx.beginPath();
    ctx.ellipse(cx, cy + 6 * scale, 74 * scale, 92 * scale, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = palette.hair;
    ctx.beginPath();
    ctx.ellipse(cx, cy - 70 * scale, 80 * scale, 38 * scale, 0, Math.PI, 0);
    ctx.fill();

    // Eyes, with a blink every few seconds.
    if (elapsedMs > this.nextBlink + 140) this.nextBlink = elapsedMs + 2500 + ((t * 997) % 2500);
    const blinking = elapsedMs >= this.nextBlink && elapsedMs <= this.nextBlink + 140;
    const eyeOpen = blinking ? 0.12 : 1;
    const lookX = Math.sin(t * 0.37) * 2 * scale;
    for (const side of [-1, 1]) {
      const ex = cx + side * 28 * scale;
      const ey = cy - 8 * scale;
      ctx.fillStyle = '#ffffff';
      ctx.beginPath();
      ctx.ellipse(ex, ey, 13 * scale, 9 * scale * eyeOpen, 0, 0, Math.PI * 2);
      ctx.fill();
      if (!blinking) {
        ctx.fillStyle = '#2b2b2b';
        ctx.beginPath();
        ctx.arc(ex + lookX, ey, 5 * scale, 0, Math.PI * 2);
        ctx.fill();
      }
      // Brows lift a little while talking.
      ctx.strokeStyle = palette.hair;
      ctx.lineWidth = 4 * scale;
      ctx.lineCap = 'round';
      ctx.beginPath();
      const lift = this.speaking ? 2 * scale * this.mouth : 0;
      ctx.moveTo(ex - 12 * scale, ey - 18 * scale - lift);
      ctx.quadraticCurveTo(ex, ey - 24 * scale - lift, ex + 12 * scale, ey - 18 * scale - lift);
      ctx.stroke();
    }

    // Cheeks and nose.
    ctx.fillStyle = 'rgba(230, 110, 110, 0.25)';
    for (const side of [-1, 1]) {
      ctx.beginPath();
      ctx.arc(cx + side * 44 * scale, cy + 22 * scale, 12 * scale, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.strokeStyle = 'rgba(90, 50, 30, 0.45)';
    ctx.lineWidth = 3 * scale;
    ctx.beginPath();
    ctx.moveTo(cx, cy + 2 * scale);
    ctx.quadraticCurveTo(cx - 7 * scale, cy + 20 * scale, cx + 2 * scale, cy + 22 * scale);
    ctx.stroke();

    // Mouth: a smile at rest, an open mouth while speaking.
    const my = cy + 44 * scale;
    if (this.mouth < 0.05) {
      ctx.strokeStyle = '#b0564e';
      ctx.lineWidth = 4 * scale;
      ctx.beginPath();
      ctx.arc(cx, my - 10 * scale, 20 * scale, Math.PI * 0.2, Math.PI * 0.8);
      ctx.stroke();
    } else {
      ctx.fillStyle = '#7a2630';
      ctx.beginPath();
      ctx.ellipse(
        cx,
        my,
        (16 + 6 * this.mouth) * scale,
        (2 + 14 * this.mouth) * scale,
        0,
        0,
        Math.PI * 2,
      );
      ctx.fill();
      ctx.fillStyle = '#f7f2ee';
      ctx.fillRect(
        cx - 10 * scale,
        my - (2 + 14 * this.mouth) * scale,
        20 * scale,
        4 * scale * this.mouth,
      );
    }

    // Name tag, so nobody mistakes the simulation for a real call. Centred just above the head:
    // object-fit: cover keeps the middle of the frame at 16:9, 4:5, square and taller, and the
    // tag sits below the embedding UI's top corners (speaker name, close button, self-view).
    const label = `${this.options.name} · simulated`;
    ctx.font = `${Math.round(11 * scale)}px system-ui, sans-serif`;
    const padding = 6 * scale;
    const tagWidth = ctx.measureText(label).width + padding * 2;
    const tagHeight = 18 * scale;
    const tagTop = 28 * scale;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
    ctx.beginPath();
    ctx.roundRect(w / 2 - tagWidth / 2, tagTop, tagWidth, tagHeight, tagHeight / 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, w / 2, tagTop + tagHeight / 2);
    ctx.textAlign = 'start';
  }
}
