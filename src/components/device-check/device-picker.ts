import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TavusStrings } from '../../translations/en.js';
import { formatString } from '../../translations/format.js';
import { callIcon } from '../../styles/call-icons.js';
import type { CallIconName } from '../../styles/call-icons.js';
import { icon } from '../../styles/icons.js';

/** One device picker of the check: what it lists and what it does with a pick. */
export interface DevicePicker {
  /** The `<select>`'s id, for its label. */
  id: string;
  /** Its name (shown as an icon, read out by screen readers). */
  label: string;
  iconName: CallIconName;
  /** The devices of its kind, as `enumerateDevices()` lists them. */
  devices: readonly MediaDeviceInfo[];
  /** The `deviceId` it shows selected; '' for the browser's pick (the first). */
  selected: string;
  strings: Pick<TavusStrings, 'deviceNoneFound' | 'deviceUnnamed'>;
  onPick: (deviceId: string) => void;
}

/**
 * A labelled `<select>` of devices. A long name is cut with an ellipsis, and two similar devices
 * could then look the same: the select's title is the whole name of the one it shows, and every
 * option's title its own, for hover; screen readers read the select's value, the whole name.
 * @internal
 */
export function renderDevicePicker(picker: DevicePicker): TemplateResult {
  const { devices, selected, strings } = picker;
  const names = devices.map(
    (device, index) =>
      device.label || formatString(strings.deviceUnnamed, { number: String(index + 1) }),
  );
  // The browser shows the first option when none is selected.
  const shown = Math.max(
    0,
    devices.findIndex((device) => device.deviceId === selected),
  );
  const pick = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    // The title follows what the select shows at once, before the pick comes back as `selected`.
    select.title = select.selectedOptions[0]?.title ?? '';
    picker.onPick(select.value);
  };
  return html`<div class="picker">
    <label class="picker-label" for=${picker.id}>
      ${callIcon(picker.iconName)}<span class="visually-hidden">${picker.label}</span>
    </label>
    <div class="select">
      <select
        id=${picker.id}
        part="device-picker"
        title=${ifDefined(names[shown])}
        ?disabled=${devices.length === 0}
        @change=${pick}
      >
        ${
          devices.length === 0
            ? html`<option value="">${strings.deviceNoneFound}</option>`
            : devices.map(
                (device, index) =>
                  html`<option
                    value=${device.deviceId}
                    title=${names[index]!}
                    ?selected=${device.deviceId === selected}
                  >
                    ${names[index]}
                  </option>`,
              )
        }
      </select>
      ${icon('chevronDown')}
    </div>
  </div>`;
}
