/**
 * The CDN entry (`dist/cdn/tavus-conversation.js`): registers `<tavus-conversation>` and exports
 * the element and its event classes. The conversation engine and daily-js are separate chunks
 * fetched when a conversation starts. For the protocol helpers, use the npm package's
 * `tavus-conversation/protocol` entry.
 */
export {
  TavusConversation,
  type SensitivityLevel,
} from './components/conversation/conversation.js';
export { TavusStateChangeEvent } from './events/state-change-event.js';
export { TavusErrorEvent } from './events/error-event.js';
export { TavusSendEvent } from './events/send-event.js';
export { EN_STRINGS } from './translations/en.js';
