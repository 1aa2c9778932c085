import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The two inputs the device check previews. */
export type InputKind = 'camera' | 'microphone';

/** Why an input the visitor wants is not previewed. */
export type InputProblem =
  /** Permission denied (by the visitor, the browser, or the frame's policy). */
  | 'blocked'
  /** Another app holds it. */
  | 'in-use'
  /** No such device (none plugged in, or the chosen one went away). */
  | 'missing'
  /** Anything else, including a browser without `getUserMedia` (an insecure page). */
  | 'failed';

/** What the visitor wants previewed: each input on or off, on which device. */
export interface PreviewWishes {
  cameraOn: boolean;
  microphoneOn: boolean;
  /** Device ids chosen in the pickers; absent: the browser's default. */
  camera?: string | undefined;
  microphone?: string | undefined;
}

const KINDS: readonly InputKind[] = ['camera', 'microphone'];
const CONSTRAINT: Record<InputKind, 'video' | 'audio'> = { camera: 'video', microphone: 'audio' };

interface Input {
  track: MediaStreamTrack | null;
  /** The device id asked for when the track was opened ('' for the default). */
  asked: string;
  problem: InputProblem | null;
  /** Being asked for. */
  pending: boolean;
}

/**
 * The device check's own camera and microphone, opened with `getUserMedia` as the visitor's
 * wishes say and closed when they change or the host leaves the page: the camera's light goes
 * off as the check closes, before the call opens the devices again. Both inputs are asked for in
 * one request (one permission prompt); after a failure other than a block, each alone, so that
 * a busy camera does not hide a working microphone. Also lists the devices for the pickers, again
 * when devices are plugged in or out and once permission gives them names.
 * @internal
 */
export class PreviewMedia implements ReactiveController {
  /** Every camera, microphone and speaker, as `enumerateDevices()` lists them. */
  devices: readonly MediaDeviceInfo[] = [];

  private readonly inputs: Record<InputKind, Input> = {
    camera: { track: null, asked: '', problem: null, pending: false },
    microphone: { track: null, asked: '', problem: null, pending: false },
  };
  private connected = false;
  /** Bumped on disconnect: a request answered after it stops what it got. */
  private generation = 0;
  private working = false;
  private again = false;
  private readonly permissions: PermissionStatus[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wishes: () => PreviewWishes,
    // Absent from pages that are not secure contexts (plain http).
    private readonly mediaDevices: () => MediaDevices | undefined = () => navigator.mediaDevices,
  ) {
    host.addController(this);
  }

  track(kind: InputKind): MediaStreamTrack | null {
    return this.inputs[kind].track;
  }

  problem(kind: InputKind): InputProblem | null {
    return this.inputs[kind].problem;
  }

  pending(kind: InputKind): boolean {
    return this.inputs[kind].pending;
  }

  /** Asks again for the inputs that failed (after the visitor changed a setting). */
  retry(): void {
    for (const kind of KINDS) this.inputs[kind].problem = null;
    this.reconcile();
  }

  hostConnected(): void {
    this.connected = true;
    this.mediaDevices()?.addEventListener('devicechange', this.handleDeviceChange);
    void this.listDevices();
    void this.watchPermissions();
    this.reconcile();
  }

  /** The wishes may have changed with the host's properties. */
  hostUpdated(): void {
    this.reconcile();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.generation++;
    this.mediaDevices()?.removeEventListener('devicechange', this.handleDeviceChange);
    for (const status of this.permissions.splice(0)) status.onchange = null;
    for (const kind of KINDS) this.close(kind);
  }

  /** Opens and closes inputs until they match the wishes; one request at a time. */
  private reconcile(): void {
    if (!this.connected) return;
    if (this.working) {
      this.again = true;
      return;
    }
    this.working = true;
    void this.work().finally(() => {
      this.working = false;
    });
  }

  private async work(): Promise<void> {
    // After the host's update (hostUpdated calls this): a render asked for in it would be wasted.
    await Promise.resolve();
    do {
      this.again = false;
      await this.step();
    } while (this.again && this.connected);
  }

  private async step(): Promise<void> {
    const wishes = this.wishes();
    const wanted = (kind: InputKind) => (kind === 'camera' ? wishes.cameraOn : wishes.microphoneOn);
    const device = (kind: InputKind) => wishes[kind] ?? '';
    let changed = false;
    for (const kind of KINDS) {
      const input = this.inputs[kind];
      if (!wanted(kind)) {
        // Turned off: closed, and a failure forgotten (turning it on asks again).
        changed ||= input.track !== null || input.problem !== null;
        this.close(kind);
        input.problem = null;
      } else if (input.track && input.asked !== device(kind)) {
        // Another device chosen: it replaces this one.
        this.close(kind);
        input.problem = null;
        changed = true;
      }
    }
    const needed = KINDS.filter(
      (kind) => wanted(kind) && !this.inputs[kind].track && !this.inputs[kind].problem,
    );
    if (needed.length === 0) {
      if (changed) this.host.requestUpdate();
      return;
    }
    for (const kind of needed) this.inputs[kind].pending = true;
    this.host.requestUpdate();
    const generation = this.generation;
    let failure = await this.open(needed, device);
    if (failure && needed.length > 1 && failure !== 'blocked') {
      // One busy or missing device must not take the other down with it.
      for (const kind of needed) failure = await this.open([kind], device);
    }
    if (generation !== this.generation) return;
    for (const kind of needed) this.inputs[kind].pending = false;
    this.host.requestUpdate();
    // Names come with permission: list again.
    await this.listDevices();
  }

  /** Asks for `kinds` together; returns the problem, or null once their tracks are kept. */
  private async open(
    kinds: readonly InputKind[],
    device: (kind: InputKind) => string,
  ): Promise<InputProblem | null> {
    const generation = this.generation;
    const constraints: MediaStreamConstraints = {};
    for (const kind of kinds) {
      const id = device(kind);
      constraints[CONSTRAINT[kind]] = id ? { deviceId: { ideal: id } } : true;
    }
    let stream: MediaStream;
    try {
      const media = this.mediaDevices();
      if (!media?.getUserMedia) throw new DOMException('No getUserMedia', 'NotSupportedError');
      stream = await media.getUserMedia(constraints);
    } catch (error) {
      const problem = problemOf(error);
      if (generation === this.generation) {
        for (const kind of kinds) this.inputs[kind].problem = problem;
      }
      return problem;
    }
    if (generation !== this.generation) {
      // The check closed while the browser asked: nothing may stay open.
      for (const track of stream.getTracks()) track.stop();
      return null;
    }
    for (const kind of kinds) {
      const track =
        (kind === 'camera' ? stream.getVideoTracks() : stream.getAudioTracks())[0] ?? null;
      const input = this.inputs[kind];
      this.close(kind);
      input.track = track;
      input.asked = device(kind);
      input.problem = track ? null : 'failed';
      track?.addEventListener('ended', this.handleTrackEnded);
    }
    return null;
  }

  private close(kind: InputKind): void {
    const input = this.inputs[kind];
    input.track?.removeEventListener('ended', this.handleTrackEnded);
    input.track?.stop();
    input.track = null;
  }

  private async listDevices(): Promise<void> {
    const media = this.mediaDevices();
    if (!media?.enumerateDevices) return;
    try {
      const devices = await media.enumerateDevices();
      if (!this.connected) return;
      this.devices = devices;
      this.host.requestUpdate();
    } catch {
      // No list: the pickers offer the default devices only.
    }
  }

  /**
   * Where the browser tells (Chromium, Firefox, Safari 16+), a permission changed in its own
   * settings while the check shows opens the inputs without a "Try again".
   */
  private async watchPermissions(): Promise<void> {
    const generation = this.generation;
    for (const name of ['camera', 'microphone']) {
      try {
        const status = await navigator.permissions.query({ name: name as PermissionName });
        if (generation !== this.generation) return;
        status.onchange = () => {
          if (status.state !== 'denied' && KINDS.some((k) => this.problem(k) === 'blocked')) {
            this.retry();
          }
        };
        this.permissions.push(status);
      } catch {
        // This browser cannot be asked about this permission: "Try again" still works.
      }
    }
  }

  private readonly handleDeviceChange = () => void this.listDevices();

  /** A device unplugged (or its permission revoked): ask again, on the default if need be. */
  private readonly handleTrackEnded = (event: Event) => {
    for (const kind of KINDS) {
      if (this.inputs[kind].track === event.target) {
        this.close(kind);
        this.inputs[kind].asked = '';
      }
    }
    this.host.requestUpdate();
    this.reconcile();
  };
}

/**
 * The problem a `getUserMedia` rejection names. Firefox says AbortError for a device another app
 * holds, WebKit InvalidStateError when the page may not capture.
 * @internal
 */
export function problemOf(error: unknown): InputProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'blocked';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'in-use';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'missing';
    default:
      return 'failed';
  }
}
