import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { named } from '../../../translations/lookup.js';
import { callIcon } from '../../../styles/call-icons.js';
import type { ConversationViewModel } from '../view-model.js';

/**
 * The top bar's call status, after the header slot: who speaks (with a level), whether the
 * replica is thinking, a weak connection and the time left. Each says what it shows once, in a
 * polite live region of its own that is there for the whole call (a region added with its text
 * is not announced); the moving parts are decorative.
 * @internal
 */
export function renderSpeaker(model: ConversationViewModel): TemplateResult {
  return html`${renderWho(model)} ${renderNetwork(model)} ${renderTimeLeft(model)}`;
}

function inRoom(model: ConversationViewModel): boolean {
  return model.state === 'connected' || model.state === 'reconnecting';
}

/** The replica's name with a level while it speaks, and dots under it while it thinks. */
function renderWho(model: ConversationViewModel) {
  const s = model.strings;
  const showSpeaker = inRoom(model) && Boolean(model.replicaVideo);
  const thinking = model.state === 'connected' && model.thinking;
  const thinkingText = thinking ? named(s, 'thinking', model.replicaName) : '';
  return html`<div class="who">
    ${
      showSpeaker
        ? html`<div
            class=${classMap({ speaker: true, active: model.replicaSpeaking })}
            part="speaking-indicator"
            aria-hidden="true"
          >
            <span class="bars"><i></i><i></i><i></i><i></i></span>
            <span class="speaker-name">${model.replicaName.trim() || s.replica}</span>
          </div>`
        : nothing
    }
    ${
      thinking
        ? html`<div class="thinking" part="thinking-indicator" aria-hidden="true">
            <i></i><i></i><i></i>
          </div>`
        : nothing
    }
    <span class="visually-hidden" role="status">${thinkingText}</span>
  </div>`;
}

/**
 * Shown only while Daily rates the connection low or very low, with the bars that are left. A
 * narrow stage shows the shorter words of a weak connection on a very weak one's red pill: the
 * full words stay for screen readers.
 */
function renderNetwork(model: ConversationViewModel) {
  const s = model.strings;
  const quality = inRoom(model) ? model.networkQuality : null;
  const weak = quality === 'low' || quality === 'very-low';
  const veryLow = quality === 'very-low';
  return html`<div class="network-region" role="status">
    ${
      weak
        ? html`<span class=${`network ${quality}`} part="network-indicator">
            ${callIcon('signal')}<span class="network-text"
              >${veryLow ? s.networkVeryLow : s.networkLow}</span
            >${veryLow ? html`<span class="network-short" aria-hidden="true">${s.networkLow}</span>` : nothing}
          </span>`
        : nothing
    }
  </div>`;
}

/**
 * The countdown in the last minute of a maximum duration: a timer (not read out each second),
 * and once, politely, that less than a minute is left.
 */
function renderTimeLeft(model: ConversationViewModel) {
  const seconds = model.secondsLeft;
  const shown = seconds !== null && inRoom(model);
  return html`<div class="time-region">
    ${
      shown
        ? html`<span
            class=${classMap({ countdown: true, urgent: seconds <= 10 })}
            part="countdown"
            role="timer"
            aria-label=${model.strings.timeLeft}
            dir="ltr"
            >${clock(seconds)}</span
          >`
        : nothing
    }
    <span class="visually-hidden" role="status">${shown ? model.strings.timeLeftNotice : ''}</span>
  </div>`;
}

/** `m:ss`, as a countdown shows it. */
function clock(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
