/**
 * tavus-conversation: importing this module registers `<tavus-conversation>`.
 * The protocol core is re-exported for typed event details and custom integrations.
 */
export {
  TavusConversation,
  type SensitivityLevel,
} from './components/conversation/conversation.js';
export type { ToolHandler, ToolHandlers } from './controllers/conversation-session.js';
export type {
  ConversationState,
  EndedReason,
  FailureCode,
  MediaIssue,
  NetworkQuality,
  ProblemCode,
  TavusErrorCode,
  TavusErrorInfo,
} from './state/conversation-state.js';
export type { ChosenDevices } from './state/devices.js';
export type {
  CallFactory,
  CallFactoryOptions,
  DailyCallLike,
  ParticipantLike,
  TrackStateLike,
} from './call/daily-like.js';
export { TavusStateChangeEvent, type TavusStateChangeDetail } from './events/state-change-event.js';
export { TavusErrorEvent } from './events/error-event.js';
export { TavusSendEvent, type TavusSendDetail } from './events/send-event.js';
export { TavusTimeWarningEvent, type TavusTimeWarningDetail } from './events/time-warning-event.js';
export { TavusMetricsEvent, type TavusMetricsDetail } from './events/metrics-event.js';
export type { TavusProtocolEvent } from './events/tavus-protocol-event.js';
export type { TavusConversationEventMap } from './events/event-map.js';
export { EN_STRINGS, type TavusStrings } from './translations/en.js';
export * from './protocol/index.js';
