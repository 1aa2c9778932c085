import { css } from 'lit';

/**
 * The status line in the middle of the stage. Its call-time looks (the spinner above it, the
 * reconnecting pill) come with the call chunk, in `notices.styles.ts`.
 */
export const statusStyles = css`
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
`;
