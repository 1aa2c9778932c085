import { css } from 'lit';

/**
 * The check's microphone and camera toggles: raised while on, red while the visitor turned them
 * off, and faded with a dashed ring while the browser blocks the device (nothing to turn on).
 */
export const deviceToggleStyles = css`
  .toggle {
    display: grid;
    place-items: center;
    inline-size: 44px;
    block-size: 44px;
    padding: 0;
    border: 1px solid var(--_tavus-border);
    border-radius: 50%;
    background: var(--_tavus-surface-raised);
    transition: background-color var(--_tavus-duration) var(--_tavus-ease);
  }

  .toggle.off {
    border-color: transparent;
    background: var(--_tavus-danger);
    color: var(--_tavus-danger-text);
  }

  /* Blocked: not the visitor's choice, so not the red of "off"; the help above says why. */
  .toggle.unavailable {
    border: 1px dashed var(--_tavus-field-border);
    background: transparent;
    color: var(--_tavus-text-muted);
    cursor: not-allowed;
  }

  @media (forced-colors: active) {
    .toggle.off {
      border: 2px solid ButtonText;
    }

    .toggle.unavailable {
      border: 1px dashed GrayText;
      color: GrayText;
    }
  }
`;
