import { css } from 'lit';

/** The message form: disabled reason, field, textarea, send button and character counter. */
export const composerStyles = css`
  .composer {
    flex: none;
    padding-block: 10px 12px;
    padding-inline: 12px;
    border-block-start: 1px solid var(--_tavus-border);
    background: var(--_tavus-surface);
  }

  .reason {
    margin-block: 0 8px;
    margin-inline: 4px;
    color: var(--_tavus-text-muted);
    font-size: 0.85em;
    line-height: 1.4;
  }

  .field {
    display: flex;
    align-items: flex-end;
    gap: 6px;
    padding: 5px;
    padding-inline-start: 14px;
    border: 1px solid var(--_tavus-field-border);
    border-radius: 22px;
    background: var(--_tavus-surface);
    transition:
      border-color var(--_tavus-duration) var(--_tavus-ease),
      box-shadow var(--_tavus-duration) var(--_tavus-ease);
  }

  .field:has(textarea:focus-visible) {
    border-color: var(--_tavus-focus-ring-color);
    box-shadow: 0 0 0 1px var(--_tavus-focus-ring-color);
  }

  [data-disabled] .field {
    border-style: dashed;
    background: var(--_tavus-surface-raised);
  }

  textarea {
    flex: 1 1 auto;
    min-inline-size: 0;
    min-block-size: 34px;
    max-block-size: 8.5em;
    field-sizing: content;
    resize: none;
    margin: 0;
    padding-block: 7px;
    padding-inline: 0;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  textarea:focus-visible {
    outline: none;
  }

  textarea::placeholder {
    color: var(--_tavus-text-muted);
    opacity: 1;
  }

  textarea:disabled {
    cursor: not-allowed;
  }

  .send {
    display: grid;
    flex: none;
    place-items: center;
    inline-size: 34px;
    block-size: 34px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    transition:
      background-color var(--_tavus-duration) var(--_tavus-ease),
      opacity var(--_tavus-duration) var(--_tavus-ease);
  }

  .send svg {
    inline-size: 18px;
    block-size: 18px;
    stroke-width: 2.4;
  }

  .send:hover:not(:disabled) {
    background: var(--_tavus-accent-hover);
  }

  .send:disabled {
    background: color-mix(in srgb, var(--_tavus-text) 16%, var(--_tavus-surface));
    color: var(--_tavus-text-muted);
  }

  .counter {
    margin-block: 6px 0;
    margin-inline: 0 6px;
    color: var(--_tavus-text-muted);
    font-size: 0.78em;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .counter.full {
    color: var(--_tavus-danger);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .field {
      border-color: CanvasText;
    }

    .send {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .send:disabled {
      border-color: GrayText;
      color: GrayText;
    }
  }
`;
