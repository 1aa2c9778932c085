import { css } from 'lit';

/** The top bar's call pill: the replica's name with a level that moves while it speaks. */
export const speakerStyles = css`
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

  @media (prefers-reduced-motion: reduce) {
    .speaker.active .bars i {
      animation: none;
      transform: scaleY(0.8);
    }
  }

  @media (forced-colors: active) {
    .speaker {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      backdrop-filter: none;
    }

    .speaker .bars i,
    .speaker.active .bars i {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
