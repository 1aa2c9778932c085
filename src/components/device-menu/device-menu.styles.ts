import { css } from 'lit';

/**
 * The settings menu: a dark panel over the video, above the controls bar and aligned with its
 * end, like the bar's tooltips; its own height scrolls when the stage is short.
 */
export const deviceMenuStyles = css`
  /* The button is one of the controls bar's items; the menu sits over the bar. */
  :host {
    display: contents;
  }

  /* Open: the button shows it, like the chat toggle. */
  .settings[aria-expanded='true'] {
    background: rgb(255 255 255 / 0.3);
  }

  .menu {
    position: absolute;
    z-index: 1;
    inset-block-end: calc(100% + 12px);
    inset-inline-end: 0;
    inline-size: max-content;
    min-inline-size: 220px;
    max-inline-size: min(320px, 100cqi - 24px);
    max-block-size: max(120px, 100cqb - 120px);
    overflow: auto;
    padding: 6px;
    border-radius: 14px;
    background: rgb(18 20 25 / 0.96);
    backdrop-filter: blur(16px);
    box-shadow:
      0 16px 40px rgb(0 0 0 / 0.4),
      inset 0 0 0 1px rgb(255 255 255 / 0.1);
    color: #ffffff;
    font-size: 0.9em;
    text-align: start;
    animation: menu-in var(--_tavus-duration) var(--_tavus-ease);
  }

  @keyframes menu-in {
    from {
      opacity: 0;
      translate: 0 6px;
    }
  }

  .group + .group {
    margin-block-start: 4px;
    padding-block-start: 4px;
    border-block-start: 1px solid rgb(255 255 255 / 0.12);
  }

  .heading {
    margin: 0;
    padding-block: 6px 4px;
    padding-inline: 10px;
    color: rgb(255 255 255 / 0.66);
    font-size: 0.8em;
    font-weight: 650;
    letter-spacing: 0.03em;
  }

  .item {
    display: flex;
    align-items: center;
    gap: 10px;
    inline-size: 100%;
    min-block-size: 40px;
    padding-block: 8px;
    padding-inline: 10px 14px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    text-align: start;
  }

  .item:focus {
    background: rgb(255 255 255 / 0.12);
  }

  .item:focus-visible {
    outline-offset: -2px;
  }

  .item[aria-disabled='true'] {
    color: rgb(255 255 255 / 0.5);
  }

  .item[aria-checked='true'] {
    font-weight: 600;
  }

  .check {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
  }

  /* A tick drawn with two borders. */
  [aria-checked='true'] .check::after {
    content: '';
    display: block;
    inline-size: 6px;
    block-size: 11px;
    margin-block-start: 1px;
    margin-inline: auto;
    border: solid color-mix(in srgb, var(--_tavus-accent) 45%, white);
    border-width: 0 2px 2px 0;
    rotate: 45deg;
  }

  .label {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* The item the keyboard is on shows its whole name (a hovered one has it as a tooltip). */
  .item.current .label {
    overflow-wrap: anywhere;
    white-space: normal;
  }

  @media (hover: hover) {
    .item:hover:not([aria-disabled='true']) {
      background: rgb(255 255 255 / 0.12);
    }
  }

  @media (forced-colors: active) {
    .menu {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .item {
      border: 0;
    }

    .item:focus {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    [aria-checked='true'] .check::after {
      border-color: currentColor;
    }
  }
`;
