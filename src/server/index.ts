/**
 * `tavus-conversation/server`: the conversation endpoint the element's `conversation-endpoint`
 * talks to, for any server that runs web-standard handlers or Node's http. No dependencies.
 */
export { createConversationHandler } from './handler.js';
export type { ConversationHandler, RequestContext } from './handler.js';
export type { ConversationEndpointOptions, HookContext } from './options.js';
export { toExpressMiddleware, toNodeHandler } from './node.js';
export type { NodeRequest, NodeResponse } from './node.js';
export { DEFAULT_PROPERTIES } from './conversation-request.js';
export type { ConversationSettings } from './conversation-request.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { EndpointLimits, RateWindow } from './limits.js';
export { MemoryStore } from './store.js';
export type { LimitStore } from './store.js';
export { RedisStore } from './redis-store.js';
export type { RedisEvalClient } from './redis-store.js';
export type { AllowedOrigins } from './origin.js';
export type { Clock } from './clock.js';
export { ENDPOINT_ERRORS } from './errors.js';
export type { EndpointErrorCode } from './errors.js';
