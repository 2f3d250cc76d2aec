import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { GraphError, type GraphOutcome } from './graph-error.js';
import { decideRetry, type AttemptResult, type Method, type RetryPolicy } from './retry-policy.js';
import { tokenError, type TokenSource } from './token-source.js';

/**
 * The behaviours of our Graph pipeline, each a small middleware for the SDK's chain
 * (Client.initWithMiddleware): capture → auth → retry → timeout → the SDK's HTTPMessageHandler.
 * We do not use the SDK's RetryHandler: it repeats POSTs, which can duplicate list items.
 */

/** One request's state, handed to the middleware through the SDK's per-request options. */
export class RequestState implements MiddlewareOptions {
  /** What a middleware threw: the SDK wraps thrown errors in its own type, so we keep ours here. */
  failure: unknown = undefined;
  /** The last Retry-After we were given, when we stopped retrying. */
  retryAfterMs: number | null = null;

  constructor(
    readonly method: Method,
    readonly path: string,
    readonly clientRequestId: string,
  ) {}
}

/** What one attempt did, for telemetry. Carries no headers and no body. */
export interface RequestEvent {
  method: Method;
  path: string;
  attempt: number;
  /** 0 when no response arrived. */
  status: number;
  durationMs: number;
  clientRequestId: string;
  requestId: string | null;
  error?: 'networkError' | 'timeout';
}

/** Builds a middleware from one function of the context and the next middleware. */
export function behavior(name: string, run: (context: Context, next: Middleware) => Promise<void>): Middleware {
  let next: Middleware | undefined;
  return {
    execute: (context) => {
      if (!next) throw new Error(`Graph middleware "${name}" has nothing after it`);
      return run(context, next);
    },
    setNext: (middleware) => {
      next = middleware;
    },
  };
}

export function requestState(context: Context): RequestState {
  const state = context.middlewareControl?.getMiddlewareOptions(RequestState);
  if (!(state instanceof RequestState)) throw new Error('Graph request sent without its RequestState');
  return state;
}

/** First in the chain: remembers what went wrong below, before the SDK re-wraps it. */
export function captureErrors(): Middleware {
  return behavior('captureErrors', async (context, next) => {
    try {
      await next.execute(context);
    } catch (error) {
      requestState(context).failure = error;
      throw error;
    }
  });
}

/** Adds `Authorization: Bearer …` from the token source. */
export function authenticate(tokens: TokenSource): Middleware {
  return behavior('authenticate', async (context, next) => {
    const token = await tokens.getToken().catch((error: unknown) => {
      throw tokenError(error);
    });
    setHeader(context, 'Authorization', `Bearer ${token}`);
    await next.execute(context);
  });
}

/** Repeats an attempt while the retry policy says so, waiting as it says. */
export function retry(policy: RetryPolicy, onRequest?: (event: RequestEvent) => void): Middleware {
  return behavior('retry', async (context, next) => {
    const state = requestState(context);
    const hasIfMatch = getHeader(context, 'if-match') !== null;
    let waitedMs = 0;
    for (let attempt = 0; ; attempt += 1) {
      context.response = undefined;
      const started = performance.now();
      let result: AttemptResult;
      let failure: GraphError | null = null;
      try {
        await next.execute(context);
        const response = responseOf(context);
        result = { kind: 'response', status: response.status, retryAfter: response.headers.get('retry-after') };
      } catch (error) {
        failure = transportError(state, error);
        result = { kind: failure.code === 'timeout' ? 'timeout' : 'network' };
      }
      onRequest?.(attemptEvent(state, context, attempt, result, performance.now() - started));
      if (result.kind === 'response' && result.status < 400) return;
      const decision = decideRetry(policy, { method: state.method, hasIfMatch, result, attempt, waitedMs });
      if (!decision.retry) {
        state.retryAfterMs = decision.retryAfterMs;
        if (failure) throw failure;
        return;
      }
      waitedMs += decision.delayMs;
      await policy.sleep(decision.delayMs);
    }
  });
}

/** Aborts an attempt after `timeoutMs`, and reads the whole body within that time. */
export function timeout(timeoutMs: number): Middleware {
  return behavior('timeout', async (context, next) => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
    context.options = { ...context.options, signal: controller.signal };
    try {
      await next.execute(context);
      context.response = await buffered(responseOf(context));
    } catch (error) {
      if (controller.signal.aborted) throw new AttemptTimeout(timeoutMs, error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  });
}

class AttemptTimeout extends Error {
  constructor(
    readonly timeoutMs: number,
    cause: unknown,
  ) {
    super(`no complete answer within ${timeoutMs} ms`, { cause });
    this.name = 'AttemptTimeout';
  }
}

/** A dropped connection or a timeout, as a GraphError whose outcome depends on the method. */
function transportError(state: RequestState, error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const where = `${state.method} ${state.path.split('?')[0] ?? ''}`;
  const outcome: GraphOutcome = state.method === 'GET' || causeCode(error) === 'ECONNREFUSED' ? 'not-applied' : 'unknown';
  if (error instanceof AttemptTimeout) {
    return new GraphError({ status: 0, code: 'timeout', message: `${where}: Graph gave no complete answer within ${error.timeoutMs} ms`, outcome, cause: error });
  }
  return new GraphError({ status: 0, code: 'networkError', message: `${where}: the connection to Graph failed (${causeCode(error) ?? 'no response'})`, outcome, cause: error });
}

function causeCode(error: unknown): string | null {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return null;
}

function attemptEvent(state: RequestState, context: Context, attempt: number, result: AttemptResult, durationMs: number): RequestEvent {
  const base = { method: state.method, path: state.path, attempt, durationMs: Math.round(durationMs), clientRequestId: state.clientRequestId };
  if (result.kind !== 'response') return { ...base, status: 0, requestId: null, error: result.kind === 'timeout' ? 'timeout' : 'networkError' };
  return { ...base, status: result.status, requestId: context.response?.headers.get('request-id') ?? null };
}

function responseOf(context: Context): Response {
  if (!context.response) throw new Error('Graph middleware chain produced no response');
  return context.response;
}

async function buffered(response: Response): Promise<Response> {
  const text = await response.text();
  return new Response(text === '' ? null : text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function setHeader(context: Context, name: string, value: string): void {
  const headers = new Headers(context.options?.headers);
  headers.set(name, value);
  context.options = { ...context.options, headers: Object.fromEntries(headers) };
}

function getHeader(context: Context, name: string): string | null {
  return new Headers(context.options?.headers).get(name);
}
