import { css } from 'lit';

/** The drawer's frame: the host, its column layout and the title bar. */
export const chatDrawerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    background: var(--_tavus-surface);
    color: var(--_tavus-text);
  }

  .drawer {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-block-size: 0;
  }

  /* Title bar */

  .header {
    display: flex;
    flex: none;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-block-size: 52px;
    padding-block: 6px;
    padding-inline: 18px 8px;
    border-block-end: 1px solid var(--_tavus-border);
  }

  .title {
    font-weight: 650;
    font-size: 1em;
    letter-spacing: -0.005em;
  }

  .close {
    display: grid;
    place-items: center;
    inline-size: 40px;
    block-size: 40px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_tavus-text-muted);
    transition: background-color var(--_tavus-duration) var(--_tavus-ease);
  }

  .close:hover {
    background: var(--_tavus-surface-raised);
    color: var(--_tavus-text);
  }

  @media (forced-colors: active) {
    .close {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
  }
`;
