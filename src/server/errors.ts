/**
 * Every refusal the endpoint gives: an HTTP status and a stable code, with a fixed message. No
 * message is built from what a caller or Tavus sent, so none can carry a secret or echo input.
 */
export const ENDPOINT_ERRORS = {
  'origin-not-allowed': [403, 'This origin may not use the conversation endpoint.'],
  forbidden: [403, 'This request is not allowed.'],
  'verification-failed': [403, 'The verification of this request failed.'],
  'not-found': [404, 'There is nothing here.'],
  'method-not-allowed': [405, 'Use POST.'],
  'body-timeout': [408, 'The request body took too long to arrive.'],
  'body-too-large': [413, 'The request body is too large.'],
  'unsupported-media-type': [415, 'Send the body as application/json.'],
  'invalid-json': [400, 'The request body must be a JSON object.'],
  'invalid-choice': [400, 'This site does not offer what the request asked for.'],
  'rate-limited': [429, 'Too many requests from this client. Try again later.'],
  'too-many-conversations': [429, 'Too many conversations are running. Try again later.'],
  'request-aborted': [499, 'The request was cancelled.'],
  'internal-error': [500, 'The conversation endpoint failed.'],
  'tavus-unauthorized': [502, 'The conversation service is not configured correctly.'],
  'tavus-rejected': [502, 'The conversation service refused the request.'],
  'tavus-unavailable': [502, 'The conversation service is unavailable.'],
  'tavus-unreachable': [502, 'The conversation service could not be reached.'],
  'bad-upstream-response': [502, 'The conversation service answered in an unexpected way.'],
  'tavus-busy': [503, 'The conversation service is busy. Try again later.'],
  'tavus-timeout': [504, 'The conversation service did not answer in time.'],
} as const satisfies Record<string, readonly [number, string]>;

export type EndpointErrorCode = keyof typeof ENDPOINT_ERRORS;

export class EndpointError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** For the log only (a status number, a hook's name): never sent to the caller. */
  readonly detail: string;

  constructor(
    readonly code: EndpointErrorCode,
    options: { retryAfterSeconds?: number; detail?: string } = {},
  ) {
    super(ENDPOINT_ERRORS[code][1]);
    this.name = 'EndpointError';
    this.status = ENDPOINT_ERRORS[code][0];
    this.headers =
      options.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(Math.max(1, Math.ceil(options.retryAfterSeconds))) };
    this.detail = options.detail ?? '';
  }
}
