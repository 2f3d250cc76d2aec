import { z } from 'zod';
import { updateRight } from '../../core/updates/permissions.js';
import { awaitRepeat, recordSubmission } from '../../core/updates/record-submission.js';
import { UpdateRequest } from '../../core/views/tab-api.js';
import { StoreError } from '../../store/store-error.js';
import { ApiError, forbidden } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { parseInput } from '../parse-input.js';
import { actionId, loadContext, loadDetail, viewerOf } from './actions.js';

/** The client's key is checked here; the inputs themselves go through the card's rules (422 per input). */
const Envelope = z.looseObject({ clientKey: UpdateRequest.shape.clientKey });

/**
 * POST /api/actions/:actionId/updates — a progress update from the tab, with exactly the card's
 * rules (core/updates). The client's key, scoped by action and door, is the update's idempotency
 * key: a double click records one update and both answers show it.
 */
export async function submitUpdate({ store, params, caller, request, deps }: RouteContext): Promise<ApiResponse> {
  const { clientKey, ...inputs } = parseInput(Envelope, request.body, 'The update');
  const context = await loadContext(store, actionId(params));
  if (updateRight(caller.aadObjectId, context.action, context.plan, await store.listRoles()) === null) {
    throw forbidden('Only the action\'s lead, their deputy or a plan editor can update it.');
  }
  const key = `${context.action.id}:tab:${clientKey}`;
  const at = deps.now().toISOString();
  const actor = viewerOf(caller);
  try {
    const outcome = await recordSubmission(store, context.action, inputs, { actor, source: 'tab', at, today: deps.today(), idempotencyKey: key });
    if (outcome.kind === 'invalid') throw new ApiError(422, 'InvalidUpdate', 'The update cannot be recorded as it is.', outcome.errors);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'conflict') throw error;
    // The other click of a double click may hold the write: if it recorded this key, answer as it did.
    if ((await awaitRepeat(store, context.action.id, key, pause)) === null) {
      throw new ApiError(409, 'Conflict', `Someone else changed this action a moment ago (${error.message.replace(/^.*: /, '')}). Check it and submit again.`);
    }
  }
  return { status: 201, body: await loadDetail(store, context.action.id, actor, deps.today()) };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
