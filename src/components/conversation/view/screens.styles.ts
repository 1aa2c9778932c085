import { css } from 'lit';

/** The idle, ended and error screens over the stage, their cards and their buttons. */
export const screenStyles = css`
  /* ---------- Idle, ended and error screens ---------- */

  /*
   * A size container: a short screen (the chat sheet below it) keeps its action, drops the rest.
   * Under the chat sheet (panel.styles.ts) its padding covers the part the sheet's corners overlap.
   */
  .screen {
    container: screen / size;
    position: absolute;
    z-index: 4;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    padding: 24px;
    padding-block-end: calc(24px + var(--_tavus-under-sheet, 0px));
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
    padding-block-end: calc(28px + var(--_tavus-under-sheet, 0px));
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

  @container screen (max-height: 330px) {
    .hero-icon,
    .card-icon {
      display: none;
    }
  }

  /*
   * A short screen drops the words it can spare, but an error keeps the line a visitor can act
   * on (check the connection, try again), clamped, under a smaller title; shorter still, the title
   * goes (for the eye only: the alert still reads it), then the line takes fewer lines.
   */
  @container screen (max-height: 240px) {
    .screen-text,
    .screen-detail {
      display: none;
    }

    .error .screen-text {
      display: -webkit-box;
      overflow: hidden;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      line-clamp: 3;
    }

    .error .screen-title {
      font-size: 1.15em;
    }

    .card {
      padding-block: 16px;
    }

    .primary,
    .card .primary {
      margin-block-start: 4px;
    }
  }

  @container screen (max-height: 190px) {
    .error .screen-title {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  @container screen (max-height: 160px) {
    .error .screen-text {
      -webkit-line-clamp: 2;
      line-clamp: 2;
    }
  }

  /* ---------- Device check: it fills the stage, on the panel's own colours ---------- */

  .screen.checking {
    padding: 0;
    padding-block-end: var(--_tavus-under-sheet, 0px);
    background: var(--_tavus-surface);
    color: var(--_tavus-text);
  }

  /* Clear of the floating panel's close button. */
  .panel.floating .screen.checking {
    padding-block-start: 52px;
  }

  tavus-device-check {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }

  /* Until the check's code arrives (or if it cannot): Join and Leave, after a moment. */
  .check-fallback {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 8px;
    block-size: 100%;
    padding: 16px;
    animation: appear 1ms linear 800ms backwards;
  }

  @keyframes appear {
    from {
      visibility: hidden;
    }
  }

  @keyframes card-in {
    from {
      opacity: 0;
      transform: translateY(8px) scale(0.98);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .primary:active {
      transform: none;
    }
  }

  @media (forced-colors: active) {
    .card {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .primary,
    .secondary {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
