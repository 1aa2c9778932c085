import { css } from 'lit';

export const chatDrawerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    background: var(--_tavus-surface);
    color: var(--_tavus-text);
  }

  .drawer {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-block-size: 0;
  }

  /* Title bar */

  .header {
    display: flex;
    flex: none;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-block-size: 52px;
    padding-block: 6px;
    padding-inline: 18px 8px;
    border-block-end: 1px solid var(--_tavus-border);
  }

  .title {
    font-weight: 650;
    font-size: 1em;
    letter-spacing: -0.005em;
  }

  .close {
    display: grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_tavus-text-muted);
    transition: background-color var(--_tavus-duration) var(--_tavus-ease);
  }

  .close:hover {
    background: var(--_tavus-surface-raised);
    color: var(--_tavus-text);
  }

  /* Transcript */

  .body {
    position: relative;
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-block-size: 0;
  }

  .log {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* The drawer keeps the reader's place itself (see restoreScrollAnchor). */
    overflow-anchor: none;
    padding-block: 12px 16px;
    padding-inline: 14px;
    scrollbar-width: thin;
    scrollbar-color: color-mix(in srgb, var(--_tavus-text) 22%, transparent) transparent;
  }

  .log:focus-visible {
    outline-offset: -2px;
  }

  .messages {
    display: flex;
    flex-direction: column;
    gap: 3px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-inline-size: 100%;
    /* A growing reply lays out and paints itself, not the whole log. */
    contain: content;
  }

  .message.user {
    align-items: flex-end;
  }

  .message.first:not(:first-child) {
    margin-block-start: 12px;
  }

  .sender {
    margin-block-end: 4px;
    padding-inline: 6px;
    color: var(--_tavus-text-muted);
    font-size: 0.8em;
    font-weight: 600;
  }

  .bubble {
    max-inline-size: min(85%, 34em);
    padding-block: 8px;
    padding-inline: 13px;
    border-radius: 18px;
    background: var(--_tavus-surface-raised);
    color: var(--_tavus-text);
    line-height: 1.45;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .replica .bubble {
    border-start-start-radius: 6px;
    border-end-start-radius: 6px;
  }

  .replica.first .bubble {
    border-start-start-radius: 18px;
  }

  .user .bubble {
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    border-start-end-radius: 6px;
    border-end-end-radius: 6px;
  }

  .user.first .bubble {
    border-start-end-radius: 18px;
  }

  .text {
    display: block;
  }

  /* A reply still being spoken: a soft caret after the text. */
  .streaming .text:not(:empty)::after {
    content: '';
    display: inline-block;
    inline-size: 0.5em;
    block-size: 0.5em;
    margin-inline-start: 0.3em;
    border-radius: 50%;
    background: currentColor;
    opacity: 0.45;
    vertical-align: 0.1em;
    animation: pulse 1s ease-in-out infinite;
  }

  .typing {
    display: inline-flex;
    gap: 4px;
    padding-block: 6px;
  }

  .typing i {
    inline-size: 7px;
    block-size: 7px;
    border-radius: 50%;
    background: currentColor;
    opacity: 0.4;
    animation: pulse 1.2s ease-in-out infinite;
  }

  .typing i:nth-child(2) {
    animation-delay: 0.15s;
  }

  .typing i:nth-child(3) {
    animation-delay: 0.3s;
  }

  @keyframes pulse {
    50% {
      opacity: 0.9;
    }
  }

  .interrupted .bubble {
    opacity: 0.86;
  }

  .interrupted-mark {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    margin-block-start: 3px;
    padding-inline: 6px;
    color: var(--_tavus-text-muted);
    font-size: 0.78em;
    font-style: italic;
  }

  .interrupted-mark::before {
    content: '';
    inline-size: 10px;
    block-size: 2px;
    border-radius: 2px;
    background: currentColor;
  }

  .earlier {
    display: block;
    margin-block: 0 14px;
    margin-inline: auto;
    padding-block: 6px;
    padding-inline: 14px;
    border: 1px solid var(--_tavus-border);
    border-radius: 999px;
    background: var(--_tavus-surface);
    color: var(--_tavus-text-muted);
    font-size: 0.85em;
    font-weight: 550;
  }

  .earlier:hover {
    background: var(--_tavus-surface-raised);
    color: var(--_tavus-text);
  }

  .empty {
    display: grid;
    place-items: center;
    min-block-size: 100%;
    padding: 24px;
    color: var(--_tavus-text-muted);
    text-align: center;
    font-size: 0.92em;
    line-height: 1.5;
    text-wrap: balance;
  }

  .jump {
    position: absolute;
    inset-block-end: 12px;
    inset-inline-start: 50%;
    translate: -50% 0;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding-block: 7px;
    padding-inline: 12px 14px;
    border: 1px solid var(--_tavus-border);
    border-radius: 999px;
    background: var(--_tavus-surface);
    color: var(--_tavus-text);
    font-size: 0.85em;
    font-weight: 600;
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.14);
    animation: rise var(--_tavus-duration) var(--_tavus-ease);
  }

  :host(:dir(rtl)) .jump {
    translate: 50% 0;
  }

  .jump svg {
    inline-size: 16px;
    block-size: 16px;
  }

  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }

  /* Composer */

  .composer {
    flex: none;
    padding-block: 10px 12px;
    padding-inline: 12px;
    border-block-start: 1px solid var(--_tavus-border);
    background: var(--_tavus-surface);
  }

  .reason {
    margin-block: 0 8px;
    margin-inline: 4px;
    color: var(--_tavus-text-muted);
    font-size: 0.85em;
    line-height: 1.4;
  }

  .field {
    display: flex;
    align-items: flex-end;
    gap: 6px;
    padding: 5px;
    padding-inline-start: 14px;
    border: 1px solid var(--_tavus-field-border);
    border-radius: 22px;
    background: var(--_tavus-surface);
    transition:
      border-color var(--_tavus-duration) var(--_tavus-ease),
      box-shadow var(--_tavus-duration) var(--_tavus-ease);
  }

  .field:has(textarea:focus-visible) {
    border-color: var(--_tavus-focus-ring-color);
    box-shadow: 0 0 0 1px var(--_tavus-focus-ring-color);
  }

  [data-disabled] .field {
    border-style: dashed;
    background: var(--_tavus-surface-raised);
  }

  textarea {
    flex: 1 1 auto;
    min-inline-size: 0;
    min-block-size: 34px;
    max-block-size: 8.5em;
    field-sizing: content;
    resize: none;
    margin: 0;
    padding-block: 7px;
    padding-inline: 0;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  textarea:focus-visible {
    outline: none;
  }

  textarea::placeholder {
    color: var(--_tavus-text-muted);
    opacity: 1;
  }

  textarea:disabled {
    cursor: not-allowed;
  }

  .send {
    display: grid;
    flex: none;
    place-items: center;
    inline-size: 34px;
    block-size: 34px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    transition:
      background-color var(--_tavus-duration) var(--_tavus-ease),
      opacity var(--_tavus-duration) var(--_tavus-ease);
  }

  .send svg {
    inline-size: 18px;
    block-size: 18px;
    stroke-width: 2.4;
  }

  .send:hover:not(:disabled) {
    background: var(--_tavus-accent-hover);
  }

  .send:disabled {
    background: color-mix(in srgb, var(--_tavus-text) 16%, var(--_tavus-surface));
    color: var(--_tavus-text-muted);
  }

  .counter {
    margin-block: 6px 0;
    margin-inline: 0 6px;
    color: var(--_tavus-text-muted);
    font-size: 0.78em;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .counter.full {
    color: var(--_tavus-danger);
    font-weight: 600;
  }

  @media (prefers-reduced-motion: reduce) {
    .streaming .text::after,
    .typing i {
      animation: none;
      opacity: 0.6;
    }
  }

  @media (forced-colors: active) {
    .bubble {
      border: 1px solid CanvasText;
    }

    .user .bubble {
      border-color: Highlight;
    }

    .field {
      border-color: CanvasText;
    }

    .send,
    .close,
    .earlier,
    .jump {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .send:disabled {
      border-color: GrayText;
      color: GrayText;
    }

    .typing i,
    .streaming .text::after {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
