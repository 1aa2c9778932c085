import { css } from 'lit';

export const videoStageStyles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    background: var(--_tavus-stage-background);
  }

  video {
    display: block;
  }

  .replica {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: var(--tavus-video-fit, cover);
    background: var(--_tavus-stage-background);
  }

  audio {
    display: none;
  }

  .self {
    /* The conversation hides the tile where something else needs its corner. */
    display: var(--_tavus-self-view-display, block);
    position: absolute;
    z-index: 1;
    inset-inline-end: 12px;
    inset-block-start: var(--_tavus-self-view-inset-block-start, auto);
    inset-block-end: var(--_tavus-self-view-inset-block-end, 12px);
    /* cqi: the conversation's stage, a size container (the viewport when there is none). */
    inline-size: var(--_tavus-self-view-size, clamp(72px, 22cqi, 184px));
    aspect-ratio: var(--_tavus-self-view-aspect-ratio, 4 / 3);
    object-fit: cover;
    /* A mirror, like every self-view: moving left moves left. */
    transform: scaleX(-1);
    border-radius: var(--_tavus-self-view-radius, 12px);
    background: #1d2027;
    box-shadow:
      0 8px 24px rgb(0 0 0 / 0.35),
      0 0 0 1px rgb(255 255 255 / 0.16);
  }

  .sound {
    position: absolute;
    z-index: 2;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    translate: -50% -50%;
    display: inline-flex;
    align-items: center;
    gap: 10px;
    /* Its own width, not the half of the stage its centring leaves it. */
    inline-size: max-content;
    max-inline-size: 90%;
    min-block-size: 48px;
    padding-block: 12px;
    padding-inline: 18px 22px;
    border: 0;
    border-radius: 999px;
    background: rgb(255 255 255 / 0.94);
    color: #111318;
    font-size: 0.95em;
    font-weight: 600;
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.35);
    animation: sound-pop var(--_tavus-duration) var(--_tavus-ease);
  }

  @media (hover: hover) {
    .sound:hover {
      background: #ffffff;
    }
  }

  :host(:dir(rtl)) .sound {
    translate: 50% -50%;
  }

  @keyframes sound-pop {
    from {
      opacity: 0;
      scale: 0.9;
    }
  }

  @media (forced-colors: active) {
    .self {
      border: 1px solid CanvasText;
    }

    .sound {
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
