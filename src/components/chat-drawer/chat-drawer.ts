import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import { EN_STRINGS } from '../../translations/en.js';
import type { TavusStrings } from '../../translations/en.js';
import { formatString } from '../../translations/format.js';
import { formatNumber, languageOf } from '../../translations/language.js';
import { named } from '../../translations/lookup.js';
import { icon } from '../../styles/icons.js';
import { sharedStyles } from '../../styles/shared.js';
import { chatDrawerStyles } from './chat-drawer.styles.js';

/**
 * Messages rendered at once; "Show earlier messages" adds this many more.
 * @internal
 */
export const MESSAGE_WINDOW = 60;

/** However long a reader stays scrolled up, the DOM holds at most this many windows. */
const MAX_WINDOWS = 5;

/** Within this many pixels of the bottom counts as "at the latest message". */
const PIN_THRESHOLD = 24;

/** From this share of the limit on, the character counter is shown. */
const COUNTER_FROM = 0.8;

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
  static override styles = [sharedStyles, chatDrawerStyles];

  private resizeObserver: ResizeObserver | null = null;

  /** First message in view before an update, to keep it in place while the reader is scrolled up. */
  private scrollAnchor: { id: string; offset: number } | null = null;

  @query('.log') private accessor log!: HTMLElement | null;
  @query('textarea') private accessor input!: HTMLTextAreaElement | null;

  /** The transcript, oldest first. */
  @property({ attribute: false }) accessor messages: readonly TranscriptMessage[] = [];

  /** UI strings. */
  @property({ attribute: false }) accessor strings: TavusStrings = EN_STRINGS;

  /** The replica's display name, '' when unknown. */
  @property({ attribute: false }) accessor replicaName = '';

  /** The drawer is shown; becoming true moves focus to the composer. */
  @property({ type: Boolean, reflect: true }) accessor open = false;

  /** The composer cannot send (not connected); its reason is shown. */
  @property({ type: Boolean, attribute: 'composer-disabled' }) accessor composerDisabled = false;

  /** Longest message, in UTF-16 code units (the unit of `maxlength`). */
  @property({ type: Number, attribute: 'max-length' }) accessor maxLength = 2000;

  /** How many messages are rendered at first and added by "Show earlier messages". */
  @property({ type: Number, attribute: 'window-size' }) accessor windowSize = MESSAGE_WINDOW;

  /** How many messages are rendered, ending at `windowEnd`. */
  @state() private accessor visibleCount = MESSAGE_WINDOW;

  /**
   * End (exclusive) of the rendered messages while a reader is far back in a long conversation;
   * null: the window ends at the latest message.
   */
  @state() private accessor windowEnd: number | null = null;

  /** The reader is at the latest message, so new ones scroll into view. */
  @state() private accessor pinned = true;

  /** Whether the last render showed "Show earlier messages" above the list. */
  private showedEarlier = false;

  /** The composer's text. */
  @state() private accessor draft = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      this.observeLog();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('windowSize')) {
      this.showLatest();
    }
    if (changed.has('messages')) {
      const previous = (changed.get('messages') ?? []) as readonly TranscriptMessage[];
      if (this.messages.length < previous.length) {
        // A new conversation: start again at the latest message.
        this.showLatest();
      } else if (
        !this.pinned &&
        this.windowEnd === null &&
        this.messages.length > previous.length
      ) {
        // The reader is scrolled up: what they look at stays in the DOM. The window keeps its
        // start and takes in the new messages up to its limit, then stops following them.
        const start = Math.max(0, previous.length - this.visibleCount);
        const end = Math.min(this.messages.length, start + this.maxWindow);
        this.visibleCount = end - start;
        this.windowEnd = end < this.messages.length ? end : null;
      }
    }
    if (
      !this.pinned &&
      (changed.has('messages') || changed.has('visibleCount') || changed.has('windowEnd'))
    ) {
      this.scrollAnchor = this.findScrollAnchor();
    }
  }

  protected override firstUpdated(): void {
    this.observeLog();
  }

  protected override updated(changed: PropertyValues): void {
    // "Show earlier messages" appearing or going changes the log's content above the list,
    // which the ResizeObserver on the list does not see.
    const showsEarlier = this.windowBounds()[0] > 0;
    const earlierChanged = showsEarlier !== this.showedEarlier;
    this.showedEarlier = showsEarlier;
    if (this.pinned) {
      // A reply growing at the end changes the list's size, and the ResizeObserver scrolls after
      // the frame's layout. Reading scrollHeight here would force a layout on every update.
      if (
        changed.has('pinned') ||
        changed.has('open') ||
        changed.has('windowEnd') ||
        earlierChanged
      ) {
        this.scrollToLatest();
      }
    } else if (this.scrollAnchor) {
      this.restoreScrollAnchor(this.scrollAnchor);
    }
    this.scrollAnchor = null;
    if (changed.has('open') && this.open && changed.get('open') === false) {
      this.focusComposer();
    }
  }

  /** Moves focus to the composer, or to the transcript while the composer is disabled. */
  focusComposer(): void {
    const target = this.composerDisabled ? this.log : this.input;
    target?.focus();
  }

  private get maxWindow(): number {
    return Math.max(1, this.windowSize) * MAX_WINDOWS;
  }

  /** [start, end) of the rendered messages. */
  private windowBounds(): [number, number] {
    const length = this.messages.length;
    const end = Math.min(this.windowEnd ?? length, length);
    return [Math.max(0, end - this.visibleCount), end];
  }

  /** Back to following the conversation: the latest window, scrolled to the end. */
  private showLatest(): void {
    this.windowEnd = null;
    this.visibleCount = this.windowSize;
    this.pinned = true;
  }

  private observeLog(): void {
    const log = this.log;
    if (!log || this.resizeObserver) {
      return;
    }
    // The log changes size when the sheet opens, the window resizes or the textarea grows, and
    // its list when a message arrives or a reply grows: a reader at the latest message stays
    // there. Observers run after layout and before paint, so this costs no extra layout.
    this.resizeObserver = new ResizeObserver(() => {
      if (this.pinned) {
        this.scrollToLatest();
      }
    });
    this.resizeObserver.observe(log);
    const list = log.querySelector('.messages');
    if (list) this.resizeObserver.observe(list);
  }

  private scrollToLatest(): void {
    const log = this.log;
    if (log) {
      log.scrollTop = log.scrollHeight;
    }
  }

  private findScrollAnchor(): { id: string; offset: number } | null {
    const log = this.log;
    if (!log) {
      return null;
    }
    const top = log.getBoundingClientRect().top;
    for (const item of log.querySelectorAll<HTMLElement>('li[data-id]')) {
      const box = item.getBoundingClientRect();
      if (box.bottom > top) {
        return { id: item.dataset.id ?? '', offset: box.top - top };
      }
    }
    return null;
  }

  private restoreScrollAnchor(anchor: { id: string; offset: number }): void {
    const log = this.log;
    const item = log?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(anchor.id)}"]`);
    if (!log || !item) {
      return;
    }
    const offset = item.getBoundingClientRect().top - log.getBoundingClientRect().top;
    log.scrollTop += offset - anchor.offset;
  }

  private handleScroll(): void {
    const log = this.log;
    if (!log) {
      return;
    }
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight <= PIN_THRESHOLD;
    if (atEnd && this.windowEnd !== null) {
      // The reader reached the end of a window that stopped short of the latest message: slide
      // it on (the anchor keeps their place).
      const [start, end] = this.windowBounds();
      const nextEnd = Math.min(this.messages.length, end + this.windowSize);
      const nextStart = Math.max(start, nextEnd - this.maxWindow);
      this.visibleCount = nextEnd - nextStart;
      this.windowEnd = nextEnd < this.messages.length ? nextEnd : null;
      return;
    }
    if (atEnd !== this.pinned) {
      this.pinned = atEnd;
    }
    if (atEnd && this.visibleCount > this.windowSize) {
      this.visibleCount = this.windowSize;
    }
  }

  private handleShowEarlier(): void {
    const [start, end] = this.windowBounds();
    const nextStart = Math.max(0, start - this.windowSize);
    const nextEnd = Math.min(end, nextStart + this.maxWindow);
    this.visibleCount = nextEnd - nextStart;
    this.windowEnd = nextEnd < this.messages.length ? nextEnd : null;
    this.pinned = false;
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

  private handleInput(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  private handleComposerKeydown(event: KeyboardEvent): void {
    // keyCode 229: some IMEs report the confirming Enter this way, with isComposing false.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) {
      return;
    }
    event.preventDefault();
    this.submit();
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }

  private submit(): void {
    const text = this.draft.trim();
    if (this.composerDisabled || !text) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent<ChatSendDetail>('chat-send', {
        detail: { text },
        bubbles: false,
        composed: false,
      }),
    );
    this.draft = '';
    // Your own message is the latest thing to read.
    this.showLatest();
  }

  private requestClose(): void {
    this.dispatchEvent(new CustomEvent('chat-close', { bubbles: false, composed: false }));
  }

  private renderMessage(
    message: TranscriptMessage,
    previous: TranscriptMessage | undefined,
  ): TemplateResult {
    const isUser = message.role === 'user';
    const sender = isUser ? this.strings.you : this.replicaName.trim() || this.strings.replica;
    const firstOfRun = previous?.role !== message.role;
    const streaming = !message.final;
    // While a reply streams in, its text changes many times a second; screen readers get it
    // once, complete, when the final text replaces the streaming node.
    const text = streaming
      ? html`<span class="text" dir="auto" aria-hidden="true">${message.text}</span>${
            message.text
              ? nothing
              : html`<span class="typing" aria-hidden="true"><i></i><i></i><i></i></span>`
          }`
      : html`<span class="visually-hidden">${sender}: </span
          ><span class="text" dir="auto">${message.text}</span>`;
    return html`<li
      class=${classMap({
        message: true,
        user: isUser,
        replica: !isUser,
        first: firstOfRun,
        streaming,
        interrupted: message.interrupted,
      })}
      part=${isUser ? 'message message-user' : 'message message-replica'}
      data-id=${message.id}
    >
      ${firstOfRun ? html`<div class="sender" aria-hidden="true">${sender}</div>` : nothing}
      <div class="bubble">${text}</div>
      ${
        message.interrupted
          ? html`<div class="interrupted-mark" part="interrupted">${this.strings.interrupted}</div>`
          : nothing
      }
    </li>`;
  }

  /** The counter ("1,600/2,000" in English), its numbers written for the element's language. */
  private renderCount(length: number): string {
    const lang = languageOf(this);
    return formatString(this.strings.characterCount, {
      count: formatNumber(length, lang),
      max: formatNumber(this.maxLength, lang),
    });
  }

  private renderComposer(): TemplateResult {
    const length = this.draft.length;
    const showCounter = this.maxLength > 0 && length >= this.maxLength * COUNTER_FROM;
    const describedBy = [
      this.composerDisabled ? 'composer-reason' : '',
      showCounter ? 'composer-counter' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<form
      class="composer"
      part="composer"
      ?data-disabled=${this.composerDisabled}
      @submit=${this.handleSubmit}
    >
      ${
        this.composerDisabled
          ? html`<p class="reason" id="composer-reason" part="composer-reason">
              ${this.strings.composerDisabled}
            </p>`
          : nothing
      }
      <div class="field">
        <label class="visually-hidden" for="composer-input">${this.strings.composerLabel}</label>
        <textarea
          id="composer-input"
          part="composer-input"
          rows="1"
          .enterKeyHint=${'send'}
          dir=${ifDefined(this.draft ? 'auto' : undefined)}
          maxlength=${ifDefined(this.maxLength > 0 ? this.maxLength : undefined)}
          placeholder=${this.strings.composerPlaceholder}
          aria-describedby=${ifDefined(describedBy || undefined)}
          ?disabled=${this.composerDisabled}
          .value=${live(this.draft)}
          @input=${this.handleInput}
          @keydown=${this.handleComposerKeydown}
        ></textarea>
        <button
          class="send"
          part="send-button"
          type="submit"
          aria-label=${this.strings.send}
          ?disabled=${this.composerDisabled || !this.draft.trim()}
        >
          ${icon('send')}
        </button>
      </div>
      ${
        showCounter
          ? html`<p
              class=${classMap({ counter: true, full: length >= this.maxLength })}
              id="composer-counter"
              part="counter"
            >
              ${this.renderCount(length)}
            </p>`
          : nothing
      }
    </form>`;
  }

  override render() {
    const messages = this.messages;
    const [start, end] = this.windowBounds();
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
          ${icon('close')}
        </button>
      </header>
      <div class="body">
        <div
          class="log"
          part="transcript"
          role="log"
          aria-label=${this.strings.transcriptLabel}
          tabindex="0"
          @scroll=${this.handleScroll}
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
              (message, index) => this.renderMessage(message, shown[index - 1]),
            )}
          </ol>
        </div>
        ${
          this.pinned
            ? nothing
            : html`<button
                class="jump"
                part="jump-button"
                type="button"
                @click=${this.handleJumpToLatest}
              >
                ${icon('arrowDown')}<span>${this.strings.jumpToLatest}</span>
              </button>`
        }
      </div>
      ${this.renderComposer()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tavus-chat-drawer': TavusChatDrawer;
  }
}
