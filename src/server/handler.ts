import { readJsonBody, checkBodyHeaders } from './body.js';
import { clientKey } from './client-ip.js';
import { buildCreateBody } from './conversation-request.js';
import { createEndTokens } from './end-token.js';
import { ENDPOINT_ERRORS, EndpointError } from './errors.js';
import { Limiter } from './limits.js';
import { resolveOptions, type ConversationEndpointOptions, type HookContext } from './options.js';
import { corsHeaders, createOriginCheck, preflightHeaders } from './origin.js';
import { createRedactor } from './redact.js';
import { matchRoute, type Route } from './route.js';
import { CONVERSATION_ID, createTavusClient } from './tavus-client.js';

/** What an adapter knows about a request that a web Request does not carry. */
export interface RequestContext {
  /** The client's address as the platform reports it (socket, `cf-connecting-ip`…). */
  clientIp?: string;
}

/** A web-standard handler: Next.js route handlers, Cloudflare Workers, Deno, Bun, Node adapters. */
export interface ConversationHandler {
  (request: Request, context?: RequestContext): Promise<Response>;
  /** Whether `url` (a URL or a path) is one of the endpoint's routes. */
  handles(url: string): boolean;
}

/** A slot stays taken this long after a conversation's own limit, in case Tavus runs late. */
const HOLD_MARGIN_SECONDS = 60;

/** What one request's log line says beyond its status. */
interface Outcome {
  code?: string;
  detail?: string;
  conversationId?: string;
}

/**
 * The conversation endpoint: `POST <basePath>` creates a private conversation with the server's
 * settings and answers `{conversation_url, conversation_id, meeting_token, end_token,
 * max_call_duration}`; `POST <basePath>/<id>/end` with `{"end_token"}` ends it. See the README's
 * security section for what each check defends.
 */
export function createConversationHandler(
  options: ConversationEndpointOptions,
): ConversationHandler {
  const config = resolveOptions(options);
  const { clock, limits } = config;
  const redact = createRedactor([config.apiKey, config.endTokenSecret]);
  const tokens = createEndTokens(config.endTokenSecret);
  const tavus = createTavusClient({
    apiKey: config.apiKey,
    apiUrl: config.apiUrl,
    timeoutMs: limits.upstreamTimeoutMs,
    fetch: config.fetch,
    clock,
  });
  const limiter = new Limiter(config.store, limits, clock);
  const originAllowed = createOriginCheck(config.allowedOrigins);
  const write = (line: string) => {
    try {
      config.log?.(redact(line));
    } catch {
      // A failing logger never fails a request.
    }
  };

  /** Runs a site hook; whatever it throws is logged by name only and answered 500. */
  async function hook<T>(name: string, run: () => T | Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new EndpointError('internal-error', {
        detail: `${name} hook threw ${errorName(error)}`,
      });
    }
  }

  async function create(
    request: Request,
    body: Record<string, unknown>,
    context: HookContext,
    outcome: Outcome,
  ): Promise<Record<string, unknown>> {
    const choice = config.choose
      ? await hook('choose', () => config.choose!(body, request, context))
      : undefined;
    if (choice === null) throw new EndpointError('invalid-choice');
    if (config.verify) {
      const verified = await hook('verify', () => config.verify!(request, body, context));
      if (verified !== true) throw new EndpointError('verification-failed');
    }
    const { body: tavusBody, maxCallDuration } = buildCreateBody(config.conversation, choice);
    if (request.signal.aborted) throw new EndpointError('request-aborted');
    await limiter.reserve(context.requestId);
    let created;
    try {
      created = await tavus.create(tavusBody);
    } catch (error) {
      await limiter.cancel(context.requestId);
      throw error;
    }
    outcome.conversationId = created.conversationId;
    if (request.signal.aborted) {
      // Nobody will ever hold this conversation's URL: end it before it is billed any further.
      await limiter.cancel(context.requestId);
      await endAbandoned(created.conversationId, context.requestId);
      throw new EndpointError('request-aborted', { detail: 'created after the client left' });
    }
    await limiter.confirm(
      context.requestId,
      created.conversationId,
      maxCallDuration + HOLD_MARGIN_SECONDS,
    );
    return {
      conversation_url: created.conversationUrl,
      conversation_id: created.conversationId,
      ...(created.meetingToken ? { meeting_token: created.meetingToken } : {}),
      end_token: await tokens.sign(created.conversationId),
      max_call_duration: maxCallDuration,
    };
  }

  async function endAbandoned(conversationId: string, requestId: string): Promise<void> {
    try {
      await tavus.end(conversationId);
      await limiter.ended(conversationId);
      write(`[tavus-conversation] ${requestId} ended abandoned conversation=${conversationId}`);
    } catch (error) {
      write(
        `[tavus-conversation] ${requestId} could not end abandoned conversation=${conversationId} ${errorName(error)}`,
      );
    }
  }

  async function end(
    conversationId: string,
    body: Record<string, unknown>,
    outcome: Outcome,
  ): Promise<Record<string, unknown>> {
    // One answer for a bad id, an unknown id and a wrong token: none tells what exists.
    const valid = CONVERSATION_ID.test(conversationId);
    if (valid) outcome.conversationId = conversationId;
    if (!valid || !(await tokens.verify(conversationId, body['end_token']))) {
      throw new EndpointError('forbidden', { detail: 'end token refused' });
    }
    try {
      await tavus.end(conversationId);
    } catch (error) {
      // Tavus no longer knows it, or refuses because it is over: its slot is free either way.
      if (error instanceof EndpointError && ['not-found', 'tavus-rejected'].includes(error.code)) {
        await limiter.ended(conversationId);
      }
      throw error;
    }
    await limiter.ended(conversationId);
    return { conversation_id: conversationId, status: 'ended' };
  }

  async function route(
    request: Request,
    route: Route,
    context: HookContext,
    outcome: Outcome,
  ): Promise<Record<string, unknown>> {
    checkBodyHeaders(request.headers, limits.maxBodyBytes);
    await limiter.count(route.action, context.clientIp);
    const body = await readJsonBody(request, {
      maxBytes: limits.maxBodyBytes,
      timeoutMs: limits.bodyTimeoutMs,
      clock,
    });
    return route.action === 'create'
      ? create(request, body, context, outcome)
      : end(route.conversationId, body, outcome);
  }

  const handler = async (request: Request, requestContext: RequestContext = {}) => {
    const started = clock.now();
    const requestId = newRequestId();
    const matched = matchRoute(request.url, config.basePath);
    const origin = request.headers.get('origin');
    const allowed = originAllowed(origin);
    const outcome: Outcome = {};
    let status = 200;
    let headers: Record<string, string> = allowed && origin ? corsHeaders(origin) : {};
    let payload: Record<string, unknown> | null;
    try {
      if (!matched) throw new EndpointError('not-found');
      if (request.method === 'OPTIONS') {
        if (!allowed || !origin) throw new EndpointError('origin-not-allowed');
        status = 204;
        headers = preflightHeaders(origin);
        payload = null;
      } else {
        if (request.method !== 'POST') throw new EndpointError('method-not-allowed');
        // Before anything else: another site's page learns nothing and costs nothing.
        if (!allowed) throw new EndpointError('origin-not-allowed');
        const clientIp = clientKey(config.clientIp?.(request) ?? requestContext.clientIp);
        payload = await route(request, matched, { clientIp, requestId }, outcome);
      }
    } catch (error) {
      const failure = error instanceof EndpointError ? error : unexpected(error);
      status = failure.status;
      outcome.code = failure.code;
      outcome.detail = failure.detail;
      headers = {
        ...headers,
        ...failure.headers,
        ...(failure.code === 'method-not-allowed' ? { allow: 'POST, OPTIONS' } : {}),
      };
      payload = {
        error: {
          code: failure.code,
          message: ENDPOINT_ERRORS[failure.code][1],
          request_id: requestId,
        },
      };
    }
    write(
      [
        `[tavus-conversation] ${requestId} ${methodLabel(request.method)} ${matched?.label ?? '-'} ${status}`,
        outcome.code,
        outcome.conversationId && `conversation=${outcome.conversationId}`,
        outcome.detail && `(${outcome.detail})`,
        `${clock.now() - started} ms`,
      ]
        .filter(Boolean)
        .join(' '),
    );
    return new Response(payload === null ? null : redact(JSON.stringify(payload)), {
      status,
      headers: {
        ...(payload === null ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-request-id': requestId,
        ...headers,
      },
    });
  };
  return Object.assign(handler, {
    handles: (url: string) => matchRoute(url, config.basePath) !== null,
  });
}

function unexpected(error: unknown): EndpointError {
  return new EndpointError('internal-error', { detail: `unexpected ${errorName(error)}` });
}

/** An error's class name only: its message may carry anything, a secret included. */
function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  return /^[A-Za-z]{1,40}$/.test(name) ? name : 'error';
}

/** The method for the log, never more than a short word. */
function methodLabel(method: string): string {
  return /^[A-Z]{1,10}$/.test(method) ? method : 'OTHER';
}

function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
