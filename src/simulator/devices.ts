/**
 * The simulated call's media devices: a fixed, named list of cameras, microphones and speakers
 * (several of each by default), which one is selected, and devices that fail as a real one can
 * (in use, blocked, unplugged). Pages build pickers and device-switching on this without the
 * test machine having any such hardware: the tracks themselves still come from the browser's
 * getUserMedia, asked for the selected device's id as a preference, so any device will do. An id
 * that is not in the list (one from the browser's own `enumerateDevices()`) is used as it is.
 */
import type { DailyDeviceInfos } from '@daily-co/daily-js';
import type { GetUserMedia, MediaKind } from './media/local-media.js';

/** One simulated device, as `enumerateDevices()` lists it. */
export interface SimulatedDevice {
  kind: 'videoinput' | 'audioinput' | 'audiooutput';
  deviceId: string;
  label: string;
  /** Devices of one physical unit (a headset's microphone and speaker) share it. */
  groupId?: string;
  /** Which way a camera faces (daily's `facing`). */
  facing?: 'user' | 'environment';
  /** Opening this device fails with this DOMException name, as a busy or missing one does. */
  fails?: 'NotReadableError' | 'NotAllowedError' | 'NotFoundError';
}

/** Two of each kind, so that pickers and switching have something to do. */
export const DEFAULT_DEVICES: readonly SimulatedDevice[] = [
  {
    kind: 'videoinput',
    deviceId: 'sim-camera-front',
    label: 'Front camera (simulated)',
    groupId: 'sim-laptop',
    facing: 'user',
  },
  {
    kind: 'videoinput',
    deviceId: 'sim-camera-usb',
    label: 'USB camera (simulated)',
    groupId: 'sim-usb-camera',
  },
  {
    kind: 'audioinput',
    deviceId: 'sim-mic-built-in',
    label: 'Built-in microphone (simulated)',
    groupId: 'sim-laptop',
  },
  {
    kind: 'audioinput',
    deviceId: 'sim-mic-headset',
    label: 'Headset microphone (simulated)',
    groupId: 'sim-headset',
  },
  {
    kind: 'audiooutput',
    deviceId: 'sim-speaker-built-in',
    label: 'Built-in speakers (simulated)',
    groupId: 'sim-laptop',
  },
  {
    kind: 'audiooutput',
    deviceId: 'sim-speaker-headset',
    label: 'Headset (simulated)',
    groupId: 'sim-headset',
  },
];

const INPUT_KIND: Record<MediaKind, SimulatedDevice['kind']> = {
  audio: 'audioinput',
  video: 'videoinput',
};

/** A device as `MediaDeviceInfo` reads (a plain object: the real class cannot be constructed). */
export function asDeviceInfo(device: SimulatedDevice): MediaDeviceInfo {
  const info = {
    deviceId: device.deviceId,
    groupId: device.groupId ?? device.deviceId,
    kind: device.kind,
    label: device.label,
    ...(device.facing ? { facing: device.facing } : {}),
  };
  return { ...info, toJSON: () => info };
}

export class SimulatedDevices {
  private devices: readonly SimulatedDevice[];
  private readonly chosen = new Map<SimulatedDevice['kind'], string>();

  constructor(devices: readonly SimulatedDevice[] = DEFAULT_DEVICES) {
    this.devices = devices;
  }

  list(): MediaDeviceInfo[] {
    return this.devices.map(asDeviceInfo);
  }

  /**
   * The device in use for `kind`: the one chosen (known by its id alone when it is not in the
   * list), else the first of its kind.
   */
  selected(kind: SimulatedDevice['kind']): SimulatedDevice | undefined {
    const id = this.chosen.get(kind);
    const ofKind = this.devices.filter((device) => device.kind === kind);
    if (id === undefined) return ofKind[0];
    return ofKind.find((device) => device.deviceId === id) ?? { kind, deviceId: id, label: '' };
  }

  /** Chooses the device `deviceId` of `kind`; returns whether that changed the device in use. */
  select(kind: SimulatedDevice['kind'], deviceId: string): boolean {
    const before = this.selected(kind)?.deviceId;
    this.chosen.set(kind, deviceId);
    return before !== deviceId;
  }

  /**
   * Plugs and unplugs: the list becomes `devices`. Returns the kinds whose device in use went
   * away (they fall back to the first of their kind, as browsers do).
   */
  replace(devices: readonly SimulatedDevice[]): SimulatedDevice['kind'][] {
    const kinds = ['videoinput', 'audioinput', 'audiooutput'] as const;
    // Only a device of the list can be unplugged; one known by its id alone stays chosen.
    const inUse = kinds.flatMap((kind) => {
      const device = this.selected(kind);
      return device && this.devices.includes(device) ? [device] : [];
    });
    this.devices = devices;
    const lost: SimulatedDevice['kind'][] = [];
    for (const device of inUse) {
      if (!devices.some((d) => d.kind === device.kind && d.deviceId === device.deviceId)) {
        this.chosen.delete(device.kind);
        lost.push(device.kind);
      }
    }
    return lost;
  }

  /**
   * daily's `DailyDeviceInfos`: a device for each role that was chosen or is in use, `{}` for one
   * that was neither (as daily-js reports a device not accessed yet).
   */
  infos(inUse: Partial<Record<MediaKind, boolean>>): DailyDeviceInfos {
    const infos: DailyDeviceInfos = { camera: {}, mic: {}, speaker: {} };
    const roles: [SimulatedDevice['kind'], keyof DailyDeviceInfos, boolean][] = [
      ['videoinput', 'camera', inUse.video === true],
      ['audioinput', 'mic', inUse.audio === true],
      ['audiooutput', 'speaker', false],
    ];
    for (const [kind, role, used] of roles) {
      const device = this.selected(kind);
      if (device && (used || this.chosen.has(kind))) infos[role] = asDeviceInfo(device);
    }
    return infos;
  }

  /**
   * `getUserMedia` for the selected devices. A kind whose device was chosen is asked for with its
   * id, as a preference (so the browser's own device answers when it has no such id); a device
   * marked to fail fails with its error before the browser is asked.
   */
  wrap(getUserMedia: GetUserMedia): GetUserMedia {
    return (constraints) => {
      const asked: MediaStreamConstraints = { ...constraints };
      for (const kind of ['audio', 'video'] as const) {
        if (!constraints[kind]) continue;
        const device = this.selected(INPUT_KIND[kind]);
        if (device?.fails) {
          return Promise.reject(new DOMException(`${device.label} (simulated)`, device.fails));
        }
        const chosen = this.chosen.get(INPUT_KIND[kind]);
        if (chosen !== undefined) asked[kind] = { deviceId: chosen };
      }
      return getUserMedia(asked);
    };
  }
}
