import { css } from 'lit';

/**
 * The floating variant: a corner launcher and a fixed panel sized for phones and desktops.
 *
 * Both sit in `.viewport`, a fixed layer as large as the viewport and a size container: the
 * phone layout is a container query on it and the sizes are percentages of it, never a viewport
 * media query or unit. WebKit leaves viewport media queries stale after a resize while the page
 * has a size container and a style with viewport units (restyling those runs a layout that skips
 * them, so the panel kept its desktop size, and the page's own media queries went stale too), and
 * a new shadow root can take a resolver shared with an earlier one, evaluated for an old viewport.
 */
export const floatingStyles = css`
  .viewport {
    display: contents;
  }

  :host([variant='floating']) .viewport {
    position: fixed;
    z-index: var(--_tavus-z-index);
    inset: 0;
    display: block;
    container: viewport / inline-size;
    pointer-events: none;
  }

  .panel.floating,
  .launcher {
    pointer-events: auto;
  }

  /* Percentages are of the viewport layer, which follows the browser's toolbars as dvh does. */
  .panel.floating {
    position: fixed;
    inset-inline-end: var(--_tavus-launcher-offset);
    inset-block-end: calc(var(--_tavus-launcher-offset) + var(--_tavus-launcher-size) + 16px);
    inline-size: min(var(--_tavus-panel-width), 100% - 2 * var(--_tavus-launcher-offset));
    block-size: min(
      var(--_tavus-panel-height),
      100% - 2 * var(--_tavus-launcher-offset) - var(--_tavus-launcher-size) - 16px
    );
    box-shadow: var(--_tavus-shadow);
    transform-origin: 100% 100%;
    transition:
      opacity var(--_tavus-duration) var(--_tavus-ease),
      transform var(--_tavus-duration) var(--_tavus-ease),
      display var(--_tavus-duration) allow-discrete;
  }

  :host(:dir(rtl)) .panel.floating {
    transform-origin: 0% 100%;
  }

  @starting-style {
    .panel.floating {
      opacity: 0;
      transform: translateY(12px) scale(0.96);
    }
  }

  /*
   * The panel's rounded clip, again on what it holds: WebKit clipped the video and the chat sheet
   * a pixel short of the corner panel's inline-end edge, and the stage showed in a sliver beside
   * the sheet; clipped here, they end where the stage does.
   */
  .panel.floating .layout {
    aspect-ratio: auto;
    clip-path: inset(0 round var(--_tavus-radius));
  }

  .launcher {
    position: fixed;
    inset-inline-end: var(--_tavus-launcher-offset);
    inset-block-end: var(--_tavus-launcher-offset);
    display: grid;
    place-items: center;
    inline-size: var(--_tavus-launcher-size);
    block-size: var(--_tavus-launcher-size);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    box-shadow:
      0 12px 28px -6px color-mix(in srgb, var(--_tavus-accent) 55%, rgb(0 0 0 / 0.4)),
      0 2px 6px rgb(0 0 0 / 0.18);
    transition:
      transform var(--_tavus-duration) var(--_tavus-ease),
      background-color var(--_tavus-duration) var(--_tavus-ease);
  }

  .launcher:hover {
    transform: scale(1.06);
  }

  .launcher:active {
    transform: scale(0.97);
  }

  .launcher:focus-visible {
    outline-offset: 3px;
  }

  .launcher-face,
  .launcher-close {
    grid-area: 1 / 1;
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    border-radius: 50%;
    overflow: hidden;
    transition:
      opacity var(--_tavus-duration) var(--_tavus-ease),
      rotate var(--_tavus-duration) var(--_tavus-ease);
  }

  .launcher-face svg,
  .launcher-close svg {
    inline-size: 26px;
    block-size: 26px;
  }

  .launcher-face img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .launcher.with-poster {
    box-shadow:
      0 0 0 3px var(--_tavus-surface),
      0 0 0 5px var(--_tavus-accent),
      0 12px 28px -6px rgb(0 0 0 / 0.35);
  }

  .launcher-close {
    opacity: 0;
    rotate: -90deg;
    background: var(--_tavus-accent);
  }

  .launcher.open .launcher-face {
    opacity: 0;
  }

  .launcher.open .launcher-close {
    opacity: 1;
    rotate: 0deg;
  }

  .launcher-tip {
    position: absolute;
    inset-inline-end: calc(100% + 12px);
    inset-block-start: 50%;
    translate: 4px -50%;
    padding-block: 6px;
    padding-inline: 10px;
    border-radius: 8px;
    background: rgb(12 14 18 / 0.92);
    color: #ffffff;
    font-size: 0.85em;
    font-weight: 550;
    white-space: nowrap;
    opacity: 0;
    pointer-events: none;
    transition:
      opacity 120ms ease,
      translate 120ms ease;
  }

  :host(:dir(rtl)) .launcher-tip {
    translate: -4px -50%;
  }

  .launcher:hover .launcher-tip,
  .launcher:focus-visible .launcher-tip {
    opacity: 1;
    translate: 0 -50%;
  }

  @media (hover: none) and (pointer: coarse) {
    .launcher-tip {
      display: none;
    }
  }

  /* The visible label: a pill beside the launcher, part of the button (a click on it opens). */
  .launcher-label {
    position: absolute;
    inset-inline-end: calc(100% + 10px);
    inset-block-start: 50%;
    max-inline-size: calc(
      100cqi - var(--_tavus-launcher-size) - 2 * var(--_tavus-launcher-offset) - 10px
    );
    overflow: hidden;
    translate: 0 -50%;
    padding-block: 9px;
    padding-inline: 16px;
    border-radius: 999px;
    background: var(--_tavus-surface);
    color: var(--_tavus-text);
    box-shadow: var(--_tavus-shadow);
    font-size: 0.95em;
    font-weight: 650;
    line-height: 1.3;
    text-overflow: ellipsis;
    white-space: nowrap;
    transition: opacity var(--_tavus-duration) var(--_tavus-ease);
  }

  /* The label says what the tip would; with the panel open, the panel does. */
  .launcher.labelled .launcher-tip,
  .launcher.open .launcher-label {
    display: none;
  }

  .live-dot {
    position: absolute;
    inset-block-start: 1px;
    inset-inline-end: 1px;
    inline-size: 14px;
    block-size: 14px;
    border: 2px solid var(--_tavus-surface);
    border-radius: 50%;
    background: #22c55e;
  }

  /*
   * Phones (a viewport up to 520px wide): the panel is a full-screen sheet over the page and has
   * its own close button. The safe-area insets keep the close button and the composer clear of a
   * notch or home indicator (with viewport-fit=cover), over the stage's colour at the top and the
   * chat's at the bottom when it is open.
   */
  @container viewport (max-width: 520px) {
    .panel.floating {
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      /* The insets are physical: left and right, whatever the direction. */
      padding-block: env(safe-area-inset-top, 0px) env(safe-area-inset-bottom, 0px);
      padding-left: env(safe-area-inset-left, 0px);
      padding-right: env(safe-area-inset-right, 0px);
      border-radius: 0;
      background: var(--_tavus-stage-background);
      transform-origin: 50% 100%;
    }

    .panel.floating .layout {
      clip-path: none;
    }

    .panel.floating.chat-open {
      background: linear-gradient(var(--_tavus-stage-background) 50%, var(--_tavus-surface) 50%);
    }

    .launcher.open {
      display: none;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .launcher:hover,
    .launcher:active {
      transform: none;
    }
  }

  @media (forced-colors: active) {
    .launcher {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .live-dot {
      forced-color-adjust: none;
      background: CanvasText;
    }

    .launcher-label,
    .launcher-tip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
