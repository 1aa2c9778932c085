import { css } from 'lit';
import { sharedStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

/**
 * Layout of `<tavus-conversation>`. The panel is a size container (`tavus`): whether the chat sits
 * beside the video or slides up as a sheet depends on the element's own width, not the viewport.
 */
const panelStyles = css`
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
   */
  .layout {
    position: relative;
    display: grid;
    flex: 1 1 auto;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr);
    aspect-ratio: var(--_tavus-stage-aspect-ratio);
    min-block-size: 0;
  }

  /* ---------- Video stage ---------- */

  /* A size container too: the self-view follows the stage's width, which the chat can narrow. */
  .stage {
    container: stage / inline-size;
    position: relative;
    grid-area: 1 / 1;
    min-block-size: 0;
    overflow: hidden;
    background:
      radial-gradient(
        120% 90% at 50% 0%,
        color-mix(in srgb, var(--_tavus-accent) 34%, transparent),
        transparent 62%
      ),
      var(--_tavus-stage-background);
    color: #ffffff;
    transition: box-shadow var(--_tavus-duration) var(--_tavus-ease);
  }

  .panel.has-video .stage {
    background: var(--_tavus-stage-background);
  }

  /* Narrow: a portrait stage. */
  @container tavus (max-width: 479px) {
    .layout {
      aspect-ratio: var(--_tavus-stage-aspect-ratio-narrow);
    }
  }

  /*
   * A narrow stage (a narrow element, or the chat beside the video): the face fills most of the
   * width, so the self-view shrinks into the top inline-end corner, above the head and clear of
   * the captions and controls. The floating panel's close button holds that corner: the tile
   * sits under it.
   */
  @container stage (max-width: 479px) {
    .media {
      --_tavus-self-view-size: clamp(52px, 17cqi, 76px);
      --_tavus-self-view-aspect-ratio: 3 / 4;
      --_tavus-self-view-inset-block-start: 12px;
      --_tavus-self-view-inset-block-end: auto;
      --_tavus-self-view-radius: 10px;
    }

    .panel.floating .media {
      --_tavus-self-view-inset-block-start: 60px;
    }
  }

  .media,
  .poster,
  .scrim {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }

  .poster {
    object-fit: cover;
  }

  [data-state='connecting'] .poster,
  [data-state='waiting'] .poster,
  [data-state='ended'] .poster,
  [data-state='error'] .poster {
    filter: blur(18px) brightness(0.55) saturate(1.1);
    scale: 1.12;
  }

  .scrim {
    pointer-events: none;
    background: linear-gradient(
      to bottom,
      rgb(0 0 0 / 0.32),
      transparent 22%,
      transparent 58%,
      rgb(0 0 0 / 0.58)
    );
  }

  .panel.speaking .stage {
    box-shadow: inset 0 0 0 2px color-mix(in srgb, var(--_tavus-accent) 80%, white);
  }

  /* ---------- Top bar: who is speaking, floating close ---------- */

  .top-bar {
    position: absolute;
    /* Over the idle, ended and error screens too: the header slot shows in every state. */
    z-index: 5;
    inset-block-start: 0;
    inset-inline: 0;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 12px;
    pointer-events: none;
  }

  .top-bar > *,
  .top-start > * {
    pointer-events: auto;
  }

  /* Only its children take clicks: the gaps between them let the video's own through. */
  .top-bar > .top-start {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-inline-size: 0;
    pointer-events: none;
  }

  .speaker {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding-block: 6px;
    padding-inline: 10px 12px;
    border-radius: 999px;
    background: rgb(12 14 18 / 0.5);
    backdrop-filter: blur(12px);
    font-size: 0.85em;
    font-weight: 600;
  }

  .speaker-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .bars {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    block-size: 14px;
  }

  .bars i {
    inline-size: 3px;
    block-size: 100%;
    border-radius: 2px;
    background: currentColor;
    transform: scaleY(0.28);
    transition: transform var(--_tavus-duration) var(--_tavus-ease);
  }

  .speaker.active .bars i {
    background: color-mix(in srgb, var(--_tavus-accent) 45%, white);
    animation: level 0.9s ease-in-out infinite;
  }

  .speaker.active .bars i:nth-child(2) {
    animation-delay: -0.3s;
  }

  .speaker.active .bars i:nth-child(3) {
    animation-delay: -0.6s;
  }

  .speaker.active .bars i:nth-child(4) {
    animation-delay: -0.15s;
  }

  @keyframes level {
    0%,
    100% {
      transform: scaleY(0.35);
    }
    50% {
      transform: scaleY(1);
    }
  }

  .minimize {
    display: grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    margin-inline-start: auto;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: rgb(12 14 18 / 0.45);
    backdrop-filter: blur(12px);
    color: #ffffff;
  }

  .minimize:hover {
    background: rgb(12 14 18 / 0.65);
  }

  /* ---------- Notice (camera or microphone unavailable) ---------- */

  .notice-region {
    position: absolute;
    z-index: 3;
    inset-block-start: 64px;
    inset-inline: 12px;
    display: flex;
    justify-content: center;
    pointer-events: none;
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 10px;
    max-inline-size: 34em;
    padding-block: 8px;
    padding-inline: 12px 8px;
    border-radius: 14px;
    background: rgb(12 14 18 / 0.72);
    backdrop-filter: blur(14px);
    color: #ffffff;
    font-size: 0.85em;
    line-height: 1.35;
    pointer-events: auto;
    animation: drop-in var(--_tavus-duration) var(--_tavus-ease);
  }

  .notice svg {
    inline-size: 18px;
    block-size: 18px;
    color: #ffc857;
  }

  .notice-text {
    flex: 1 1 14em;
  }

  /* On a narrow stage the actions go under the text, at its end, rather than squeeze it. */
  .notice-actions {
    display: flex;
    flex: none;
    gap: 6px;
    margin-inline-start: auto;
  }

  .notice-action {
    flex: none;
    padding-block: 6px;
    padding-inline: 10px;
    border: 0;
    border-radius: 999px;
    background: rgb(255 255 255 / 0.16);
    font-size: 0.95em;
    font-weight: 600;
    white-space: nowrap;
  }

  .notice-action:hover {
    background: rgb(255 255 255 / 0.26);
  }

  @keyframes drop-in {
    from {
      opacity: 0;
      transform: translateY(-6px);
    }
  }

  /* ---------- Progress and status ---------- */

  .center {
    position: absolute;
    z-index: 2;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 18px;
    padding: 24px;
    pointer-events: none;
    text-align: center;
  }

  .status {
    max-inline-size: 28em;
    font-size: 1em;
    font-weight: 550;
    text-shadow: 0 1px 12px rgb(0 0 0 / 0.4);
    text-wrap: balance;
  }

  [data-state='reconnecting'] .center {
    justify-content: flex-start;
    padding-block-start: 64px;
  }

  [data-state='reconnecting'] .status {
    display: inline-flex;
    align-items: center;
    gap: 10px;
    padding-block: 8px;
    padding-inline: 12px 16px;
    border-radius: 999px;
    background: rgb(12 14 18 / 0.72);
    backdrop-filter: blur(14px);
    font-size: 0.88em;
    text-shadow: none;
  }

  [data-state='reconnecting'] .status::before {
    content: '';
    inline-size: 14px;
    block-size: 14px;
    border: 2px solid rgb(255 255 255 / 0.3);
    border-block-start-color: #ffffff;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  .spinner {
    inline-size: 44px;
    block-size: 44px;
    border: 3px solid rgb(255 255 255 / 0.22);
    border-block-start-color: #ffffff;
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  @keyframes spin {
    to {
      rotate: 1turn;
    }
  }

  .avatar-wait {
    position: relative;
    inline-size: 104px;
    block-size: 104px;
    border-radius: 50%;
  }

  .avatar-wait img {
    inline-size: 100%;
    block-size: 100%;
    border-radius: 50%;
    object-fit: cover;
    box-shadow: 0 0 0 3px rgb(255 255 255 / 0.9);
  }

  .avatar-wait::before {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_tavus-accent) 60%, white);
    animation: ripple 1.8s var(--_tavus-ease) infinite;
    z-index: -1;
  }

  @keyframes ripple {
    from {
      opacity: 0.6;
      scale: 1;
    }
    to {
      opacity: 0;
      scale: 1.6;
    }
  }

  /* ---------- Captions ---------- */

  .captions {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    inset-block-end: 92px;
    display: flex;
    justify-content: center;
    padding-inline: 16px;
    pointer-events: none;
  }

  .caption-text {
    display: block;
    max-inline-size: min(100%, 36em);
    padding-block: 6px;
    padding-inline: 12px;
    border-radius: 10px;
    background: rgb(0 0 0 / 0.68);
    color: #ffffff;
    font-size: 1.05em;
    line-height: 1.45;
    text-align: center;
  }

  /* The last two lines: older words scroll out of the top as the caption grows. */
  .caption-lines {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    max-block-size: calc(2 * 1.45em);
    overflow: hidden;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .panel:not(.has-controls) .captions {
    inset-block-end: 20px;
  }

  /* ---------- Idle, ended and error screens ---------- */

  .screen {
    position: absolute;
    z-index: 4;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    padding: 24px;
    text-align: center;
  }

  .screen-content {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    max-inline-size: 26em;
  }

  .idle.with-poster {
    justify-content: flex-end;
    padding-block-end: 28px;
    background: linear-gradient(to bottom, transparent 35%, rgb(0 0 0 / 0.72));
  }

  .hero-icon {
    display: grid;
    place-items: center;
    inline-size: 64px;
    block-size: 64px;
    margin-block-end: 8px;
    border-radius: 20px;
    background: rgb(255 255 255 / 0.12);
    box-shadow: inset 0 0 0 1px rgb(255 255 255 / 0.16);
  }

  .hero-icon svg {
    inline-size: 30px;
    block-size: 30px;
    stroke-width: 1.6;
  }

  .screen-title {
    font-size: 1.35em;
    font-weight: 700;
    letter-spacing: -0.015em;
    line-height: 1.2;
    text-wrap: balance;
  }

  .screen-text {
    color: rgb(255 255 255 / 0.8);
    font-size: 0.92em;
    line-height: 1.45;
    text-wrap: balance;
  }

  .screen slot[name='start'] {
    display: contents;
  }

  .primary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 10px;
    min-block-size: 48px;
    margin-block-start: 14px;
    padding-block: 12px;
    padding-inline: 20px 24px;
    border: 0;
    border-radius: 999px;
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    font-size: 1em;
    font-weight: 650;
    box-shadow: 0 10px 28px -8px color-mix(in srgb, var(--_tavus-accent) 70%, transparent);
    transition:
      background-color var(--_tavus-duration) var(--_tavus-ease),
      transform var(--_tavus-duration) var(--_tavus-ease);
  }

  .primary:hover {
    background: var(--_tavus-accent-hover);
  }

  .primary:active {
    transform: scale(0.98);
  }

  .secondary {
    min-block-size: 40px;
    padding-block: 8px;
    padding-inline: 16px;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_tavus-accent-on-surface);
    font-size: 0.95em;
    font-weight: 600;
  }

  .secondary:hover {
    background: color-mix(in srgb, var(--_tavus-accent) 10%, transparent);
  }

  .card-screen {
    background: rgb(8 10 14 / 0.5);
    backdrop-filter: blur(6px);
  }

  .card {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    inline-size: min(100%, 24em);
    padding-block: 28px 24px;
    padding-inline: 24px;
    border-radius: calc(var(--_tavus-radius) + 4px);
    background: var(--_tavus-surface);
    color: var(--_tavus-text);
    box-shadow: var(--_tavus-shadow);
    animation: card-in var(--_tavus-duration) var(--_tavus-ease);
  }

  .card .screen-text {
    color: var(--_tavus-text-muted);
  }

  /* The error's own message: smaller, and clamped (the whole text stays in the DOM to be read). */
  .screen-detail {
    display: -webkit-box;
    max-inline-size: 100%;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    color: var(--_tavus-text-muted);
    font-size: 0.8em;
    line-height: 1.4;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }

  .card .primary {
    margin-block-start: 12px;
  }

  .card-icon {
    display: grid;
    place-items: center;
    inline-size: 48px;
    block-size: 48px;
    margin-block-end: 6px;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_tavus-accent) 14%, var(--_tavus-surface));
    color: var(--_tavus-accent-on-surface);
  }

  .error .card-icon {
    background: color-mix(in srgb, var(--_tavus-danger) 14%, var(--_tavus-surface));
    color: var(--_tavus-danger);
  }

  .card-icon svg {
    inline-size: 24px;
    block-size: 24px;
  }

  @keyframes card-in {
    from {
      opacity: 0;
      transform: translateY(8px) scale(0.98);
    }
  }

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

  .control:hover:not([aria-disabled='true']) {
    background: rgb(255 255 255 / 0.26);
  }

  .control.on {
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
  }

  .control.on:hover {
    background: var(--_tavus-accent-hover);
  }

  /* A device toggle that is off: the state to notice. */
  .control.off {
    background: #ffffff;
    color: #16171c;
  }

  .control.off:hover:not([aria-disabled='true']) {
    background: #e9eaee;
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

  .control.end:hover {
    background: var(--_tavus-danger-hover);
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

  .control:hover .tooltip,
  .control:focus-visible .tooltip {
    opacity: 1;
    translate: -50% 0;
  }

  :host(:dir(rtl)) .control:hover .tooltip,
  :host(:dir(rtl)) .control:focus-visible .tooltip {
    translate: 50% 0;
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
`;

/** The floating variant: a corner launcher and a fixed panel sized for phones and desktops. */
const floatingStyles = css`
  .panel.floating {
    position: fixed;
    z-index: var(--_tavus-z-index);
    inset-inline-end: var(--_tavus-launcher-offset);
    inset-block-end: calc(var(--_tavus-launcher-offset) + var(--_tavus-launcher-size) + 16px);
    inline-size: min(var(--_tavus-panel-width), 100vw - 2 * var(--_tavus-launcher-offset));
    block-size: min(
      var(--_tavus-panel-height),
      100vh - 2 * var(--_tavus-launcher-offset) - var(--_tavus-launcher-size) - 16px
    );
    block-size: min(
      var(--_tavus-panel-height),
      100dvh - 2 * var(--_tavus-launcher-offset) - var(--_tavus-launcher-size) - 16px
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

  .panel.floating .layout {
    aspect-ratio: auto;
  }

  .launcher {
    position: fixed;
    z-index: var(--_tavus-z-index);
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
   * Phones: the panel is a full-screen sheet over the page and has its own close button. dvh
   * follows the browser's toolbars (vh is the fallback); the safe-area insets keep the close
   * button and the composer clear of a notch or home indicator (with viewport-fit=cover), over
   * the stage's colour at the top and the chat's at the bottom when it is open.
   */
  @media (max-width: 520px) {
    .panel.floating {
      inset-inline: 0;
      inset-block: 0 auto;
      inline-size: 100%;
      block-size: 100vh;
      block-size: 100dvh;
      /* The insets are physical: left and right, whatever the direction. */
      padding-block: env(safe-area-inset-top, 0px) env(safe-area-inset-bottom, 0px);
      padding-left: env(safe-area-inset-left, 0px);
      padding-right: env(safe-area-inset-right, 0px);
      border-radius: 0;
      background: var(--_tavus-stage-background);
      transform-origin: 50% 100%;
    }

    .panel.floating.chat-open {
      background: linear-gradient(var(--_tavus-stage-background) 50%, var(--_tavus-surface) 50%);
    }

    .launcher.open {
      display: none;
    }
  }
`;

/** Reduced motion and forced colours, for everything above. */
const adaptiveStyles = css`
  @media (prefers-reduced-motion: reduce) {
    .speaker.active .bars i {
      animation: none;
      transform: scaleY(0.8);
    }

    .spinner,
    [data-state='reconnecting'] .status::before {
      animation: none;
      border-color: rgb(255 255 255 / 0.85);
      border-block-start-color: rgb(255 255 255 / 0.25);
    }

    .avatar-wait::before {
      animation: none;
      opacity: 0.35;
      scale: 1.15;
    }

    .launcher:hover,
    .launcher:active,
    .primary:active {
      transform: none;
    }
  }

  @media (forced-colors: active) {
    .panel {
      border: 1px solid CanvasText;
    }

    .controls,
    .speaker,
    .notice,
    .card,
    .caption-text,
    [data-state='reconnecting'] .status {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .control,
    .control.on,
    .control.off,
    .control.end,
    .primary,
    .secondary,
    .launcher,
    .minimize,
    .notice-action {
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

    .speaker .bars i,
    .speaker.active .bars i,
    .live-dot {
      forced-color-adjust: none;
      background: CanvasText;
    }

    .spinner {
      border-color: CanvasText;
      border-block-start-color: Canvas;
    }

    .tooltip,
    .launcher-tip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;

export const conversationStyles = [
  tokens,
  sharedStyles,
  panelStyles,
  floatingStyles,
  adaptiveStyles,
];
