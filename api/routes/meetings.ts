import { z } from 'zod';
import { listForums, loadMeetingView, type MeetingRequest } from '../../app/meeting-inputs.js';
import { IsoDate } from '../../core/model/index.js';
import type { ForumList } from '../../core/views/tab-api.js';
import { ApiError } from '../api-error.js';
import type { ApiResponse, RouteContext, TabApiDeps } from '../api-types.js';
import { parseInput } from '../parse-input.js';

/** GET /api/forums — every forum a plan reports to or an action names, each once, sorted. */
export async function forums({ store }: RouteContext): Promise<ApiResponse> {
  const body: ForumList = await listForums(store);
  return { status: 200, body };
}

/** GET /api/meetings?forum=&since=&date= — the forum's meeting (date: today unless given). */
export async function meeting({ store, request, caller, deps }: RouteContext): Promise<ApiResponse> {
  const query = readMeetingQuery(request.query, deps);
  return { status: 200, body: await loadMeetingView(store, { ...query, viewer: caller.aadObjectId }) };
}

const MeetingQuery = z.object({
  forum: z.string({ error: 'Choose the forum.' }).trim().min(1, 'Choose the forum.').max(200, 'The forum\'s name is too long.'),
  since: z.string({ error: 'Give the date of the last meeting (since=YYYY-MM-DD).' }).pipe(IsoDate),
  date: IsoDate.optional(),
});

/**
 * The meeting asked for: a forum, the last meeting's date and this meeting's (default today),
 * the last no later than this one. Anything else is a 400 naming what is wrong.
 */
export function readMeetingQuery(query: Readonly<Record<string, string>> | undefined, deps: Pick<TabApiDeps, 'today' | 'timeZone'>): Omit<MeetingRequest, 'viewer'> {
  const read = parseInput(MeetingQuery, query ?? {}, 'The meeting');
  const date = read.date ?? deps.today();
  if (read.since > date) throw new ApiError(400, 'BadRequest', `The meeting: since (${read.since}) is after the meeting's date (${date}).`);
  return { forum: read.forum, since: read.since, date, today: deps.today(), ...(deps.timeZone === undefined ? {} : { timeZone: deps.timeZone }) };
}
