import { css } from 'lit';

/**
 * The top bar's call status: the replica's name with a level that moves while it speaks, dots
 * under it while it thinks, a weak connection, the time left. Pills over the video, like the
 * controls bar.
 */
export const speakerStyles = css`
  /* The call's pills line up at the top: the dots hang under the speaker's. */
  .top-start:has(.who) {
    align-items: flex-start;
  }

  .who {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    min-inline-size: 0;
    max-inline-size: 100%;
  }

  .speaker,
  .thinking,
  .network,
  .countdown {
    border-radius: 999px;
    background: rgb(12 14 18 / 0.5);
    backdrop-filter: blur(12px);
  }

  .speaker {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding-block: 6px;
    padding-inline: 10px 12px;
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

  /* ---------- Thinking: three dots that rise in turn ---------- */

  .thinking {
    display: inline-flex;
    gap: 4px;
    padding-block: 8px;
    padding-inline: 10px;
  }

  .thinking i {
    inline-size: 6px;
    block-size: 6px;
    border-radius: 50%;
    background: currentColor;
    opacity: 0.4;
    animation: think 1.2s ease-in-out infinite;
  }

  .thinking i:nth-child(2) {
    animation-delay: 0.2s;
  }

  .thinking i:nth-child(3) {
    animation-delay: 0.4s;
  }

  @keyframes think {
    30% {
      opacity: 1;
      translate: 0 -2px;
    }
  }

  /* ---------- A weak connection: the bars that are left ---------- */

  .network {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding-block: 6px;
    padding-inline: 8px 12px;
    /* Darker than the other pills: coloured words need the contrast. */
    background: rgb(12 14 18 / 0.78);
    color: #ffc857;
    font-size: 0.8em;
    font-weight: 600;
    white-space: nowrap;
  }

  .network.very-low {
    color: #ff9b9b;
  }

  .network svg {
    inline-size: 16px;
    block-size: 16px;
    stroke-width: 2.5;
  }

  .network.low path:nth-child(n + 3),
  .network.very-low path:nth-child(n + 2) {
    opacity: 0.3;
  }

  .network-short {
    display: none;
  }

  /*
   * A narrow stage keeps the words, the shorter ones, so that a weak connection is not just a
   * small icon: a very weak one says "Weak connection" on a red pill (the full words stay for
   * screen readers). Long words give way before they push into the self-view's corner.
   */
  @container stage (max-width: 479px) {
    .network-region {
      min-inline-size: 0;
    }

    .network {
      min-inline-size: 0;
      max-inline-size: 100%;
    }

    .network-text,
    .network-short {
      overflow: hidden;
      text-overflow: ellipsis;
    }

    .network.very-low {
      background: var(--_tavus-danger);
      color: var(--_tavus-danger-text);
    }

    .network.very-low .network-short {
      display: inline;
    }

    .network.very-low .network-text {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      clip-path: inset(50%);
    }
  }

  /* ---------- The time left ---------- */

  .countdown {
    display: inline-flex;
    padding-block: 6px;
    padding-inline: 10px;
    font-size: 0.85em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }

  .countdown.urgent {
    background: var(--_tavus-danger);
    color: var(--_tavus-danger-text);
  }

  @media (prefers-reduced-motion: reduce) {
    .speaker.active .bars i {
      animation: none;
      transform: scaleY(0.8);
    }

    .thinking i {
      animation: none;
      opacity: 0.85;
    }
  }

  @media (forced-colors: active) {
    .thinking,
    .network,
    .countdown,
    .speaker {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .countdown.urgent {
      border-color: Highlight;
    }

    .thinking i,
    .speaker .bars i,
    .speaker.active .bars i {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
