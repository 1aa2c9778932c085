import { css } from 'lit';

/**
 * The scrolling transcript around the messages: the log and its list, "Show earlier messages",
 * the empty state and "Jump to latest".
 */
export const transcriptStyles = css`
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
    /* The drawer keeps the reader's place itself (see scroll-pin.ts). */
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

  /*
   * Fills the log's room (its padding already spaces it from the edges) and centres the text; it
   * adds no padding of its own along the block axis, which would make a short log scroll.
   */
  .empty {
    display: grid;
    place-items: center;
    min-block-size: 100%;
    padding-block: 0;
    padding-inline: 10px;
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

  @media (forced-colors: active) {
    .earlier,
    .jump {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
