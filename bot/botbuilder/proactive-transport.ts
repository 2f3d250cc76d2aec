/**
 * The ProactiveTransport over botbuilder's CloudAdapter. Each call opens a proactive turn with
 * `continueConversationAsync` and does its one send or update inside it; the TurnContext never
 * leaves the callback (botbuilder revokes it when the turn ends).
 *
 * Three things botbuilder does that a paced sender must not inherit:
 * 1. Hidden retries. Every ConnectorClient is built on @azure/core-client, whose default pipeline
 *    has `defaultRetryPolicy` (@azure/core-rest-pipeline createPipelineFromOptions.js, strategies in
 *    @typespec/ts-http-runtime retryStrategies/): up to 3 retries of 429/503 after Retry-After,
 *    of 5xx/408 and of network errors such as ECONNRESET — POSTs included, so a send whose answer
 *    was lost is posted again. Those retries bypass our pacing and hide 429s from it, so the
 *    policy is removed from the turn's connector client; retrying is the sender's job.
 * 2. Errors inside the turn go to `adapter.onTurnError` when one is set (botbuilder-core
 *    botAdapter.js runMiddleware), which would swallow them and may message the user. The send
 *    is caught inside the callback and rethrown after the turn, as a SendError.
 * 3. The continuation activity gets a random id (botframework-schema activityEx.js
 *    getContinuationActivity), which TurnContext copies into `replyToId`, so a plain
 *    sendActivity becomes replyToActivity — `POST …/activities/{random id}` (botbuilder-core
 *    cloudAdapterBase.js sendActivities). The bogus replyToId is dropped so a proactive message is
 *    the documented `POST /v3/conversations/{id}/activities`.
 */
import { ActivityTypes, type Activity, type ChannelAccount, type CloudAdapter, type ConversationAccount, type ConversationReference as BotConversationReference, type TurnContext } from 'botbuilder';
import type { ConversationReference } from '../../core/model/conversation.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type OutboundActivity, type ProactiveTransport } from '../sending/outbound.js';
import { isBlockedAnswer, parseRetryAfter, readConnectorErrorBody, SendError, wasNotSent } from '../sending/send-error.js';

export interface ProactiveTransportOptions {
  /** Told (once) when botbuilder's own retry policy could not be found to remove. Default: console.warn. */
  warn?: (message: string) => void;
}

/** The name @azure/core-rest-pipeline gives its retry policy. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface PipelineLike {
  removePolicy(options: { name: string }): unknown[];
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function isPipeline(value: unknown): value is PipelineLike {
  return typeof field(value, 'removePolicy') === 'function';
}

/**
 * botbuilder's types want fields the channel does not always send (isGroup, name); it reads only
 * what a stored reference has. The rest of the stored reference is passed through untouched.
 */
function toBotReference(reference: ConversationReference): Partial<BotConversationReference> {
  return {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    ...(reference.locale === undefined ? {} : { locale: reference.locale }),
    conversation: { ...reference.conversation } as unknown as ConversationAccount,
    bot: { ...reference.bot } as unknown as ChannelAccount,
    ...(reference.user === undefined ? {} : { user: { ...reference.user } as unknown as ChannelAccount }),
  };
}

export function toBotActivity(activity: OutboundActivity): Partial<Activity> {
  const result: Partial<Activity> = { type: ActivityTypes.Message };
  if (activity.text !== undefined) result.text = activity.text;
  if (activity.summary !== undefined) result.summary = activity.summary;
  if (activity.card !== undefined) result.attachments = [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: activity.card }];
  return result;
}

/**
 * Reads what botbuilder threw. HTTP failures are @azure/core-rest-pipeline RestErrors
 * (@azure/core-client deserializationPolicy.js handleErrorResponse): `statusCode`, `code` (the
 * connector's error.code when the body had one), and `response` with `headers.get()` and the raw
 * `bodyAsText`. Network failures are RestErrors without a status whose `code` is the system
 * error's (ECONNREFUSED, ECONNRESET; nodeHttpClient.js).
 */
export function toSendError(error: unknown, operation: string, reachedNetwork: boolean): SendError {
  if (error instanceof SendError) return error;
  const statusCode = field(error, 'statusCode');
  const status = typeof statusCode === 'number' ? statusCode : 0;
  const rawCode = field(error, 'code');
  const errorCode = typeof rawCode === 'string' ? rawCode : undefined;
  const response = field(error, 'response');
  const headers = field(response, 'headers');
  const get = field(headers, 'get');
  const retryAfterHeader = typeof get === 'function' ? (get as (this: unknown, name: string) => unknown).call(headers, 'retry-after') : undefined;
  const bodyText = field(response, 'bodyAsText');
  const body = readConnectorErrorBody(typeof bodyText === 'string' ? bodyText : undefined);
  const fallback = error instanceof Error ? error.message : String(error);
  const message = `${operation}: ${body.message ?? fallback}`;
  return new SendError(
    message,
    {
      status,
      code: body.code ?? body.subCode ?? errorCode,
      retryAfterMs: parseRetryAfter(typeof retryAfterHeader === 'string' ? retryAfterHeader : undefined, Date.now()),
      blocked: isBlockedAnswer(status, body),
      outcomeUnknown: reachedNetwork && status === 0 && !wasNotSent(errorCode),
    },
    { cause: error },
  );
}

export function createProactiveTransport(adapter: CloudAdapter, appId: string, options: ProactiveTransportOptions = {}): ProactiveTransport {
  const warn = options.warn ?? ((message: string) => { console.warn(message); });
  let warned = false;

  /** Removes the connector client's retry policy for this turn (a new client is built per turn). */
  function withoutSdkRetries(context: TurnContext): void {
    const connector: unknown = context.turnState.get(adapter.ConnectorClientKey);
    // ConnectorClient extends ServiceClientContext, whose private `client` is core-client's ServiceClient.
    const pipeline = field(field(connector, 'client'), 'pipeline');
    const removed = isPipeline(pipeline) ? pipeline.removePolicy({ name: SDK_RETRY_POLICY }).length : 0;
    if (removed === 0 && !warned) {
      warned = true;
      warn(`proactive transport: botbuilder's "${SDK_RETRY_POLICY}" was not found on the connector client, so botbuilder may retry sends itself (hidden from pacing, and possibly posting a message twice)`);
    }
  }

  async function inTurn<T>(reference: ConversationReference, operation: string, work: (context: TurnContext) => Promise<T>): Promise<T> {
    const box: { outcome?: Outcome<T> } = {};
    try {
      await adapter.continueConversationAsync(appId, toBotReference(reference), async (context) => {
        withoutSdkRetries(context);
        try {
          box.outcome = { ok: true, value: await work(context) };
        } catch (error) {
          box.outcome = { ok: false, error };
        }
      });
    } catch (error) {
      // Before the send: building the connector or getting a token. Nothing was posted.
      throw toSendError(error, operation, false);
    }
    const { outcome } = box;
    if (outcome === undefined) throw new SendError(`${operation}: botbuilder did not run the turn`, { status: 0, code: 'TURN_NOT_RUN' });
    if (!outcome.ok) throw toSendError(outcome.error, operation, true);
    return outcome.value;
  }

  return {
    send(reference, activity) {
      return inTurn(reference, `sending to conversation ${reference.conversation.id}`, async (context) => {
        context.onSendActivities(async (_context, activities, next) => {
          for (const outgoing of activities) delete outgoing.replyToId;
          return next();
        });
        const response = await context.sendActivity(toBotActivity(activity));
        return { id: response?.id ?? '' };
      });
    },

    update(reference, activityId, activity) {
      return inTurn(reference, `updating activity ${activityId} in conversation ${reference.conversation.id}`, async (context) => {
        context.onUpdateActivity(async (_context, outgoing, next) => {
          delete outgoing.replyToId;
          await next();
        });
        const response = await context.updateActivity({ ...toBotActivity(activity), id: activityId });
        return { id: response?.id ?? activityId };
      });
    },
  };
}
