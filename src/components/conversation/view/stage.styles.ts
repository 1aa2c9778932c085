import { css } from 'lit';

/**
 * The video stage: the replica's video (or the poster), the scrim, and the top bar with the header
 * slot and the floating panel's close button. What only a call shows on it (the self-view's
 * place, the speaking glow) is in `call-stage.styles.ts`, the speaker in `speaker.styles.ts`.
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

  /* ---------- Top bar: the header slot, floating close ---------- */

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

  @media (hover: hover) {
    .minimize:hover {
      background: rgb(12 14 18 / 0.65);
    }
  }

  @media (forced-colors: active) {
    .minimize {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
