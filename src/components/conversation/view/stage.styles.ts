import { css } from 'lit';

/**
 * The video stage: the replica's video (or the poster), the self-view's place, the scrim, and the
 * top bar with the header slot, the speaking indicator and the floating panel's close button.
 */
export const stageStyles = css`
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

    .minimize {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .speaker .bars i,
    .speaker.active .bars i {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
