import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { named } from '../../../translations/lookup.js';
import type { ChatSendDetail } from '../../chat-drawer/chat-drawer.js';
import type { ConversationState } from '../../../state/conversation-state.js';
import type { TavusStrings } from '../../../translations/en.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { inCall, showsVideo } from './call-phase.js';
import { focusMovesOf } from './focus-moves.js';
import { renderStage } from './stage.js';

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
 * The panel: the stage and the chat drawer, beside it in a wide element or over it as a sheet.
 * Inline it is a region of the page; floating it is a dialog that Escape collapses.
 * @internal
 */
export function renderPanel(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const floating = model.variant === 'floating';

  const handleKeydown = (event: KeyboardEvent) => {
    // The chat drawer takes an Escape pressed in it (and prevents its default): it closes first.
    if (!floating || event.key !== 'Escape' || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    handlers.setOpen(false);
    focusMovesOf(event).panelClosed();
  };

  return html`<div
    id="panel"
    class=${classMap({
      panel: true,
      floating,
      inline: !floating,
      'chat-open': model.chatOpen,
      'has-video': showsVideo(model),
      'has-controls': inCall(model.state),
      // A screen with an action (start, join, restart, retry): the chat sheet must leave it room.
      'has-screen': !inCall(model.state),
      speaking: model.replicaSpeaking && model.state === 'connected',
    })}
    part="panel"
    data-state=${model.state}
    role=${floating ? 'dialog' : 'region'}
    aria-label=${named(model.strings, 'panelLabel', model.replicaName)}
    tabindex="-1"
    ?hidden=${floating && !model.open}
    @keydown=${handleKeydown}
  >
    <div class="layout">${renderStage(model, handlers)} ${renderChat(model, handlers)}</div>
  </div>`;
}

/** The chat drawer: transcript and composer, in the same shadow root as its toggle. */
function renderChat(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const handleSend = (event: CustomEvent<ChatSendDetail>) => handlers.send(event.detail.text);
  const handleClose = (event: Event) => {
    handlers.setChatOpen(false);
    focusMovesOf(event).chatClosed();
  };
  const canSend = model.state === 'connected';
  return html`<tavus-chat-drawer
    id="chat"
    class="chat"
    part="chat"
    exportparts=${CHAT_EXPORT_PARTS}
    ?hidden=${!model.chatOpen}
    .open=${model.chatOpen}
    .messages=${model.messages}
    .strings=${model.strings}
    .replicaName=${model.replicaName}
    .maxLength=${model.composerMaxLength}
    .composerReason=${composerReason(model.strings, model.state, model.replicaName)}
    ?composer-disabled=${!canSend}
    @chat-send=${handleSend}
    @chat-close=${handleClose}
  >
    <slot name="empty" slot="empty"
      >${canSend ? model.strings.transcriptEmpty : model.strings.transcriptEmptyInactive}</slot
    >
  </tavus-chat-drawer>`;
}

/** Why the composer cannot send in `state`, and so what the visitor can do ('' when it can). */
function composerReason(strings: TavusStrings, state: ConversationState, replicaName: string) {
  switch (state) {
    case 'connected':
      return '';
    case 'idle':
      return strings.composerDisabledIdle;
    case 'checking':
    case 'connecting':
    case 'waiting':
      return named(strings, 'composerDisabledJoining', replicaName);
    case 'reconnecting':
      return strings.composerDisabledReconnecting;
    case 'ended':
      return strings.composerDisabledEnded;
    case 'error':
      return strings.composerDisabledError;
  }
}
