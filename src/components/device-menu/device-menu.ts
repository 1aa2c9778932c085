import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ChosenDevices } from '../../state/devices.js';
import { EN_STRINGS } from '../../translations/en.js';
import type { TavusStrings } from '../../translations/en.js';
import { formatString } from '../../translations/format.js';
import { callIcon } from '../../styles/call-icons.js';
import { sharedStyles } from '../../styles/shared.js';
import { controlStyles } from '../conversation/view/controls.styles.js';
import { deviceMenuStyles } from './device-menu.styles.js';
import { choiceOf, devicesOfKind, speakersChoosable } from './device-choice.js';
import type { DeviceKind } from './device-choice.js';

/**
 * The settings button of the call controls and its menu: the cameras, microphones and (where the
 * browser lets a page choose where sound plays) speakers, the one in use checked. Picking one
 * fires `device-change`; the conversation switches to it.
 *
 * A menu button (WAI-ARIA APG): the button says it opens a menu (`aria-haspopup`,
 * `aria-expanded`); the menu takes focus on its checked item; arrows, Home and End move, Enter or
 * Space picks; Escape, a pick or a press outside closes it and focus goes back to the button; Tab
 * closes it and moves on.
 *
 * Internal to `<tavus-conversation>`, which re-exports its parts.
 *
 * @internal
 * @fires device-change - A device was picked; detail `{camera?, microphone?, speaker?}`.
 * @csspart control - The settings button, like every call control.
 * @csspart settings-button - The settings button.
 * @csspart settings-menu - The menu.
 * @csspart settings-item - Every device in the menu.
 */
@customElement('tavus-device-menu')
export class TavusDeviceMenu extends LitElement {
  static override styles = [sharedStyles, controlStyles, deviceMenuStyles];

  @query('.settings') private button!: HTMLButtonElement | null;

  /** UI strings. */
  @property({ attribute: false }) strings: TavusStrings = EN_STRINGS;

  /** The devices chosen so far. */
  @property({ attribute: false }) devices: ChosenDevices = {};

  /** The camera and microphone in use, whose device the menu checks when none was chosen. */
  @property({ attribute: false }) cameraTrack: MediaStreamTrack | null = null;
  @property({ attribute: false }) microphoneTrack: MediaStreamTrack | null = null;

  @state() private open = false;
  /** The devices listed since the menu opened; null until the browser answered. */
  @state() private list: readonly MediaDeviceInfo[] | null = null;

  /** Where focus goes once the menu shows: the checked item. */
  private focusChecked = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.setOpen(false);
  }

  protected override updated(): void {
    if (this.focusChecked && this.open && this.list) {
      const items = this.items();
      const target = items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0];
      if (target) {
        this.focusChecked = false;
        this.focusItem(target);
      }
    }
  }

  /**
   * Focuses an item and marks it `current` for the styles (its whole name shows): WebKit matches
   * :focus only while its window has focus.
   */
  private focusItem(target: HTMLElement): void {
    for (const item of this.items()) item.classList.toggle('current', item === target);
    target.focus();
  }

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    const media = navigator.mediaDevices as MediaDevices | undefined;
    if (open) {
      this.focusChecked = true;
      this.list = null;
      document.addEventListener('pointerdown', this.handleOutside, true);
      media?.addEventListener?.('devicechange', this.listDevices);
      this.listDevices();
    } else {
      document.removeEventListener('pointerdown', this.handleOutside, true);
      media?.removeEventListener?.('devicechange', this.listDevices);
    }
  }

  /** Lists the devices (again, when one is plugged in or out while the menu is open). */
  private readonly listDevices = (): void => {
    const listed = navigator.mediaDevices?.enumerateDevices() ?? Promise.resolve([]);
    listed.then(
      (list) => {
        if (this.open) this.list = list;
      },
      () => {
        // No list (refused): the menu says none was found.
        if (this.open) this.list = [];
      },
    );
  };

  /** A press anywhere outside the menu and its button closes it (focus is not taken back). */
  private readonly handleOutside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.setOpen(false);
  };

  private closeToButton(): void {
    this.setOpen(false);
    this.button?.focus();
  }

  private readonly handleButtonClick = () => {
    if (this.open) this.closeToButton();
    else this.setOpen(true);
  };

  private readonly handleButtonKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.setOpen(true);
    }
  };

  private readonly handleMenuKeydown = (event: KeyboardEvent) => {
    const items = this.items().filter((item) => item.getAttribute('aria-disabled') !== 'true');
    // activeElement, not :focus, which WebKit matches only while the window has focus.
    const index = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    const moves: Record<string, number | undefined> = {
      ArrowDown: (index + 1) % items.length,
      ArrowUp: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined && items.length > 0) {
      event.preventDefault();
      const item = items[next];
      if (item) this.focusItem(item);
    } else if (event.key === 'Escape') {
      // The floating panel would close on this Escape too: the menu takes it.
      event.preventDefault();
      event.stopPropagation();
      this.closeToButton();
    } else if (event.key === 'Tab') {
      this.setOpen(false);
    }
  };

  private pick(kind: DeviceKind, deviceId: string): void {
    this.closeToButton();
    if (choiceOf(kind, this.list ?? [], this.devices, this.inUse(kind)) === deviceId) return;
    const detail: ChosenDevices = { [kind]: deviceId };
    this.dispatchEvent(new CustomEvent('device-change', { detail, bubbles: true, composed: true }));
  }

  private inUse(kind: DeviceKind): string {
    const track =
      kind === 'camera' ? this.cameraTrack : kind === 'microphone' ? this.microphoneTrack : null;
    return track?.getSettings().deviceId ?? '';
  }

  private renderGroup(kind: DeviceKind, label: string) {
    const s = this.strings;
    const list = this.list ?? [];
    const found = devicesOfKind(list, kind);
    const checked = choiceOf(kind, list, this.devices, this.inUse(kind));
    const labelId = `${kind}-heading`;
    return html`<div class="group" role="group" aria-labelledby=${labelId}>
      <p class="heading" id=${labelId} role="presentation">${label}</p>
      ${
        found.length === 0
          ? html`<div
              class="item"
              role="menuitemradio"
              aria-checked="false"
              aria-disabled="true"
              tabindex="-1"
            >
              ${s.deviceNoneFound}
            </div>`
          : found.map((device, index) => {
              const name =
                device.label || formatString(s.deviceUnnamed, { number: String(index + 1) });
              // A long name is cut with an ellipsis (two similar devices could look the same):
              // hover shows it whole (title), a keyboard focus lets it wrap (the styles), and its
              // accessible name, from the content, is whole.
              return html`<button
                class="item"
                part="settings-item"
                type="button"
                role="menuitemradio"
                aria-checked=${device.deviceId === checked ? 'true' : 'false'}
                tabindex="-1"
                title=${name}
                @click=${() => this.pick(kind, device.deviceId)}
              >
                <span class="check" aria-hidden="true"></span>
                <span class="label" dir="auto">${name}</span>
              </button>`;
            })
      }
    </div>`;
  }

  override render() {
    const s = this.strings;
    return html`<button
        class="control settings"
        part="control settings-button"
        type="button"
        aria-label=${s.settings}
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${this.handleButtonClick}
        @keydown=${this.handleButtonKeydown}
      >
        ${callIcon('settings')}
        <span class="tooltip" aria-hidden="true">${s.settings}</span>
      </button>
      <div
        id="menu"
        class="menu"
        part="settings-menu"
        role="menu"
        aria-label=${s.settings}
        ?hidden=${!this.open}
        @keydown=${this.handleMenuKeydown}
        @focusout=${this.handleFocusOut}
      >
        ${
          this.open && this.list
            ? html`${this.renderGroup('camera', s.camera)}
              ${this.renderGroup('microphone', s.microphone)}
              ${speakersChoosable() ? this.renderGroup('speaker', s.speaker) : nothing}`
            : nothing
        }
      </div>`;
  }

  /** Focus left the menu and its button (Tab, a click elsewhere): the menu closes. */
  private readonly handleFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && !this.renderRoot.contains(next) && next !== this) this.setOpen(false);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-device-menu': TavusDeviceMenu;
  }
}
