import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { TavusStrings } from '../../translations/en.js';
import { formatString } from '../../translations/format.js';
import { formatNumber, languageOf } from '../../translations/language.js';
import { callIcon } from '../../styles/call-icons.js';
import { messageLength } from './limits.js';

/**
 * From this share of the limit on, the character counter is shown.
 * @internal
 */
export const COUNTER_FROM = 0.8;

/** What the composer shows, read from its host at each render and send. */
export interface ComposerSettings {
  readonly strings: TavusStrings;
  /** Longest message, counted by `messageLength`; 0 or less: no limit. */
  readonly maxLength: number;
  /** The composer cannot send; its reason is shown. */
  readonly composerDisabled: boolean;
  /** Why it cannot send, for the state the conversation is in; '' for the general reason. */
  readonly composerReason?: string;
}

export type ComposerHost = ReactiveControllerHost & HTMLElement & ComposerSettings;

/**
 * The message form under the transcript: a textarea that sends on Enter (Shift+Enter for a new
 * line, never while an IME composes), a send button, a character counter near the limit, and the
 * reason it is disabled. It keeps the draft; the host renders `render()` in its shadow root and
 * hears about each message through `onSend`, with the text trimmed and never empty. A change to
 * the draft asks the host to render again.
 * @internal
 */
export class Composer {
  private readonly host: ComposerHost;
  private readonly onSend: (text: string) => void;
  private text = '';

  constructor(host: ComposerHost, onSend: (text: string) => void) {
    this.host = host;
    this.onSend = onSend;
  }

  /** The text being written. */
  get draft(): string {
    return this.text;
  }

  set draft(text: string) {
    if (text !== this.text) {
      this.text = text;
      this.host.requestUpdate();
    }
  }

  /** Sends the draft, unless it is blank or the composer is disabled. */
  submit(): void {
    const text = this.text.trim();
    if (this.host.composerDisabled || !text || this.tooLong(text)) {
      return;
    }
    this.onSend(text);
    this.draft = '';
  }

  render(): TemplateResult {
    const { strings, maxLength, composerDisabled: disabled } = this.host;
    const draft = this.text;
    // Escapes count: a text of quotes reaches Daily's limit long before its length says so.
    const length = messageLength(draft);
    const tooLong = this.tooLong(draft);
    const showCounter = maxLength > 0 && length >= maxLength * COUNTER_FROM;
    const describedBy = [disabled ? 'composer-reason' : '', showCounter ? 'composer-counter' : '']
      .filter(Boolean)
      .join(' ');
    return html`<form
      class="composer"
      part="composer"
      ?data-disabled=${disabled}
      @submit=${this.handleSubmit}
    >
      ${
        disabled
          ? html`<p class="reason" id="composer-reason" part="composer-reason">
              ${this.host.composerReason || strings.composerDisabled}
            </p>`
          : nothing
      }
      <div class="field">
        <label class="visually-hidden" for="composer-input">${strings.composerLabel}</label>
        <textarea
          id="composer-input"
          part="composer-input"
          rows="1"
          .enterKeyHint=${'send'}
          dir=${ifDefined(draft ? 'auto' : undefined)}
          maxlength=${ifDefined(maxLength > 0 ? maxLength : undefined)}
          placeholder=${strings.composerPlaceholder}
          aria-describedby=${ifDefined(describedBy || undefined)}
          ?disabled=${disabled}
          .value=${live(draft)}
          @input=${this.handleInput}
          @keydown=${this.handleKeydown}
        ></textarea>
        <button
          class="send"
          part="send-button"
          type="submit"
          aria-label=${strings.send}
          ?disabled=${disabled || !draft.trim() || tooLong}
        >
          ${callIcon('send')}
        </button>
      </div>
      ${
        showCounter
          ? html`<p
              class=${classMap({ counter: true, full: length >= maxLength })}
              role=${ifDefined(tooLong ? 'alert' : undefined)}
              id="composer-counter"
              part="counter"
            >
              ${this.renderCount(length)}
            </p>`
          : nothing
      }
    </form>`;
  }

  private tooLong(text: string): boolean {
    return this.host.maxLength > 0 && messageLength(text) > this.host.maxLength;
  }

  /** The counter ("1,600/2,000" in English), its numbers written for the host's language. */
  private renderCount(length: number): string {
    const lang = languageOf(this.host);
    return formatString(this.host.strings.characterCount, {
      count: formatNumber(length, lang),
      max: formatNumber(this.host.maxLength, lang),
    });
  }

  // Arrow functions: lit binds listeners to the host, and these need the composer.
  private readonly handleInput = (event: Event): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    // keyCode 229: some IMEs report the confirming Enter this way, with isComposing false.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) {
      return;
    }
    event.preventDefault();
    this.submit();
  };

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.submit();
  };
}
