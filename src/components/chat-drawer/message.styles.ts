import { css } from 'lit';

/** One message: its bubble, sender, streaming caret, typing dots and "Interrupted" mark. */
export const messageStyles = css`
  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    max-inline-size: 100%;
    /* A growing reply lays out and paints itself, not the whole log. */
    contain: content;
  }

  .message.user {
    align-items: flex-end;
  }

  .message.first:not(:first-child) {
    margin-block-start: 12px;
  }

  .sender {
    margin-block-end: 4px;
    padding-inline: 6px;
    color: var(--_tavus-text-muted);
    font-size: 0.8em;
    font-weight: 600;
  }

  .bubble {
    max-inline-size: min(85%, 34em);
    padding-block: 8px;
    padding-inline: 13px;
    border-radius: 18px;
    background: var(--_tavus-surface-raised);
    color: var(--_tavus-text);
    line-height: 1.45;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .replica .bubble {
    border-start-start-radius: 6px;
    border-end-start-radius: 6px;
  }

  .replica.first .bubble {
    border-start-start-radius: 18px;
  }

  .user .bubble {
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    border-start-end-radius: 6px;
    border-end-end-radius: 6px;
  }

  .user.first .bubble {
    border-start-end-radius: 18px;
  }

  .text {
    display: block;
  }

  /* A reply still being spoken: a soft caret after the text. */
  .streaming .text:not(:empty)::after {
    content: '';
    display: inline-block;
    inline-size: 0.5em;
    block-size: 0.5em;
    margin-inline-start: 0.3em;
    border-radius: 50%;
    background: currentColor;
    opacity: 0.45;
    vertical-align: 0.1em;
    animation: pulse 1s ease-in-out infinite;
  }

  .typing {
    display: inline-flex;
    gap: 4px;
    padding-block: 6px;
  }

  .typing i {
    inline-size: 7px;
    block-size: 7px;
    border-radius: 50%;
    background: currentColor;
    opacity: 0.4;
    animation: pulse 1.2s ease-in-out infinite;
  }

  .typing i:nth-child(2) {
    animation-delay: 0.15s;
  }

  .typing i:nth-child(3) {
    animation-delay: 0.3s;
  }

  @keyframes pulse {
    50% {
      opacity: 0.9;
    }
  }

  .interrupted .bubble {
    opacity: 0.86;
  }

  .interrupted-mark {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    margin-block-start: 3px;
    padding-inline: 6px;
    color: var(--_tavus-text-muted);
    font-size: 0.78em;
    font-style: italic;
  }

  .interrupted-mark::before {
    content: '';
    inline-size: 10px;
    block-size: 2px;
    border-radius: 2px;
    background: currentColor;
  }

  @media (prefers-reduced-motion: reduce) {
    .streaming .text::after,
    .typing i {
      animation: none;
      opacity: 0.6;
    }
  }

  @media (forced-colors: active) {
    .bubble {
      border: 1px solid CanvasText;
    }

    .user .bubble {
      border-color: Highlight;
    }
    .typing i,
    .streaming .text::after {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
