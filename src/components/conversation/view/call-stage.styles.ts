import { css } from 'lit';

/**
 * The stage during a call (and behind the ended screen): the video's plain background, the
 * self-view's place, and the glow while the replica speaks. With the call chunk.
 */
export const callStageStyles = css`
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

    /* The call's pills (the speaker, a weak connection) wrap before they reach the self-view. */
    .panel.has-controls .top-bar > .top-start {
      max-inline-size: calc(100% - clamp(52px, 17cqi, 76px) - 8px);
    }
  }

  .panel.speaking .stage {
    box-shadow: inset 0 0 0 2px color-mix(in srgb, var(--_tavus-accent) 80%, white);
  }
`;
