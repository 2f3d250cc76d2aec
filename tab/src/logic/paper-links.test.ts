import { describe, expect, it } from 'vitest';
import { forumSearch, meetingApiPath, meetingExportPath, meetingPageSearch, planExportPath, readMeetingSearch } from './paper-links.js';

const choice = { forum: 'Quality & Safety Committee', since: '2025-05-13', date: '2025-06-10' };

describe('paper links', () => {
  it('asks for the meeting with its forum escaped', () => {
    expect(meetingApiPath(choice)).toBe('/api/meetings?forum=Quality+%26+Safety+Committee&since=2025-05-13&date=2025-06-10');
  });

  it('exports the same meeting in the format asked for', () => {
    expect(meetingExportPath(choice, 'docx')).toBe('/api/meetings/export?forum=Quality+%26+Safety+Committee&since=2025-05-13&date=2025-06-10&format=docx');
  });

  it('exports a plan, escaping its id', () => {
    expect(planExportPath('p/1', 'xlsx')).toBe('/api/plans/p%2F1/export?format=xlsx');
  });

  it('reads back the page address it writes', () => {
    expect(readMeetingSearch(meetingPageSearch(choice))).toEqual(choice);
  });

  it('links a plan to its forum’s meeting, leaving the dates to the page', () => {
    expect(readMeetingSearch(forumSearch('Board & Co'))).toEqual({ forum: 'Board & Co', since: null, date: null });
  });

  it('reads what is missing or blank as not given', () => {
    expect(readMeetingSearch('?forum=%20&since=2025-05-13')).toEqual({ forum: null, since: '2025-05-13', date: null });
  });
});
