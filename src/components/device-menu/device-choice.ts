/** The devices the settings menu offers. */
export type DeviceKind = 'camera' | 'microphone' | 'speaker';

const MEDIA_KIND: Readonly<Record<DeviceKind, MediaDeviceKind>> = {
  camera: 'videoinput',
  microphone: 'audioinput',
  speaker: 'audiooutput',
};

/**
 * The devices of one kind in an `enumerateDevices()` list. Devices without an id (listed before
 * the page may use any) cannot be chosen and are left out.
 * @internal
 */
export function devicesOfKind(
  list: readonly MediaDeviceInfo[],
  kind: DeviceKind,
): MediaDeviceInfo[] {
  return list.filter((device) => device.kind === MEDIA_KIND[kind] && device.deviceId !== '');
}

/**
 * The device of a kind the menu shows as in use: the one chosen, else the one the call's track
 * uses, else the browser's default (`default` where it lists one, else its first), among the
 * listed ones; '' when none is listed.
 * @internal
 */
export function choiceOf(
  kind: DeviceKind,
  list: readonly MediaDeviceInfo[],
  chosen: Readonly<Partial<Record<DeviceKind, string>>>,
  inUse: string,
): string {
  const ids = devicesOfKind(list, kind).map((device) => device.deviceId);
  const wanted = [chosen[kind], inUse, 'default'].find((id) => id && ids.includes(id));
  return wanted ?? ids[0] ?? '';
}

/**
 * The browser lets a page choose where a media element plays (`setSinkId`): Chromium, Firefox
 * 116+ and Safari 18.4+ (some behind a setting).
 * @internal
 */
export function speakersChoosable(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}
