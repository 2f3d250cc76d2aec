import { z } from 'zod';
import { meetingPaperOf, type PaperFile, planPaper, writePaper } from '../../app/board-papers.js';
import { PaperFormat } from '../../core/views/tab-api.js';
import { notFound } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { parseInput } from '../parse-input.js';
import { readMeetingQuery } from './meetings.js';
import { planId } from './plans.js';

const FormatQuery = z.object({ format: PaperFormat });

/** GET /api/plans/:planId/export?format=xlsx|docx|html — the plan's board paper as a file. */
export async function exportPlan({ store, params, request, deps }: RouteContext): Promise<ApiResponse> {
  const { format } = readFormat(request.query);
  const paper = await planPaper(store, planId(params), deps.today());
  if (paper === null) throw notFound('That plan');
  return fileAnswer(await writePaper(paper.layout, format, paper.tree.plan, deps.today(), deps.now()));
}

/** GET /api/meetings/export?forum=&since=&date=&format= — the meeting's paper as a file, named for the forum and the meeting's date. */
export async function exportMeeting({ store, request, deps }: RouteContext): Promise<ApiResponse> {
  const { format } = readFormat(request.query);
  const query = readMeetingQuery(request.query, deps);
  const { layout } = await meetingPaperOf(store, query);
  return fileAnswer(await writePaper(layout, format, { title: query.forum, references: [] }, query.date, deps.now()));
}

function readFormat(query: Readonly<Record<string, string>> | undefined): { format: PaperFormat } {
  return parseInput(FormatQuery, query ?? {}, 'The export');
}

function fileAnswer(file: PaperFile): ApiResponse {
  return { status: 200, body: null, file };
}
