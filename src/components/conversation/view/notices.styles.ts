import { css } from 'lit';

/**
 * What is said over the video during a call: the device notice, the status line's call-time looks
 * (the spinner or the poster rippling above it while joining, the reconnecting pill) and the live
 * captions. The status line itself is in `status.styles.ts`, with the entry.
 */
export const noticeStyles = css`
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

  @media (hover: hover) {
    .notice-action:hover {
      background: rgb(255 255 255 / 0.26);
    }
  }

  @keyframes drop-in {
    from {
      opacity: 0;
      transform: translateY(-6px);
    }
  }

  /* ---------- Progress and status ---------- */

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

  /*
   * The self-view's tile and the things that must not cover it. A wide stage has the tile in its
   * bottom inline-end corner, at the captions' height: they keep clear of its width on both sides,
   * so they stay centred. A narrow one has it in the top corner, where the notice and the
   * reconnecting pill start below it (the sizes are the tile's, from call-stage.styles.ts).
   */
  @container stage (min-width: 480px) {
    .captions.beside-self-view {
      padding-inline: calc(clamp(72px, 22cqi, 184px) + 24px);
    }
  }

  @container stage (max-width: 479px) {
    .notice-region {
      inset-block-start: calc(12px + clamp(52px, 17cqi, 76px) * 4 / 3 + 10px);
    }

    .panel.floating .notice-region {
      inset-block-start: calc(60px + clamp(52px, 17cqi, 76px) * 4 / 3 + 10px);
    }

    [data-state='reconnecting'] .center {
      padding-block-start: calc(12px + clamp(52px, 17cqi, 76px) * 4 / 3 + 10px);
    }

    .panel.floating[data-state='reconnecting'] .center {
      padding-block-start: calc(60px + clamp(52px, 17cqi, 76px) * 4 / 3 + 10px);
    }
  }

  @media (prefers-reduced-motion: reduce) {
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
  }

  @media (forced-colors: active) {
    .notice,
    .caption-text,
    [data-state='reconnecting'] .status {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .notice-action {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .spinner {
      border-color: CanvasText;
      border-block-start-color: Canvas;
    }
  }
`;
