import { css } from 'lit';

/**
 * The device check fills the stage: one column (title, preview, pickers, actions) that drops the
 * title, then the preview, then the pickers as its own height shrinks (a short inline element, the chat sheet
 * open below it), and from 620px wide the preview beside the rest. Join stays in view whatever
 * the height: the actions stick to the bottom when the rest has to scroll.
 */
export const deviceCheckStyles = css`
  :host {
    display: block;
    container: check / size;
    inline-size: 100%;
    block-size: 100%;
    color: var(--_tavus-text);
    text-align: start;
  }

  p {
    margin: 0;
  }

  .check {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr) auto auto;
    grid-template-areas: 'title' 'preview' 'pickers' 'actions';
    gap: 12px;
    block-size: 100%;
    padding: 16px;
    overflow: auto;
  }

  .title {
    grid-area: title;
    font-size: 1.1em;
    font-weight: 700;
    letter-spacing: -0.01em;
    line-height: 1.25;
    text-align: center;
    text-wrap: balance;
  }

  /* ---------- Preview, or what to do about a block ---------- */

  .preview,
  .help {
    grid-area: preview;
    min-block-size: 0;
    border-radius: 12px;
  }

  .preview {
    position: relative;
    display: grid;
    place-items: center;
    min-block-size: 96px;
    overflow: hidden;
    background: var(--_tavus-stage-background);
    color: #ffffff;
  }

  video {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    /* A mirror, as people expect to see themselves. */
    transform: scaleX(-1);
  }

  .placeholder {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    padding: 12px;
    color: rgb(255 255 255 / 0.82);
    font-size: 0.9em;
    text-align: center;
  }

  .placeholder svg {
    inline-size: 28px;
    block-size: 28px;
    stroke-width: 1.6;
  }

  .help {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    padding-block: 14px;
    padding-inline: 16px;
    overflow: auto;
    background: var(--_tavus-surface-raised);
  }

  /* Centred in a tall room; auto margins, unlike justify-content, keep its start in reach. */
  .help > :first-child {
    margin-block-start: auto;
  }

  .help > :last-child {
    margin-block-end: auto;
  }

  .help-icon {
    color: var(--_tavus-danger);
  }

  .help-title {
    font-weight: 650;
  }

  .help-text {
    color: var(--_tavus-text-muted);
    font-size: 0.9em;
    line-height: 1.45;
  }

  /* ---------- Pickers and the level meter ---------- */

  .pickers {
    grid-area: pickers;
    display: grid;
    gap: 8px;
  }

  .picker {
    display: flex;
    align-items: center;
    gap: 8px;
  }

  .picker-label {
    display: grid;
    place-items: center;
    inline-size: 24px;
    color: var(--_tavus-text-muted);
  }

  .select {
    position: relative;
    flex: 1;
    min-inline-size: 0;
  }

  select {
    appearance: none;
    inline-size: 100%;
    min-block-size: 40px;
    padding-block: 8px;
    padding-inline: 12px 36px;
    border: 1px solid var(--_tavus-field-border);
    border-radius: 10px;
    background: var(--_tavus-surface);
    color: inherit;
    font: inherit;
    font-size: 0.92em;
    text-overflow: ellipsis;
  }

  select:disabled {
    opacity: 0.6;
  }

  .select svg {
    position: absolute;
    inset-inline-end: 10px;
    inset-block-start: 50%;
    inline-size: 18px;
    block-size: 18px;
    translate: 0 -50%;
    pointer-events: none;
    color: var(--_tavus-text-muted);
  }

  .level-row {
    display: grid;
    gap: 4px;
    padding-inline-start: 32px;
  }

  /* The native meter, drawn the same in every engine: a track and a green bar. */
  .level {
    appearance: none;
    display: block;
    inline-size: 100%;
    block-size: 6px;
    overflow: hidden;
    border: 0;
    border-radius: 3px;
    background: var(--_tavus-border);
  }

  .level::-webkit-meter-inner-element {
    display: block;
  }

  .level::-webkit-meter-bar {
    block-size: 6px;
    border: 0;
    border-radius: 3px;
    background: var(--_tavus-border);
  }

  .level::-webkit-meter-optimum-value,
  .level::-webkit-meter-suboptimum-value,
  .level::-webkit-meter-even-less-good-value {
    background: #16a34a;
    transition: none;
  }

  .level::-moz-meter-bar {
    background: #16a34a;
  }

  .level.off {
    opacity: 0.5;
  }

  .level-issue {
    color: var(--_tavus-text-muted);
    font-size: 0.82em;
  }

  /* ---------- Toggles, Leave and Join ---------- */

  .actions {
    grid-area: actions;
    position: sticky;
    inset-block-end: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    background: var(--_tavus-surface);
  }

  /* Join takes the rest of its row, or a row of its own when the row is full. */
  .join {
    flex: 1 0 auto;
  }

  .primary,
  .secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-block-size: 44px;
    padding-block: 10px;
    padding-inline: 18px;
    border: 0;
    border-radius: 999px;
    font-size: 0.95em;
    font-weight: 650;
  }

  .primary {
    padding-inline: 22px;
    background: var(--_tavus-accent);
    color: var(--_tavus-accent-text);
    box-shadow: 0 8px 22px -8px color-mix(in srgb, var(--_tavus-accent) 70%, transparent);
  }

  .primary:hover {
    background: var(--_tavus-accent-hover);
  }

  .secondary {
    background: transparent;
    color: var(--_tavus-accent-on-surface);
  }

  .secondary:hover {
    background: color-mix(in srgb, var(--_tavus-accent) 10%, transparent);
  }

  .help .retry {
    min-block-size: 36px;
    margin-block-start: 4px;
    margin-inline-start: -12px;
    padding-inline: 12px;
  }

  /* ---------- By the space there is ---------- */

  /* Narrow: Join gets a row of its own, whatever the length of its words. */
  @container check (max-width: 419px) {
    .join {
      flex: 1 1 100%;
    }
  }

  @container check (max-height: 480px) {
    .title {
      display: none;
    }
  }

  @container check (max-height: 330px) {
    .check {
      grid-template-rows: auto;
      align-content: center;
    }

    .preview,
    .help {
      display: none;
    }
  }

  /* Room for the toggles, Leave and Join only (the chat sheet open under a short element). */
  @container check (max-height: 300px) {
    .check {
      gap: 8px;
      padding-block: 8px;
    }

    .pickers {
      display: none;
    }
  }

  @container check (min-width: 620px) and (min-height: 330px) {
    .check {
      grid-template-columns: minmax(0, 1.4fr) minmax(260px, 1fr);
      grid-template-rows: minmax(0, 1fr) auto auto auto minmax(0, 1fr);
      grid-template-areas:
        'preview .'
        'preview title'
        'preview pickers'
        'preview actions'
        'preview .';
      column-gap: 28px;
      row-gap: 16px;
      padding: 24px;
    }

    .title {
      display: block;
      font-size: 1.3em;
      text-align: start;
    }

    .preview,
    .help {
      align-self: center;
      aspect-ratio: 16 / 9;
      max-block-size: 100%;
    }

    .help {
      justify-content: center;
      padding-inline: 28px;
    }
  }

  @media (forced-colors: active) {
    .level {
      border: 1px solid CanvasText;
    }

    select {
      border-color: ButtonText;
    }
  }
`;
