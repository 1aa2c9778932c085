import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import type { TavusStrings } from '../../translations/en.js';

/**
 * One transcript message as a list item: a bubble with the sender's name over the first of a
 * run, typing dots while a reply has no text yet, and a mark under a reply that was cut short.
 * Text is always bound as text, never parsed as HTML. `data-id` lets the scroll pin find it again.
 * @internal
 */
export function renderMessage(
  message: TranscriptMessage,
  previous: TranscriptMessage | undefined,
  strings: TavusStrings,
  replicaName: string,
): TemplateResult {
  const isUser = message.role === 'user';
  const sender = isUser ? strings.you : replicaName.trim() || strings.replica;
  const firstOfRun = previous?.role !== message.role;
  const streaming = !message.final;
  // While a reply streams in, its text changes many times a second; screen readers get it
  // once, complete, when the final text replaces the streaming node.
  const text = streaming
    ? html`<span class="text" dir="auto" aria-hidden="true">${message.text}</span>${
          message.text
            ? nothing
            : html`<span class="typing" aria-hidden="true"><i></i><i></i><i></i></span>`
        }`
    : html`<span class="visually-hidden">${sender}: </span
        ><span class="text" dir="auto">${message.text}</span>`;
  return html`<li
    class=${classMap({
      message: true,
      user: isUser,
      replica: !isUser,
      first: firstOfRun,
      streaming,
      interrupted: message.interrupted,
    })}
    part=${isUser ? 'message message-user' : 'message message-replica'}
    data-id=${message.id}
  >
    ${firstOfRun ? html`<div class="sender" aria-hidden="true">${sender}</div>` : nothing}
    <div class="bubble">${text}</div>
    ${
      message.interrupted
        ? html`<div class="interrupted-mark" part="interrupted">${strings.interrupted}</div>`
        : nothing
    }
  </li>`;
}
