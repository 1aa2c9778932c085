/**
 * The browser's media devices as a test scripts them: `getUserMedia` answers with tracks made in
 * the page (a canvas camera, a tone or silence for the microphone) or fails as a blocked, busy or
 * missing device does, and `enumerateDevices` lists named devices. Stubs the page's own
 * `navigator.mediaDevices`, so the code under test runs unchanged; `restore()` puts it back.
 */
import sinon from 'sinon';
import { canvasVideoTrack } from '../../support/media-tracks.js';

/** A getUserMedia failure, by the DOMException name browsers use. */
export type Refusal = 'NotAllowedError' | 'NotReadableError' | 'NotFoundError';

export interface FakeMedia {
  /** Every request, in order. */
  readonly requests: MediaStreamConstraints[];
  /** Every track handed out, in order. */
  readonly tracks: MediaStreamTrack[];
  /** How the next requests are answered: a kind listed here fails with its refusal. */
  refuse: Partial<Record<'audio' | 'video' | 'both', Refusal>>;
  /** What enumerateDevices() lists. */
  devices: MediaDeviceInfo[];
  restore(): void;
}

let context: AudioContext | undefined;

/** A live microphone track that plays a loud tone (or silence), for the level meter. */
export function toneTrack(loud = true): MediaStreamTrack {
  context ??= new AudioContext();
  void context.resume().catch(() => {});
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = loud ? 0.8 : 0;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  const [track] = destination.stream.getAudioTracks();
  if (!track) throw new Error('createMediaStreamDestination gave no audio track');
  return track;
}

/** A device as enumerateDevices() lists it (the real class cannot be constructed). */
export function device(kind: MediaDeviceKind, deviceId: string, label: string): MediaDeviceInfo {
  const info = { kind, deviceId, label, groupId: `group-${deviceId}` };
  return { ...info, toJSON: () => info } as MediaDeviceInfo;
}

export const DEVICES: MediaDeviceInfo[] = [
  device('videoinput', 'cam-1', 'Front camera'),
  device('videoinput', 'cam-2', 'USB camera'),
  device('audioinput', 'mic-1', 'Built-in microphone'),
  device('audioinput', 'mic-2', 'Headset microphone'),
  device('audiooutput', 'default', 'Default speakers'),
  device('audiooutput', 'spk-2', 'Headset'),
];

export function fakeMedia(options: { loud?: boolean } = {}): FakeMedia {
  const media = navigator.mediaDevices;
  const fake: FakeMedia = {
    requests: [],
    tracks: [],
    refuse: {},
    devices: DEVICES,
    restore: () => sinon.restore(),
  };
  sinon.stub(media, 'getUserMedia').callsFake(async (constraints = {}) => {
    fake.requests.push(constraints);
    const both = Boolean(constraints.audio && constraints.video);
    const refusal =
      (both ? fake.refuse.both : undefined) ??
      (constraints.video ? fake.refuse.video : undefined) ??
      (constraints.audio ? fake.refuse.audio : undefined);
    if (refusal) throw new DOMException('refused by the test', refusal);
    const tracks: MediaStreamTrack[] = [];
    if (constraints.video) tracks.push(canvasVideoTrack());
    if (constraints.audio) tracks.push(toneTrack(options.loud ?? true));
    fake.tracks.push(...tracks);
    return new MediaStream(tracks);
  });
  sinon.stub(media, 'enumerateDevices').callsFake(async () => fake.devices);
  return fake;
}

/** The device id a request asked for, for `kind` ('' for the default). */
export function askedId(constraints: MediaStreamConstraints, kind: 'audio' | 'video'): string {
  const asked = constraints[kind];
  if (typeof asked !== 'object') return '';
  const id = asked.deviceId;
  if (typeof id === 'string') return id;
  if (id && !Array.isArray(id) && typeof id === 'object') return String(id.ideal ?? id.exact ?? '');
  return '';
}
