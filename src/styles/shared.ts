import { css } from 'lit';

/**
 * Rules every shadow root of the component shares: box sizing, the visually-hidden utility,
 * focus rings, a button reset, and the reduced-motion and forced-colors baselines. Elements put
 * these after `tokens` and before their own styles.
 */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  /* Read by screen readers, not shown. */
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  button {
    font: inherit;
    color: inherit;
    margin: 0;
    -webkit-tap-highlight-color: transparent;
  }

  button:not(:disabled, [aria-disabled='true']) {
    cursor: pointer;
  }

  :focus-visible {
    outline: 2px solid var(--_tavus-focus-ring-color);
    outline-offset: 2px;
  }

  svg {
    display: block;
    flex: none;
    inline-size: 20px;
    block-size: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 1ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 1ms !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }

    button {
      border: 1px solid ButtonText;
    }

    button:disabled,
    button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }

    svg {
      stroke: currentColor;
    }
  }
`;
