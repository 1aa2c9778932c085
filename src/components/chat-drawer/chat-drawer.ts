import { LitElement, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import { EN_STRINGS } from '../../translations/en.js';
import type { TavusStrings } from '../../translations/en.js';
import { named } from '../../translations/lookup.js';
import { callIcon } from '../../styles/call-icons.js';
import { sharedStyles } from '../../styles/shared.js';
import { chatDrawerStyles } from './chat-drawer.styles.js';
import { Composer } from './composer.js';
import { composerStyles } from './composer.styles.js';
import { COMPOSER_MAX_LENGTH } from './limits.js';
import { renderMessage } from './message.js';
import { messageStyles } from './message.styles.js';
import {
  MESSAGE_WINDOW,
  keepReaderInPlace,
  latestWindow,
  readOn,
  showEarlier,
  windowBounds,
} from './message-window.js';
import type { MessageWindow } from './message-window.js';
import { ScrollPin } from './scroll-pin.js';
import { transcriptStyles } from './transcript.styles.js';

/** Detail of the internal `chat-send` event. */
export interface ChatSendDetail {
  text: string;
}

/**
 * The transcript and the composer: a `role="log"` of user and replica messages that follows the
 * conversation without yanking a reader who scrolled up, and a textarea that sends on Enter.
 *
 * Rendering cost does not grow with the conversation: only the last `MESSAGE_WINDOW` messages
 * are in the DOM (keyed by id); "Show earlier messages" extends the window.
 *
 * Internal to `<tavus-conversation>`: its events do not leave the conversation's shadow root.
 *
 * @internal
 * @summary Transcript and composer of a Tavus conversation.
 *
 * @fires chat-send - The user submitted the composer; detail `{text}`. Does not bubble.
 * @fires chat-close - The user asked to close the drawer (Escape or the close button). Does not bubble.
 *
 * @slot empty - Shown while the transcript is empty.
 *
 * @csspart header - The drawer's title bar.
 * @csspart close-button - Closes the drawer.
 * @csspart transcript - The scrolling `role="log"` region.
 * @csspart message - Every message (`message-user` or `message-replica` as well).
 * @csspart message-user - A message from the user.
 * @csspart message-replica - A message from the replica.
 * @csspart interrupted - The "Interrupted" mark under a reply that was cut short.
 * @csspart earlier-button - "Show earlier messages".
 * @csspart jump-button - "Jump to latest", shown while the reader is scrolled up.
 * @csspart empty - The empty-transcript placeholder.
 * @csspart composer - The message form.
 * @csspart composer-input - The `<textarea>`.
 * @csspart composer-reason - Why the composer is disabled.
 * @csspart counter - The character counter.
 * @csspart send-button - The send button.
 */
@customElement('tavus-chat-drawer')
export class TavusChatDrawer extends LitElement {
  static override styles = [
    sharedStyles,
    chatDrawerStyles,
    transcriptStyles,
    messageStyles,
    composerStyles,
  ];

  @query('.log') private log!: HTMLElement | null;
  @query('textarea') private input!: HTMLTextAreaElement | null;

  /** The transcript, oldest first. */
  @property({ attribute: false }) messages: readonly TranscriptMessage[] = [];

  /** UI strings. */
  @property({ attribute: false }) strings: TavusStrings = EN_STRINGS;

  /** The replica's display name, '' when unknown. */
  @property({ attribute: false }) replicaName = '';

  /** The drawer is shown; becoming true moves focus to the composer. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The composer cannot send (not connected); its reason is shown. */
  @property({ type: Boolean, attribute: 'composer-disabled' }) composerDisabled = false;

  /** Why the composer cannot send, fitting the conversation's state; '' for the general reason. */
  @property({ attribute: false }) composerReason = '';

  /** Longest message, in UTF-16 code units (the unit of `maxlength`). */
  @property({ type: Number, attribute: 'max-length' }) maxLength = COMPOSER_MAX_LENGTH;

  /** How many messages are rendered at first and added by "Show earlier messages". */
  @property({ type: Number, attribute: 'window-size' }) windowSize = MESSAGE_WINDOW;

  /** The slice of `messages` in the DOM. */
  @state() private window: MessageWindow = latestWindow(MESSAGE_WINDOW);

  /** Whether the last render showed "Show earlier messages" above the list. */
  private showedEarlier = false;

  private readonly pin = new ScrollPin(this, {
    log: () => this.log,
    list: () => this.log?.querySelector<HTMLElement>('.messages') ?? null,
    onReachEnd: () => {
      // A window that stops short of the latest message slides on (the pin keeps the reader's
      // place); one that ends there drops the earlier windows the reader left behind.
      const slides = this.window.end !== null;
      this.window = readOn(this.window, this.messages.length, this.windowSize);
      return slides;
    },
  });

  private readonly composer = new Composer(this, (text) => {
    this.dispatchEvent(
      new CustomEvent<ChatSendDetail>('chat-send', {
        detail: { text },
        bubbles: false,
        composed: false,
      }),
    );
    // Your own message is the latest thing to read.
    this.showLatest();
  });

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('windowSize')) {
      this.showLatest();
    }
    if (changed.has('messages')) {
      const previous = (changed.get('messages') ?? []) as readonly TranscriptMessage[];
      if (this.messages.length < previous.length) {
        // A new conversation: start again at the latest message.
        this.showLatest();
      } else if (!this.pin.pinned) {
        this.window = keepReaderInPlace(
          this.window,
          previous.length,
          this.messages.length,
          this.windowSize,
        );
      }
    }
    if (changed.has('messages') || changed.has('window')) {
      this.pin.keepPlace();
    }
    // "Show earlier messages" appearing or going changes the log's content above the list, which
    // the scroll pin's ResizeObserver does not see; nor does it see the drawer opening.
    const showsEarlier = windowBounds(this.window, this.messages.length)[0] > 0;
    const windowEndChanged =
      changed.has('window') &&
      (changed.get('window') as MessageWindow | undefined)?.end !== this.window.end;
    if (showsEarlier !== this.showedEarlier || windowEndChanged || changed.has('open')) {
      this.pin.scrollAfterUpdate();
    }
    this.showedEarlier = showsEarlier;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open') && this.open && changed.get('open') === false) {
      this.focusComposer();
    }
  }

  /** Moves focus to the composer, or to the transcript while the composer is disabled. */
  focusComposer(): void {
    const target = this.composerDisabled ? this.log : this.input;
    target?.focus();
  }

  /** Back to following the conversation: the latest window, scrolled to the end. */
  private showLatest(): void {
    this.window = latestWindow(this.windowSize);
    this.pin.pin();
  }

  private handleShowEarlier(): void {
    this.window = showEarlier(this.window, this.messages.length, this.windowSize);
    this.pin.unpin();
  }

  private handleJumpToLatest(): void {
    this.showLatest();
    this.focusComposer();
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) {
      // preventDefault tells the floating panel around us that this Escape is taken.
      event.preventDefault();
      this.requestClose();
    }
  }

  private requestClose(): void {
    this.dispatchEvent(new CustomEvent('chat-close', { bubbles: false, composed: false }));
  }

  override render() {
    const messages = this.messages;
    const [start, end] = windowBounds(this.window, messages.length);
    const shown = messages.slice(start, end);
    // A region per conversation: named after the replica, so several on a page stay distinct.
    return html`<section
      class="drawer"
      aria-label=${named(this.strings, 'chatTitle', this.replicaName)}
      @keydown=${this.handleKeydown}
    >
      <header class="header" part="header">
        <span class="title" id="title">${this.strings.chatTitle}</span>
        <button
          class="close"
          part="close-button"
          type="button"
          aria-label=${this.strings.closeChat}
          @click=${this.requestClose}
        >
          ${callIcon('close')}
        </button>
      </header>
      <div class="body">
        <div
          class="log"
          part="transcript"
          role="log"
          aria-label=${this.strings.transcriptLabel}
          tabindex="0"
        >
          ${
            start > 0
              ? html`<button
                  class="earlier"
                  part="earlier-button"
                  type="button"
                  @click=${this.handleShowEarlier}
                >
                  ${this.strings.showEarlier}
                </button>`
              : nothing
          }
          ${
            messages.length === 0
              ? html`<div class="empty" part="empty">
                  <slot name="empty">${this.strings.transcriptEmpty}</slot>
                </div>`
              : nothing
          }
          <ol class="messages" role="list">
            ${repeat(
              shown,
              (message) => message.id,
              (message, index) =>
                renderMessage(message, shown[index - 1], this.strings, this.replicaName),
            )}
          </ol>
        </div>
        ${
          this.pin.pinned
            ? nothing
            : html`<button
                class="jump"
                part="jump-button"
                type="button"
                @click=${this.handleJumpToLatest}
              >
                ${callIcon('arrowDown')}<span>${this.strings.jumpToLatest}</span>
              </button>`
        }
      </div>
      ${this.composer.render()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-chat-drawer': TavusChatDrawer;
  }
}
