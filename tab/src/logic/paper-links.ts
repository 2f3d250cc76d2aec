import type { PaperFormat } from '../../../core/views/tab-api.js';
import type { MeetingChoice } from './meeting-dates.js';

/** The API addresses of the meeting view and of the papers, built in one place so the page and its exports agree. */

function query(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

export function meetingApiPath(choice: MeetingChoice): string {
  return `/api/meetings?${query({ forum: choice.forum, since: choice.since, date: choice.date })}`;
}

export function meetingExportPath(choice: MeetingChoice, format: PaperFormat): string {
  return `/api/meetings/export?${query({ forum: choice.forum, since: choice.since, date: choice.date, format })}`;
}

export function planExportPath(planId: string, format: PaperFormat): string {
  return `/api/plans/${encodeURIComponent(planId)}/export?${query({ format })}`;
}

/** The meeting page's own address for a choice, so a reload (or a link) opens the same meeting. */
export function meetingPageSearch(choice: MeetingChoice): string {
  return `?${query({ forum: choice.forum, since: choice.since, date: choice.date })}`;
}

/** A link to a forum's meeting from a plan: the meeting page fills in the dates it remembers. */
export function forumSearch(forum: string): string {
  return `?${query({ forum })}`;
}

/** What the page's address asks for; missing parts are null (the page fills them in). */
export function readMeetingSearch(search: string): { forum: string | null; since: string | null; date: string | null } {
  const params = new URLSearchParams(search);
  const read = (name: string): string | null => {
    const value = params.get(name)?.trim() ?? '';
    return value === '' ? null : value;
  };
  return { forum: read('forum'), since: read('since'), date: read('date') };
}

export const PAPER_FORMATS: readonly { format: PaperFormat; label: string; extension: string }[] = [
  { format: 'xlsx', label: 'Download XLSX', extension: 'xlsx' },
  { format: 'docx', label: 'Download DOCX', extension: 'docx' },
  { format: 'html', label: 'Printable HTML', extension: 'html' },
];
