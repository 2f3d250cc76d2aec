import { describe, expect, it } from 'vitest';
import { EditableActionFields } from '../../../core/views/tab-api.js';
import { anAction } from '../test-fixtures.js';
import { changedFields, editValuesOf, splitLeads } from './edit-form.js';

const ACTION = anAction({ leads: ['Head of Nursing', 'Clinical Director'], rag: 'amber', measurement: 'Quarterly audit' });

describe('changedFields', () => {
  it('sends only what changed, valid against the contract', () => {
    const values = { ...editValuesOf(ACTION), rag: 'red' as const, measurement: '  ', outcomes: 'Fewer missed reviews' };
    const result = changedFields(ACTION, values);
    expect(result).toEqual({ ok: true, fields: { rag: 'red', measurement: null, outcomes: 'Fewer missed reviews' } });
    // Only acceptance is checked: the contract's parse also fills absent optional texts with null.
    expect(EditableActionFields.safeParse(result.ok ? result.fields : null).success).toBe(true);
  });

  it('reads leads one per line or separated by semicolons', () => {
    expect(changedFields(ACTION, { ...editValuesOf(ACTION), leads: 'Head of Nursing; Medical Director\n\n' })).toEqual({ ok: true, fields: { leads: ['Head of Nursing', 'Medical Director'] } });
  });

  it('clears the RAG', () => {
    expect(changedFields(ACTION, { ...editValuesOf(ACTION), rag: '' })).toEqual({ ok: true, fields: { rag: null } });
  });

  it('refuses an empty action text and a form with no change', () => {
    expect(changedFields(ACTION, { ...editValuesOf(ACTION), text: ' ' })).toEqual({ ok: false, errors: { text: 'The action needs its text.' } });
    expect(changedFields(ACTION, editValuesOf(ACTION))).toEqual({ ok: false, errors: { text: 'Nothing has changed.' } });
  });
});

describe('splitLeads', () => {
  it('drops blanks and trims', () => {
    expect(splitLeads(' A ;\nB\n;')).toEqual(['A', 'B']);
  });
});
