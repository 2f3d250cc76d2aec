import { describe, expect, it } from 'vitest';
import { recogniseHeaderRow, recogniseHeading } from './headings.js';

describe('recogniseHeading', () => {
  it.each([
    ['No', 'number'],
    ['Rec No.', 'number'],
    ['Rec', 'number'],
    ['Recommendation number', 'number'],
    ['Recommendation', 'recommendation'],
    ['Recommendations', 'recommendation'],
    ['Organisation', 'organisation'],
    ['Root cause/contributory factor (please number each one following the example given below)', 'finding'],
    ['Key findings', 'finding'],
    ['Action', 'action'],
    ['Actions to achieve recommendation', 'action'],
    ['Actions undertaken and in progress', 'action'],
    ['Specific actions (SMART- specific, measurable) Please consider where and how local actions will be monitored and if the actions require measures (i.e. audit) to ensure changes have been embedded.', 'action'],
    ['Action no.', 'ref'],
    ['Lead', 'lead'],
    ['Implementation Lead', 'lead'],
    ['Lead/Responsible Person', 'lead'],
    ['Person (role)responsible for implementation of action', 'lead'],
    ['Responsible person (include job titles)', 'lead'],
    ['Action owner', 'lead'],
    ['Accountable Director', 'lead'],
    ['Planned completion date', 'due'],
    ['Implementation by when', 'due'],
    ['By when', 'due'],
    ['Date', 'due'],
    ['Date for completion of action', 'due'],
    ['Target date', 'due'],
    ['Timescale', 'due'],
    ['Date complete', 'completed'],
    ['Date completed', 'completed'],
    ['Actual completion date', 'completed'],
    ['Progress', 'progress'],
    ['Action completed', 'progress'],
    ['Progress update', 'progress'],
    ['Status', 'status'],
    ['Status as at Jan 14', 'status'],
    ['RAG rating', 'status'],
    ['Evidence of Completion (embedded or appendix)', 'evidence'],
    ['Evidence to confirm action has taken place', 'evidence'],
    ['Further action', 'furtherAction'],
    ['Next steps', 'furtherAction'],
    ['Methods of measurement', 'measurement'],
    ['How will this be measured?', 'measurement'],
    ['Outcome indicators/standards to be delivered', 'outcomes'],
    ['Monitoring & evaluation arrangements', 'monitoring'],
    ['Reported to', 'reportedTo'],
    ['Reporting committee', 'reportedTo'],
  ])('%s → %s', (heading, field) => {
    expect(recogniseHeading(heading)).toBe(field);
  });

  it.each(['', 'Somerset Clinical Commissioning Group must ensure that a system is in place to check every single recommendation in every report', 'Quarterly audit', '1.'])(
    'does not read %j as a heading',
    (text) => {
      expect(recogniseHeading(text)).toBeNull();
    },
  );
});

describe('recogniseHeaderRow', () => {
  it('maps each heading and leaves a second heading for the same field unmapped', () => {
    expect(recogniseHeaderRow(['No', 'Recommendation', 'Lead', 'Date', 'Target date', 'Notes'])).toEqual([
      'number',
      'recommendation',
      'lead',
      'due',
      null,
      null,
    ]);
  });

  it('refuses rows that are data, not headings', () => {
    expect(recogniseHeaderRow(['1', 'The Trust will train staff', 'Medical Director', 'Mar-14'])).toBeNull();
    expect(recogniseHeaderRow(['Red', 'Action not started'])).toBeNull();
  });

  it('needs a recommendation or action column', () => {
    expect(recogniseHeaderRow(['Lead', 'Date', 'Status'])).toBeNull();
  });
});
