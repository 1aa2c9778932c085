import { css } from 'lit';

/**
 * The host, the panel and its layout: the stage, and the chat beside it (from 760px wide) or over
 * it as a sheet. The panel is a size container (`tavus`): where the chat goes depends on the
 * element's own width, not the viewport's.
 */
export const panelStyles = css`
  :host {
    display: block;
    position: relative;
    color: var(--_tavus-text);
    font-family: var(--_tavus-font-family);
    font-size: var(--_tavus-font-size);
    line-height: 1.4;
    -webkit-font-smoothing: antialiased;
    text-size-adjust: 100%;
  }

  :host([variant='floating']) {
    /* The floating pieces are fixed to the viewport; the element takes no room in the page. */
    display: contents;
  }

  p {
    margin: 0;
  }

  .panel {
    container: tavus / inline-size;
    position: relative;
    isolation: isolate;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    overflow: hidden;
    border-radius: var(--_tavus-radius);
    background: var(--_tavus-surface);
    box-shadow:
      0 0 0 1px var(--_tavus-border),
      0 8px 28px -10px rgb(16 24 40 / 0.22);
  }

  .panel:focus {
    outline: none;
  }

  /*
   * The aspect ratio sizes the whole panel from its width, so opening the chat beside the video
   * narrows the video instead of changing the panel's height. A height set on the element wins.
   * The explicit width keeps the ratio from running the other way: with a set height, WebKit
   * sized the grid from height × ratio (924px in an 860×520 element), cutting off the chat.
   */
  .layout {
    position: relative;
    display: grid;
    flex: 1 1 auto;
    inline-size: 100%;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
    aspect-ratio: var(--_tavus-stage-aspect-ratio);
    min-block-size: 0;
  }

  /* Narrow: a portrait stage. */
  @container tavus (max-width: 479px) {
    .layout {
      aspect-ratio: var(--_tavus-stage-aspect-ratio-narrow);
    }
  }

  /* ---------- Chat drawer: beside the video when wide, a sheet when narrow ---------- */

  .chat {
    position: absolute;
    z-index: 5;
    inset-inline: 0;
    inset-block-end: 0;
    block-size: min(80%, 560px);
    border-start-start-radius: var(--_tavus-radius);
    border-start-end-radius: var(--_tavus-radius);
    box-shadow: 0 -12px 40px rgb(0 0 0 / 0.3);
    overflow: hidden;
    animation: sheet-in calc(var(--_tavus-duration) * 1.4) var(--_tavus-ease);
  }

  @keyframes sheet-in {
    from {
      transform: translateY(24px);
      opacity: 0;
    }
  }

  /*
   * Before a call and after it, the sheet takes the lower part and the screen keeps the upper one
   * (panel.has-screen), so that its action (start, join, restart, retry) stays in view and takes
   * clicks; the screen drops what it can spare when it gets short (screens.styles.ts).
   * The screen reaches under the sheet by the sheet's corner radius, so that the rounded corners
   * show the screen (the device check's light surface, the cards' dimmed stage) and not the bare
   * stage; its padding grows by as much (screens.styles.ts), so its content, and the size its
   * container queries see, stay above the sheet.
   */
  @container tavus (max-width: 759px) {
    .panel.chat-open.has-screen .chat {
      block-size: min(55%, 480px);
    }

    .panel.chat-open.has-screen .screen {
      --_tavus-under-sheet: var(--_tavus-radius);
      inset-block-end: calc(min(55%, 480px) - var(--_tavus-radius));
    }
  }

  /* The sheet covers the notice; it was announced, and the composer is right there. */
  @container tavus (max-width: 759px) {
    .panel.chat-open .notice-region {
      visibility: hidden;
    }
  }

  @container tavus (min-width: 760px) {
    .panel.chat-open .layout {
      grid-template-columns: minmax(0, 1fr) var(--_tavus-chat-width);
    }

    .chat {
      position: relative;
      grid-area: 1 / 2;
      inset: auto;
      block-size: auto;
      /* Its content must not make the row taller than the video. */
      contain: size;
      border-radius: 0;
      border-inline-start: 1px solid var(--_tavus-border);
      box-shadow: none;
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
    }
  }
`;
