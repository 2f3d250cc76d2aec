import { describe, expect, it } from 'vitest';
import { changeText, entityText, entryByline, fieldLabel } from './audit-lines.js';

describe('changeText', () => {
  it.each([
    [{ field: 'status', from: 'in-progress', to: 'complete' }, 'Status: In progress → Complete'],
    [{ field: 'status', from: 'active', to: 'closed' }, 'Status: active → closed'],
    [{ field: 'rag', from: 'amber', to: 'green' }, 'RAG: Amber → Green'],
    [{ field: 'evidence', from: null, to: 'Audit report, March' }, 'Evidence: Audit report, March'],
    [{ field: 'owner', from: 'Medical Director', to: null }, 'Owner: removed (was Medical Director)'],
    [{ field: 'reportedTo', from: 'QSC', to: 'Board' }, 'Reported to: QSC → Board'],
  ])('%j', (change, text) => {
    expect(changeText(change)).toBe(text);
  });
});

describe('changeText with the plan\'s action names', () => {
  const names = new Map([['act-7', 'Action 2b']]);
  it('names the action a measure measures, or says it has gone', () => {
    expect(changeText({ field: 'actionId', from: null, to: 'act-7' }, names)).toBe('Action measured: Action 2b');
    expect(changeText({ field: 'actionId', from: 'act-gone', to: 'act-7' }, names)).toBe('Action measured: an action no longer in the plan → Action 2b');
  });
});

describe('fieldLabel', () => {
  it('words a field it does not know from its name', () => {
    expect(fieldLabel('escalateAfterDays')).toBe('Escalate after days');
  });
});

describe('entryByline', () => {
  it('says who, when, from where and at which meeting', () => {
    expect(
      entryByline({ actor: { aadObjectId: 'u-3', displayName: 'Dee Deputy' }, at: '2025-06-10T13:05:00.000Z', source: 'tab', meeting: { forum: 'Quality and Safety Committee', date: '2025-06-10' } }),
    ).toBe('Dee Deputy · 10 Jun 2025, 14:05 · from the tab · at Quality and Safety Committee (10 Jun 2025)');
  });

  it('names nobody in particular when the change had no person behind it', () => {
    expect(entryByline({ actor: { aadObjectId: null, displayName: null }, at: '2025-06-10T08:00:00.000Z', source: 'import', meeting: null })).toBe('Someone · 10 Jun 2025, 09:00 · from import');
  });
});

describe('entityText', () => {
  it.each([
    ['action', '2 b', 'Action 2 b'],
    ['plan', 'Plan', 'Plan'],
    ['recommendation', 'Recommendation 3', 'Recommendation 3'],
    ['measure', 'Audit compliance', 'Measure: Audit compliance'],
  ] as const)('%s %s', (entity, label, text) => {
    expect(entityText(entity, label)).toBe(text);
  });
});
