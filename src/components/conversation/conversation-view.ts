import { html, nothing } from 'lit';
import type { ReactiveElement, TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ConversationState } from '../../state/conversation-state.js';
import {
  endedText,
  errorText,
  mediaIssueText,
  named,
  statusText,
} from '../../translations/lookup.js';
import { icon } from '../../styles/icons.js';
import type { IconName } from '../../styles/icons.js';
import type { ChatSendDetail } from '../chat-drawer/chat-drawer.js';
import type { ConversationViewHandlers, ConversationViewModel } from './view-model.js';

/**
 * The whole visible conversation: video stage, status screens, call controls, chat drawer and,
 * for the floating variant, the launcher. A pure function of the view model: it renders state and
 * forwards intents to the handlers; the element owns the logic.
 *
 * Everything renders into the element's own shadow root, so ARIA references (the chat toggle's
 * `aria-controls`, the launcher's) and the public slots (`start`, `empty`) work.
 *
 * What the view offers the page, to be listed on the public element's JSDoc:
 *
 * @slot header - Content at the top of the panel in every state, such as a logo or a title.
 * @slot start - Replaces the start button on the idle screen; a click inside it starts the conversation.
 * @slot empty - Shown in the chat while the transcript is empty.
 *
 * @csspart panel - The conversation panel (inline box, or the floating variant's fixed panel).
 * @csspart stage - The video area, with its screens and controls.
 * @csspart header - The top of the panel: the `header` slot and, in a call, the speaking indicator.
 * @csspart video - The replica's `<video>`.
 * @csspart poster - The `poster` image, before the video plays.
 * @csspart self-view - The user's own camera, a small mirrored tile.
 * @csspart sound-button - "Tap to enable sound", when the browser blocked the replica's audio.
 * @csspart speaking-indicator - The replica's name with a level meter that moves while it speaks.
 * @csspart captions - Live captions over the video.
 * @csspart notice - Why the camera or microphone is not in use.
 * @csspart status - The connection status line (`role="status"`).
 * @csspart start-screen - The idle screen.
 * @csspart start-button - The default start button.
 * @csspart ended-screen - The screen after the conversation ended.
 * @csspart restart-button - Starts a new conversation from the ended screen.
 * @csspart transcript-button - "View transcript" on the ended screen.
 * @csspart error - The error screen.
 * @csspart error-detail - The error's own message under the localised line, clamped to three lines.
 * @csspart retry-button - Retries from the error screen.
 * @csspart controls - The call controls bar.
 * @csspart control - Every call control button.
 * @csspart microphone-button - The microphone toggle.
 * @csspart camera-button - The camera toggle.
 * @csspart captions-button - The captions toggle.
 * @csspart chat-button - The chat toggle.
 * @csspart end-button - Ends the conversation.
 * @csspart minimize-button - Collapses the floating panel.
 * @csspart launcher - The floating variant's launcher button.
 * @csspart chat - The chat drawer (transcript and composer).
 * @csspart chat-header - The chat drawer's title bar.
 * @csspart chat-close-button - Closes the chat drawer.
 * @csspart transcript - The transcript (`role="log"`).
 * @csspart message - Every message (with `message-user` or `message-replica`).
 * @csspart message-user - A message from the user.
 * @csspart message-replica - A message from the replica.
 * @csspart interrupted - The "Interrupted" mark under a reply that was cut short.
 * @csspart earlier-button - "Show earlier messages".
 * @csspart jump-button - "Jump to latest".
 * @csspart empty - The empty-transcript placeholder.
 * @csspart composer - The message form.
 * @csspart composer-input - The message `<textarea>`.
 * @csspart composer-reason - Why the composer is disabled.
 * @csspart counter - The character counter.
 * @csspart send-button - The send button.
 *
 * @cssprop [--tavus-accent=#5b4cf0] - Brand colour: primary buttons, user messages, focus rings (dark: #6e5dfc).
 * @cssprop [--tavus-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--tavus-surface=#ffffff] - Background of the chat and cards (dark: #16171c).
 * @cssprop [--tavus-surface-raised=#f2f3f6] - Replica messages and raised areas (dark: #23252d).
 * @cssprop [--tavus-text=#17181c] - Text colour (dark: #eceef3).
 * @cssprop [--tavus-text-muted=#5e6270] - Secondary text (dark: #a2a7b5).
 * @cssprop [--tavus-border=#e3e5ea] - Hairlines and dividers (dark: #30333d).
 * @cssprop [--tavus-shadow] - Shadow of the floating panel and cards.
 * @cssprop [--tavus-danger=#d92d3a] - End button and errors.
 * @cssprop [--tavus-danger-text=#ffffff] - Text on the danger colour.
 * @cssprop [--tavus-stage-background=#0f1115] - Behind the video.
 * @cssprop [--tavus-focus-ring-color=var(--tavus-accent)] - Keyboard focus outline.
 * @cssprop [--tavus-radius=16px] - Corner radius of the panel.
 * @cssprop [--tavus-font-family=system-ui, …] - Font of every text.
 * @cssprop [--tavus-font-size=15px] - Base font size.
 * @cssprop [--tavus-stage-aspect-ratio=16 / 9] - Shape of the inline panel when its height is not set.
 * @cssprop [--tavus-stage-aspect-ratio-narrow=4 / 5] - The same, below 480px wide.
 * @cssprop [--tavus-video-fit=cover] - `object-fit` of the replica's video.
 * @cssprop [--tavus-chat-width=360px] - Width of the chat beside the video (from 760px wide).
 * @cssprop [--tavus-panel-width=400px] - Width of the floating panel.
 * @cssprop [--tavus-panel-height=680px] - Height of the floating panel.
 * @cssprop [--tavus-launcher-size=60px] - Diameter of the floating launcher.
 * @cssprop [--tavus-launcher-offset=20px] - Distance of the launcher from the viewport corner.
 * @cssprop [--tavus-z-index=2147483000] - Stacking level of the floating launcher and panel.
 */

/** States with a call in progress: the controls are shown. */
const CALL_STATES: ReadonlySet<ConversationState> = new Set([
  'connecting',
  'waiting',
  'connected',
  'reconnecting',
]);

/** Parts of the chat drawer re-exported under the element (drawer-only names get a `chat-` prefix). */
const CHAT_EXPORT_PARTS = [
  'header: chat-header',
  'close-button: chat-close-button',
  'transcript',
  'message',
  'message-user',
  'message-replica',
  'interrupted',
  'earlier-button',
  'jump-button',
  'empty',
  'composer',
  'composer-input',
  'composer-reason',
  'counter',
  'send-button',
].join(', ');

/**
 * Renders the conversation for the element's shadow root.
 * @internal
 */
export function renderConversationView(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const floating = model.variant === 'floating';
  return html`${renderPanel(model, handlers)}${floating ? renderLauncher(model, handlers) : nothing}`;
}

function renderPanel(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  const floating = model.variant === 'floating';
  const inCall = CALL_STATES.has(model.state);
  const showVideo = Boolean(model.replicaVideo) && (inCall || model.state === 'ended');
  const showControls = inCall;
  const status = statusText(s, model.state, model.replicaName);

  const handlePanelKeydown = (event: KeyboardEvent) => {
    if (!floating || event.key !== 'Escape' || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    const root = rootOf(event.currentTarget as Element);
    handlers.setOpen(false);
    afterRender(root, () => focusIn(root, '.launcher'));
  };

  const handleChatSend = (event: CustomEvent<ChatSendDetail>) => handlers.send(event.detail.text);

  const handleChatClose = (event: Event) => {
    const root = rootOf(event.currentTarget as Element);
    handlers.setChatOpen(false);
    afterRender(root, () => focusIn(root, '#chat-toggle', '[data-chat-opener]', '.panel'));
  };

  return html`<div
    id="panel"
    class=${classMap({
      panel: true,
      floating,
      inline: !floating,
      'chat-open': model.chatOpen,
      'has-video': showVideo,
      'has-controls': showControls,
      speaking: model.replicaSpeaking && model.state === 'connected',
    })}
    part="panel"
    data-state=${model.state}
    role=${floating ? 'dialog' : 'region'}
    aria-label=${named(s, 'panelLabel', model.replicaName)}
    tabindex="-1"
    ?hidden=${floating && !model.open}
    @keydown=${handlePanelKeydown}
  >
    <div class="layout">
      <div class="stage" part="stage">
        <tavus-video-stage
          class="media"
          exportparts="video, self-view, sound-button"
          .videoTrack=${showVideo ? model.replicaVideo : null}
          .audioTrack=${inCall ? model.replicaAudio : null}
          .selfTrack=${inCall ? model.selfVideo : null}
          .replicaName=${model.replicaName}
          .strings=${s}
        ></tavus-video-stage>
        ${
          model.poster && !showVideo
            ? html`<img class="poster" part="poster" src=${model.poster} alt="" />`
            : nothing
        }
        <div class="scrim" aria-hidden="true"></div>
        ${renderTopBar(model, handlers)} ${renderNotice(model, handlers)}
        <div class="center">
          ${
            model.state === 'connecting' || model.state === 'waiting'
              ? renderProgress(model)
              : nothing
          }
          <p
            class=${classMap({
              status: true,
              'visually-hidden': !['connecting', 'waiting', 'reconnecting'].includes(model.state),
            })}
            part="status"
            role="status"
          >
            ${status}
          </p>
        </div>
        ${
          model.captionsOn && model.caption && inCall
            ? html`<div class="captions" part="captions" aria-live="off">
                <span class="caption-text"
                  ><span class="caption-lines" dir="auto">${model.caption}</span></span
                >
              </div>`
            : nothing
        }
        ${renderScreen(model, handlers)} ${showControls ? renderControls(model, handlers) : nothing}
      </div>
      <tavus-chat-drawer
        id="chat"
        class="chat"
        part="chat"
        exportparts=${CHAT_EXPORT_PARTS}
        ?hidden=${!model.chatOpen}
        .open=${model.chatOpen}
        .messages=${model.messages}
        .strings=${s}
        .replicaName=${model.replicaName}
        .maxLength=${model.composerMaxLength}
        ?composer-disabled=${model.state !== 'connected'}
        @chat-send=${handleChatSend}
        @chat-close=${handleChatClose}
      >
        <slot name="empty" slot="empty">${s.transcriptEmpty}</slot>
      </tavus-chat-drawer>
    </div>
  </div>`;
}

function renderTopBar(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const floating = model.variant === 'floating';
  const showSpeaker =
    (model.state === 'connected' || model.state === 'reconnecting') && Boolean(model.replicaVideo);
  const handleClose = (event: Event) => {
    const root = rootOf(event.currentTarget as Element);
    handlers.setOpen(false);
    afterRender(root, () => focusIn(root, '.launcher'));
  };
  // The header slot (a logo, a title) stays in every state; the speaker sits after it in a call.
  return html`<div class="top-bar">
    <div class="top-start" part="header">
      <slot name="header"></slot>
      ${
        showSpeaker
          ? html`<div
              class=${classMap({ speaker: true, active: model.replicaSpeaking })}
              part="speaking-indicator"
              aria-hidden="true"
            >
              <span class="bars"><i></i><i></i><i></i><i></i></span>
              <span class="speaker-name">${model.replicaName.trim() || model.strings.replica}</span>
            </div>`
          : nothing
      }
    </div>
    ${
      floating
        ? html`<button
            class="minimize"
            part="minimize-button"
            type="button"
            aria-label=${model.strings.closePanel}
            @click=${handleClose}
          >
            ${icon('chevronDown')}
          </button>`
        : nothing
    }
  </div>`;
}

/** Camera or microphone not usable: say why, and offer the chat. Persistent live region. */
function renderNotice(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const text = CALL_STATES.has(model.state) ? mediaIssueText(model.strings, model.mediaIssue) : '';
  // The notice, and the button with it, goes away once the device works: focus first moves to
  // the control of the device being retried, which stays and tells the outcome (aria-pressed).
  const handleRetryDevices = (event: Event) => {
    const root = rootOf(event.currentTarget as Element);
    const control = model.cameraAvailable ? '#microphone-toggle' : '#camera-toggle';
    focusIn(root, control, '.panel');
    handlers.retryDevices();
  };
  return html`<div class="notice-region" role="status">
    ${
      text
        ? html`<div class="notice" part="notice">
            ${icon('alert')}
            <span class="notice-text">${text}</span>
            <span class="notice-actions">
              <button class="notice-action" type="button" @click=${handleRetryDevices}>
                ${model.strings.retryDevices}
              </button>
              ${
                model.chatOpen
                  ? nothing
                  : html`<button
                      class="notice-action"
                      type="button"
                      @click=${() => handlers.setChatOpen(true)}
                    >
                      ${model.strings.openChat}
                    </button>`
              }
            </span>
          </div>`
        : nothing
    }
  </div>`;
}

function renderProgress(model: ConversationViewModel) {
  if (model.poster && model.state === 'waiting') {
    return html`<div class="avatar-wait" aria-hidden="true">
      <img src=${model.poster} alt="" />
    </div>`;
  }
  return html`<div class="spinner" aria-hidden="true"></div>`;
}

/** The idle, ended and error screens, over the stage. */
function renderScreen(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  const act = (action: () => void) => (event: Event) => {
    // The button goes away with the screen: keep focus in the panel rather than lose it.
    focusIn(rootOf(event.currentTarget as Element), '.panel');
    action();
  };
  switch (model.state) {
    case 'idle':
      return html`<div
        class=${classMap({ screen: true, idle: true, 'with-poster': Boolean(model.poster) })}
        part="start-screen"
      >
        <div class="screen-content">
          ${
            model.poster
              ? nothing
              : html`<div class="hero-icon" aria-hidden="true">${icon('video')}</div>`
          }
          <p class="screen-title">${named(s, 'startTitle', model.replicaName)}</p>
          <p class="screen-text">${s.startHint}</p>
          <slot name="start" @click=${act(handlers.start)}>
            <button class="primary" part="start-button" type="button" data-autofocus>
              ${icon('video')}<span>${s.start}</span>
            </button>
          </slot>
        </div>
      </div>`;
    case 'ended':
      return html`<div class="screen card-screen ended" part="ended-screen">
        <div class="card">
          <div class="card-icon" aria-hidden="true">${icon('ended')}</div>
          <p class="screen-title" aria-hidden="true">${s.endedTitle}</p>
          <p class="screen-text">${endedText(s, model.endedReason, model.replicaName)}</p>
          <button
            class="primary"
            part="restart-button"
            type="button"
            data-autofocus
            @click=${act(handlers.start)}
          >
            ${icon('retry')}<span>${s.restart}</span>
          </button>
          ${
            model.messages.length > 0 && !model.chatOpen
              ? html`<button
                  class="secondary"
                  part="transcript-button"
                  type="button"
                  data-chat-opener
                  @click=${() => handlers.setChatOpen(true)}
                >
                  ${s.viewTranscript}
                </button>`
              : nothing
          }
        </div>
      </div>`;
    case 'error': {
      const line = errorText(s, model.error);
      // The element's own message says what to do (a status code, a reason from the server).
      const detail = model.error?.message.trim() ?? '';
      return html`<div class="screen card-screen error" part="error">
        <div class="card" role="alert">
          <div class="card-icon" aria-hidden="true">${icon('alert')}</div>
          <p class="screen-title">${s.errorTitle}</p>
          <p class="screen-text">${line}</p>
          ${
            detail && detail !== line.trim()
              ? html`<p class="screen-detail" part="error-detail" dir="auto">${detail}</p>`
              : nothing
          }
          <button
            class="primary"
            part="retry-button"
            type="button"
            data-autofocus
            @click=${act(handlers.retry)}
          >
            ${icon('retry')}<span>${s.retry}</span>
          </button>
        </div>
      </div>`;
    }
    default:
      return nothing;
  }
}

interface ToggleOptions {
  name: string;
  label: string;
  pressed: boolean;
  /** What pressing does now, shown as the tooltip. */
  action: string;
  iconName: IconName;
  /** Shown with the warning style (a device that is off). */
  off?: boolean;
  /** Shown with the accent when pressed (an option that is on). */
  accent?: boolean;
  /** Why the toggle cannot be used; it stays focusable so the reason can be read. */
  unavailable?: string;
  onClick: () => void;
}

function renderToggle(options: ToggleOptions) {
  const reasonId = `${options.name}-reason`;
  return html`<button
      id=${`${options.name}-toggle`}
      class=${classMap({
        control: true,
        off: Boolean(options.off),
        on: Boolean(options.accent) && options.pressed,
      })}
      part=${`control ${options.name}-button`}
      type="button"
      aria-label=${options.label}
      aria-pressed=${options.pressed ? 'true' : 'false'}
      aria-disabled=${ifDefined(options.unavailable ? 'true' : undefined)}
      aria-describedby=${ifDefined(options.unavailable ? reasonId : undefined)}
      @click=${() => {
        if (!options.unavailable) {
          options.onClick();
        }
      }}
    >
      ${icon(options.iconName)}
      <span class="tooltip" aria-hidden="true"
        >${options.unavailable || options.action}</span
      ></button
    >${
      options.unavailable
        ? html`<span id=${reasonId} class="visually-hidden">${options.unavailable}</span>`
        : nothing
    }`;
}

function renderControls(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  const issue = mediaIssueText(s, model.mediaIssue);
  const chatToggle = html`<button
    id="chat-toggle"
    class=${classMap({ control: true, on: model.chatOpen })}
    part="control chat-button"
    type="button"
    aria-label=${s.chat}
    aria-expanded=${model.chatOpen ? 'true' : 'false'}
    aria-controls="chat"
    @click=${() => handlers.setChatOpen(!model.chatOpen)}
  >
    ${icon('chat')}
    <span class="tooltip" aria-hidden="true">${model.chatOpen ? s.closeChat : s.openChat}</span>
  </button>`;

  const microphoneOn = model.microphoneOn && model.microphoneAvailable;
  const cameraOn = model.cameraOn && model.cameraAvailable;
  const handleEnd = (event: Event) => {
    focusIn(rootOf(event.currentTarget as Element), '.panel');
    handlers.end();
  };
  return html`<div class="controls" part="controls" role="group" aria-label=${s.controlsLabel}>
    ${renderToggle({
      name: 'microphone',
      label: s.microphone,
      pressed: microphoneOn,
      action: microphoneOn ? s.muteMicrophone : s.unmuteMicrophone,
      iconName: microphoneOn ? 'microphone' : 'microphoneOff',
      off: !microphoneOn,
      unavailable: model.microphoneAvailable ? undefined : issue || s.microphoneUnavailable,
      onClick: handlers.toggleMicrophone,
    })}
    ${renderToggle({
      name: 'camera',
      label: s.camera,
      pressed: cameraOn,
      action: cameraOn ? s.cameraOff : s.cameraOn,
      iconName: cameraOn ? 'camera' : 'cameraOff',
      off: !cameraOn,
      unavailable: model.cameraAvailable ? undefined : issue || s.cameraUnavailable,
      onClick: handlers.toggleCamera,
    })}
    ${renderToggle({
      name: 'captions',
      label: s.captions,
      pressed: model.captionsOn,
      action: model.captionsOn ? s.captionsOff : s.captionsOn,
      iconName: 'captions',
      accent: true,
      onClick: handlers.toggleCaptions,
    })}
    ${chatToggle}
    <button
      class="control end"
      part="control end-button"
      type="button"
      aria-label=${s.end}
      @click=${handleEnd}
    >
      ${icon('end')}
      <span class="tooltip" aria-hidden="true">${s.end}</span>
    </button>
  </div>`;
}

function renderLauncher(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const live = CALL_STATES.has(model.state);
  const handleClick = (event: Event) => {
    const root = rootOf(event.currentTarget as Element);
    const open = !model.open;
    handlers.setOpen(open);
    if (open) {
      afterRender(root, () => focusIn(root, '.panel [data-autofocus]', '.panel'));
    }
  };
  return html`<button
    class=${classMap({ launcher: true, open: model.open, live, 'with-poster': !!model.poster })}
    part="launcher"
    type="button"
    aria-label=${named(model.strings, 'panelLabel', model.replicaName)}
    aria-expanded=${model.open ? 'true' : 'false'}
    aria-controls="panel"
    @click=${handleClick}
  >
    <span class="launcher-face" aria-hidden="true">
      ${model.poster ? html`<img src=${model.poster} alt="" />` : icon('video')}
    </span>
    <span class="launcher-close" aria-hidden="true">${icon('chevronDown')}</span>
    <span class="launcher-tip" aria-hidden="true"
      >${model.open ? model.strings.closePanel : model.strings.openPanel}</span
    >
    ${live ? html`<span class="live-dot" aria-hidden="true"></span>` : nothing}
  </button>`;
}

function rootOf(element: Element): ShadowRoot | Document {
  return element.getRootNode() as ShadowRoot | Document;
}

/** Runs after the element re-rendered (handlers update its properties synchronously). */
function afterRender(root: ShadowRoot | Document, callback: () => void): void {
  const host = root instanceof ShadowRoot ? (root.host as Partial<ReactiveElement>) : undefined;
  const done = host?.updateComplete ?? Promise.resolve(true);
  void done.then(() => callback());
}

/** Focuses the first selector that matches a visible element. */
function focusIn(root: ShadowRoot | Document, ...selectors: string[]): void {
  for (const selector of selectors) {
    const target = root.querySelector<HTMLElement>(selector);
    if (target && target.getClientRects().length > 0) {
      target.focus();
      return;
    }
  }
}
