import { css } from 'lit';

/** The call controls bar: round toggles with tooltips, smaller in a narrow element. */
export const controlStyles = css`
  /* ---------- Controls ---------- */

  .controls {
    position: absolute;
    z-index: 3;
    inset-block-end: 16px;
    inset-inline-start: 50%;
    translate: -50% 0;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 8px;
    border-radius: 999px;
    background: rgb(12 14 18 / 0.55);
    backdrop-filter: blur(16px) saturate(1.4);
    box-shadow:
      0 10px 30px rgb(0 0 0 / 0.25),
      inset 0 0 0 1px rgb(255 255 255 / 0.08);
  }

  :host(:dir(rtl)) .controls {
    translate: 50% 0;
  }

  .panel.has-controls {
    --_tavus-self-view-inset-block-end: 88px;
  }

  .control {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 46px;
    block-size: 46px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: rgb(255 255 255 / 0.14);
    color: #ffffff;
    transition:
      background-color var(--_tavus-duration) var(--_tavus-ease),
      color var(--_tavus-duration) var(--_tavus-ease);
  }

  .control.on {
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
  }

  /* A device toggle that is off: the state to notice. */
  .control.off {
    background: #ffffff;
    color: #16171c;
  }

  .control[aria-disabled='true'] {
    background: rgb(255 255 255 / 0.08);
    color: rgb(255 255 255 / 0.45);
    cursor: not-allowed;
  }

  .control.end {
    inline-size: 60px;
    background: var(--_tavus-danger);
    color: var(--_tavus-danger-text);
  }

  .control.end svg {
    inline-size: 24px;
    block-size: 24px;
    stroke-width: 1.8;
  }

  .tooltip {
    position: absolute;
    inset-block-end: calc(100% + 14px);
    inset-inline-start: 50%;
    translate: -50% 4px;
    padding-block: 5px;
    padding-inline: 9px;
    border-radius: 8px;
    background: rgb(12 14 18 / 0.92);
    color: #ffffff;
    font-size: 0.8em;
    font-weight: 550;
    white-space: nowrap;
    opacity: 0;
    pointer-events: none;
    transition:
      opacity 120ms ease,
      translate 120ms ease;
  }

  :host(:dir(rtl)) .tooltip {
    translate: 50% 4px;
  }

  .control:focus-visible .tooltip {
    opacity: 1;
    translate: -50% 0;
  }

  :host(:dir(rtl)) .control:focus-visible .tooltip {
    translate: 50% 0;
  }

  /*
   * Hover looks only where a pointer hovers: a touch screen keeps :hover on the last button
   * tapped, which would leave its tooltip standing over the video.
   */
  @media (hover: hover) {
    .control:hover:not([aria-disabled='true']) {
      background: rgb(255 255 255 / 0.26);
    }

    .control.on:hover {
      background: var(--_tavus-accent-hover);
    }

    .control.off:hover:not([aria-disabled='true']) {
      background: #e9eaee;
    }

    .control.end:hover {
      background: var(--_tavus-danger-hover);
    }

    .control:hover .tooltip {
      opacity: 1;
      translate: -50% 0;
    }

    :host(:dir(rtl)) .control:hover .tooltip {
      translate: 50% 0;
    }
  }

  /* ---------- The visitor's microphone level: a ring that grows with the voice ---------- */

  .control.level::before {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
    box-shadow: 0 0 0 calc(var(--_tavus-level, 0) * 7px) rgb(74 222 128 / 0.6);
    pointer-events: none;
  }

  /* ---------- Chat open in a narrow element: the sheet leaves the bar in view ---------- */

  /*
   * In a call the chat sheet stops short of the top, and the bar sits between the top bar and the
   * sheet: mute and End stay one tap away. The tile of the self-view, which would sit behind the
   * bar there, waits for the chat to close.
   */
  @container tavus (max-width: 759px) {
    .panel.has-controls.chat-open .chat {
      block-size: min(80%, 560px, 100% - 136px);
    }

    .panel.chat-open .controls {
      inset-block-end: calc(min(80%, 560px, 100% - 136px) + 8px);
    }

    .panel.chat-open .media {
      --_tavus-self-view-display: none;
    }
  }

  @container tavus (max-width: 359px) {
    .controls {
      gap: 4px;
      padding: 6px;
    }

    .control {
      inline-size: 42px;
      block-size: 42px;
    }

    .control.end {
      inline-size: 50px;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    /* A level that follows the voice moves all the time: on or off instead. */
    .control.level::before {
      box-shadow: none;
    }

    .control.level[data-speaking]::before {
      box-shadow: 0 0 0 4px rgb(74 222 128 / 0.6);
    }
  }

  @media (forced-colors: active) {
    .control.level::before {
      box-shadow: none;
    }

    .control.level[data-speaking]::before {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }

    .controls {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .control,
    .control.on,
    .control.off,
    .control.end {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .control[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }

    /* Chromium forces backgrounds to Canvas in this mode: opt out, or "on" looks like "off". */
    .control[aria-pressed='true'],
    .control[aria-expanded='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }

    .tooltip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
