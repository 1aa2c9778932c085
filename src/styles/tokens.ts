import { css } from 'lit';

/**
 * The design tokens of `<tavus-conversation>`.
 *
 * Public knobs are `--tavus-*` custom properties that a page sets on the element (or any
 * ancestor). Every rule inside the shadow root reads the private `--_tavus-*` twin, which is
 * the public value when set and the theme's default otherwise. A page that sets a public token
 * sets it for both themes; to differ per theme it can scope it, e.g.
 * `tavus-conversation[theme='dark'] { --tavus-accent: … }`.
 *
 * Themes: `theme="light"`, `theme="dark"`, or `theme="auto"` (and no attribute), which follows
 * `prefers-color-scheme`. The video stage is dark in both themes, like every video product.
 */

/** Dark-theme defaults, applied by `[theme=dark]` and by `auto` in a dark colour scheme. */
const darkTokens = css`
  color-scheme: dark;
  --_tavus-accent: var(--tavus-accent, #6e5dfc);
  --_tavus-accent-text: var(--tavus-accent-text, #ffffff);
  --_tavus-surface: var(--tavus-surface, #16171c);
  --_tavus-surface-raised: var(--tavus-surface-raised, #23252d);
  --_tavus-text: var(--tavus-text, #eceef3);
  --_tavus-text-muted: var(--tavus-text-muted, #a2a7b5);
  --_tavus-border: var(--tavus-border, #30333d);
  --_tavus-accent-on-surface: color-mix(in srgb, var(--_tavus-accent) 55%, white);
  --_tavus-shadow: var(
    --tavus-shadow,
    0 24px 56px -12px rgb(0 0 0 / 0.6),
    0 0 0 1px rgb(255 255 255 / 0.06)
  );
`;

export const tokens = css`
  :host {
    color-scheme: light;

    /* Colours (light defaults) */
    --_tavus-accent: var(--tavus-accent, #5b4cf0);
    --_tavus-accent-text: var(--tavus-accent-text, #ffffff);
    --_tavus-surface: var(--tavus-surface, #ffffff);
    --_tavus-surface-raised: var(--tavus-surface-raised, #f2f3f6);
    --_tavus-text: var(--tavus-text, #17181c);
    --_tavus-text-muted: var(--tavus-text-muted, #5e6270);
    --_tavus-border: var(--tavus-border, #e3e5ea);
    --_tavus-shadow: var(
      --tavus-shadow,
      0 24px 56px -12px rgb(16 24 40 / 0.28),
      0 2px 8px rgb(16 24 40 / 0.08),
      0 0 0 1px rgb(16 24 40 / 0.05)
    );

    /* Colours that do not change with the theme */
    --_tavus-danger: var(--tavus-danger, #d92d3a);
    --_tavus-danger-text: var(--tavus-danger-text, #ffffff);
    --_tavus-stage-background: var(--tavus-stage-background, #0f1115);
    --_tavus-focus-ring-color: var(--tavus-focus-ring-color, var(--_tavus-accent));

    /* Shape and type */
    --_tavus-radius: var(--tavus-radius, 16px);
    --_tavus-font-family: var(
      --tavus-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      'Noto Sans',
      Arial,
      sans-serif
    );
    --_tavus-font-size: var(--tavus-font-size, 15px);

    /* Layout */
    --_tavus-stage-aspect-ratio: var(--tavus-stage-aspect-ratio, 16 / 9);
    --_tavus-stage-aspect-ratio-narrow: var(--tavus-stage-aspect-ratio-narrow, 4 / 5);
    --_tavus-chat-width: var(--tavus-chat-width, 360px);
    --_tavus-panel-width: var(--tavus-panel-width, 400px);
    --_tavus-panel-height: var(--tavus-panel-height, 680px);
    --_tavus-launcher-size: var(--tavus-launcher-size, 60px);
    --_tavus-launcher-offset: var(--tavus-launcher-offset, 20px);
    --_tavus-z-index: var(--tavus-z-index, 2147483000);

    /* Derived, private */
    --_tavus-accent-on-surface: var(--_tavus-accent);
    --_tavus-field-border: color-mix(in srgb, var(--_tavus-text) 38%, var(--_tavus-surface));
    --_tavus-accent-hover: color-mix(in oklab, var(--_tavus-accent), black 14%);
    --_tavus-danger-hover: color-mix(in oklab, var(--_tavus-danger), black 14%);
    --_tavus-ease: cubic-bezier(0.2, 0.8, 0.2, 1);
    --_tavus-duration: 220ms;
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'], [theme='dark'])) {
      ${darkTokens}
    }
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_tavus-duration: 0ms;
    }
  }
`;
