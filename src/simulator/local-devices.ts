/**
 * The local user's camera and microphone in a simulated call, handled as daily-js handles them:
 * opened at join (a toggle made while the browser is still asking wins over the join options),
 * a muted microphone keeps its track while a camera turned off is released, turning a device
 * back on asks the browser again, and a failure becomes a daily-shaped `camera-error` with the
 * device marked blocked. Every change is announced with `participant-updated`. Devices are
 * chosen from the simulated list (`devices.ts`); switching reopens a device in use on the new one.
 */
import type { DailyCallOptions, DailyDeviceInfos } from '@daily-co/daily-js';
import type { CallContext, CallSession } from './call-session.js';
import { SimulatedDevices, type SimulatedDevice } from './devices.js';
import {
  acquireLocalMedia,
  type GetUserMedia,
  type LocalMediaFailure,
  type MediaKind,
} from './media/local-media.js';
import { slot, snapshot, type ParticipantRecord } from './participants.js';

export class LocalDevices {
  /** Toggles made before the devices are known: preferences for the next join, as in daily-js. */
  private readonly preference: Partial<Record<MediaKind, boolean>> = {};
  private readonly devices: SimulatedDevices;
  private readonly getUserMedia: GetUserMedia;

  constructor(
    getUserMedia: GetUserMedia,
    private readonly call: CallContext,
  ) {
    this.devices = new SimulatedDevices(call.options.devices);
    this.getUserMedia = this.devices.wrap(getUserMedia);
  }

  /** `enumerateDevices()`. */
  list(): MediaDeviceInfo[] {
    return this.devices.list();
  }

  /** `getInputDevices()`: the devices chosen or in use. */
  infos(): DailyDeviceInfos {
    const local = this.call.session()?.local;
    return this.devices.infos({
      audio: local?.audio.track !== null && local?.audio.track !== undefined,
      video: local?.video.track !== null && local?.video.track !== undefined,
    });
  }

  /**
   * `setInputDevicesAsync()` / `setOutputDeviceAsync()`: chooses devices, reopens an input in use
   * on its new device, then announces the selection.
   */
  async choose(choice: Partial<Record<MediaKind | 'speaker', string>>): Promise<DailyDeviceInfos> {
    const kinds: [MediaKind | 'speaker', SimulatedDevice['kind']][] = [
      ['audio', 'audioinput'],
      ['video', 'videoinput'],
      ['speaker', 'audiooutput'],
    ];
    const switched: MediaKind[] = [];
    for (const [key, kind] of kinds) {
      const id = choice[key];
      if (id !== undefined && this.devices.select(kind, id) && key !== 'speaker')
        switched.push(key);
    }
    await Promise.all(switched.map((kind) => this.reopen(kind)));
    return this.announceSelection();
  }

  /**
   * Devices plugged in or out: `available-devices-updated`, and an input whose device went away
   * is reopened on the first remaining one.
   */
  async replaceList(devices: readonly SimulatedDevice[]): Promise<void> {
    const lost = this.devices.replace(devices);
    this.call.emit('available-devices-updated', { availableDevices: this.devices.list() });
    if (lost.length === 0) return;
    const inputs = lost.flatMap((kind): MediaKind[] =>
      kind === 'audioinput' ? ['audio'] : kind === 'videoinput' ? ['video'] : [],
    );
    await Promise.all(inputs.map((kind) => this.reopen(kind)));
    this.announceSelection();
  }

  /**
   * Opens the devices for a join and makes the local participant. Resolves false when the
   * session ended while the browser was asking (the tracks it got are released).
   */
  async open(session: CallSession, options: DailyCallOptions): Promise<boolean> {
    const want: Record<MediaKind, boolean> = {
      audio: this.preference.audio ?? !options.startAudioOff,
      video: this.preference.video ?? !options.startVideoOff,
    };
    const { tracks, failure } = await acquireLocalMedia(this.getUserMedia, want);
    if (this.call.session() !== session) {
      for (const track of Object.values(tracks)) track.stop();
      return false;
    }
    // setLocalAudio/Video() while the browser was asking wins over the join options.
    const wanted: Record<MediaKind, boolean> = {
      audio: this.preference.audio ?? want.audio,
      video: this.preference.video ?? want.video,
    };
    delete this.preference.audio;
    delete this.preference.video;
    const sessionId = this.call.ids.uuid();
    const local: ParticipantRecord = {
      sessionId,
      userId: sessionId,
      userName: typeof options.userName === 'string' ? options.userName : '',
      local: true,
      joinedAt: new Date(this.call.options.now()),
      audio: slot(tracks.audio ?? null, wanted.audio),
      video: slot(tracks.video ?? null, wanted.video),
    };
    session.local = local;
    if (tracks.audio && !wanted.audio) {
      tracks.audio.enabled = false;
      local.audio.state = 'off';
    }
    if (tracks.video && !wanted.video) {
      tracks.video.stop();
      local.video = slot(null, false);
    }
    if (failure) this.reportCameraError(local, failure);
    return true;
  }

  /** `setLocalAudio()` / `setLocalVideo()`. */
  set(kind: MediaKind, enabled: boolean): void {
    const session = this.call.session();
    const local = session?.local;
    if (!session || !local) {
      this.preference[kind] = enabled;
      return;
    }
    const current = local[kind];
    current.wanted = enabled;
    if (enabled) {
      this.turnOn(session, local, kind);
      return;
    }
    if (current.state === 'off') return;
    const track = current.track;
    if (track && kind === 'audio') {
      // A muted microphone keeps its track (daily does too); a camera is released.
      track.enabled = false;
      local.audio = { state: 'off', track, wanted: false };
    } else {
      track?.stop();
      local[kind] = { state: 'off', track: null, wanted: false };
    }
    if (track && this.call.joined()) {
      this.call.emit('track-stopped', { participant: snapshot(local), track, type: kind });
    }
    this.updated(session, local);
  }

  private turnOn(session: CallSession, local: ParticipantRecord, kind: MediaKind): void {
    const current = local[kind];
    if (current.state === 'playable' || current.state === 'loading') return;
    if (kind === 'audio' && current.track?.readyState === 'live') {
      // Unmuting: the kept track plays again, no new permission prompt.
      current.track.enabled = true;
      current.state = 'playable';
      this.updated(session, local);
      this.trackStarted(local, current.track, kind);
      return;
    }
    current.state = 'loading';
    void this.reacquire(session, local, kind);
  }

  /** Opens `kind` again; `replacing` is a track still playing until the new one is there. */
  private async reacquire(
    session: CallSession,
    local: ParticipantRecord,
    kind: MediaKind,
    replacing: MediaStreamTrack | null = null,
  ): Promise<void> {
    const { tracks, failure } = await acquireLocalMedia(this.getUserMedia, {
      audio: kind === 'audio',
      video: kind === 'video',
    });
    const track = tracks[kind];
    if (this.call.session() !== session || !local[kind].wanted) {
      // Left, or switched off again while the browser was asking.
      track?.stop();
      if (this.call.session() === session && local[kind].state === 'loading') {
        local[kind] = { state: 'off', track: null, wanted: false };
      }
      return;
    }
    local[kind].track?.stop();
    if (replacing && this.call.joined()) {
      this.call.emit('track-stopped', {
        participant: snapshot(local),
        track: replacing,
        type: kind,
      });
    }
    if (track) {
      local[kind] = { state: 'playable', track, wanted: true };
      this.updated(session, local);
      this.trackStarted(local, track, kind);
    } else if (failure) {
      this.reportCameraError(local, failure);
      this.updated(session, local);
    }
  }

  /** The device of `kind` changed: one in use is reopened; a muted microphone lets its go. */
  private async reopen(kind: MediaKind): Promise<void> {
    const session = this.call.session();
    const local = session?.local;
    if (!session || !local) return; // the join opens the selected device
    const current = local[kind];
    if (current.state === 'playable' && current.track) {
      current.state = 'loading';
      await this.reacquire(session, local, kind, current.track);
    } else if (current.state === 'off' && current.track) {
      // Unmuting will open the new device.
      current.track.stop();
      local[kind] = { state: 'off', track: null, wanted: false };
    }
  }

  private announceSelection(): DailyDeviceInfos {
    const devices = this.infos();
    this.call.emit('selected-devices-updated', { devices });
    return devices;
  }

  private trackStarted(local: ParticipantRecord, track: MediaStreamTrack, kind: MediaKind): void {
    if (this.call.joined()) {
      this.call.emit('track-started', { participant: snapshot(local), track, type: kind });
    }
  }

  /** daily-js' `camera-error`, and the failed devices marked blocked with daily's reasons. */
  private reportCameraError(local: ParticipantRecord, failure: LocalMediaFailure): void {
    for (const kind of ['audio', 'video'] as const) {
      const blocked = failure.blocked[kind];
      if (blocked) local[kind] = { state: 'blocked', track: null, blocked, wanted: true };
    }
    const errorMsg: Record<string, unknown> = { errorMsg: failure.message };
    if (failure.audioOk !== undefined) errorMsg['audioOk'] = failure.audioOk;
    if (failure.videoOk !== undefined) errorMsg['videoOk'] = failure.videoOk;
    this.call.emit('camera-error', { errorMsg, error: failure.error });
  }

  private updated(session: CallSession, record: ParticipantRecord): void {
    if (!this.call.joined()) return;
    // daily-js reports the change asynchronously; the snapshot is taken when it is emitted.
    session.scheduler.after(0, () => {
      if (this.call.session() === session) {
        this.call.emit('participant-updated', { participant: snapshot(record) });
      }
    });
  }
}
