import { describe, expect, it } from 'vitest';
import type { ReminderLogEntry } from '../../core/model/index.js';
import { json, plain, toColumns, fromColumns } from './columns.js';
import { referenceKey } from './plan-rows.js';
import { nextReminderState } from '../../core/plan/reminder-state.js';
import { canonicalInstant, readJson } from './validate.js';

describe('referenceKey', () => {
  it('ignores case, spacing and Unicode width', () => {
    expect(referenceKey('StEIS ref 2021  19349')).toBe(referenceKey('steis REF 2021 19349'));
    expect(referenceKey('SI\u00a02017/18 011')).toBe('si2017/18011');
    expect(referenceKey('ＳＩ 2017')).toBe('si2017');
  });
});

describe('nextReminderState', () => {
  const planned: ReminderLogEntry = {
    id: 'r1',
    key: 'k',
    planId: 'p',
    actionId: 'a',
    recipient: 'Head of Nursing',
    kind: 'due',
    dueDate: '2025-09-30',
    plannedFor: '2025-09-30T08:00:00.000Z',
    state: 'planned',
    attempts: 0,
    lastError: null,
    sentAt: null,
  };

  it('counts attempts, records failures and the time sent, and keeps earlier facts', () => {
    const at = '2025-09-30T08:01:00.000Z';
    const sending = nextReminderState(planned, 'sending', { error: null, at });
    const failed = nextReminderState(sending, 'failed', { error: 'timeout', at });
    const sent = nextReminderState(nextReminderState(failed, 'sending', { error: null, at }), 'sent', { error: null, at });
    expect(sent).toEqual({ ...planned, state: 'sent', attempts: 2, lastError: 'timeout', sentAt: at });
    expect(nextReminderState(planned, 'skipped', { error: 'ignored', at })).toEqual({ ...planned, state: 'skipped' });
  });
});

describe('column helpers', () => {
  const map = { name: plain('name'), tags: json('tags_json'), note: plain('note') };

  it('stores absent values as NULL and nested values as JSON', () => {
    expect(toColumns(map, { name: 'x', tags: ['a'] })).toEqual({ name: 'x', tags_json: '["a"]', note: null });
    expect(fromColumns(map, { name: 'x', tags_json: '["a"]', note: null }, 'row')).toEqual({ name: 'x', tags: ['a'], note: null });
  });

  it('refuses unreadable JSON as invalid', () => {
    expect(() => readJson('{oops', 'tags_json', 'row 1')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => readJson(42, 'tags_json', 'row 1')).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});

describe('canonicalInstant', () => {
  it('writes instants in UTC so that text order is time order', () => {
    expect(canonicalInstant('2025-06-02T10:30:00+01:00')).toBe('2025-06-02T09:30:00.000Z');
  });
});
