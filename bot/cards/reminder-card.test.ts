import { describe, expect, it } from 'vitest';
import { progressChangeRefusal } from '../../core/assurance/lifecycle.js';
import { type Action, type ActionStatus, NOTE_MAX } from '../../core/model/index.js';
import { checkSubmission, ProgressSubmission } from '../../core/updates/progress-submission.js';
import { CARD_MAX_BYTES, cardBytes, type ChoiceSetInput, type DateInput, type TextInput } from './adaptive-card.js';
import { allText, executesOf, inputOf, inputsOf, nodesOf, planText, reminderAction, reminderData, TODAY, visibleTextsOf } from './card-fixtures.js';
import { REMINDER_INPUT_IDS, reminderCard } from './reminder-card.js';
import type { ReviewSeen } from './review-state.js';
import { validateCard } from './validate-card.js';

describe('reminderCard', () => {
  it('is a valid Adaptive Card 1.5 with no refresh', () => {
    const card = reminderCard(reminderData());
    expect(card.version).toBe('1.5');
    expect(card.type).toBe('AdaptiveCard');
    expect(validateCard(card)).toEqual([]);
    expect(card).not.toHaveProperty('refresh');
  });

  describe('shows the action', () => {
    const text = allText(reminderCard(reminderData()));

    it.each([
      ['the plan title', 'Action plan in response to the independent HASCAS review'],
      ['the references', 'StEIS 2017/7489 · SI 2017/18 011'],
      ['the recommendation number', 'Recommendation 3'],
      ['the recommendation', 'care pathway for psychosis'],
      ['the action label', 'Action 3b'],
      ['the action', 'Audit medicines adherence care plans'],
      ['the lead role', 'Lead: Associate Director Community Services'],
      ['the due date as written', 'Due (as the plan says): Sep-25'],
      ['the due date as read', 'Due date: 30 Sep 2025 (end of the month named)'],
      ['the days left', 'Due in 7 days'],
      ['the status', 'Status: In progress'],
      ['who wrote the last update, and when', 'Priya Shah · 9 Sep 2025, 14:05 · status In progress'],
      ['the last note', 'fieldwork starts next week'],
    ])('%s', (_what, expected) => {
      expect(text).toContain(expected);
    });

    it.each([
      ['2025-09-30', 'Due today'],
      ['2025-09-29', 'Due tomorrow'],
      ['2025-10-12', '12 days overdue'],
      ['2025-10-01', '1 day overdue'],
    ])('seen on %s: %s, in the header', (today, label) => {
      const card = reminderCard(reminderData({ today }));
      const header = nodesOf(card).find((node) => node.type === 'Container');
      expect(JSON.stringify(header)).toContain(label);
    });

    it('colours an overdue header as attention', () => {
      const card = reminderCard(reminderData({ today: '2025-10-12' }));
      expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    });

    it('names several leads', () => {
      const card = reminderCard(reminderData({ action: reminderAction({ leads: ['Deputy Medical Director', 'Head of Nursing'] }) }));
      expect(allText(card)).toContain('Leads: Deputy Medical Director; Head of Nursing');
    });

    it('works to a revised date, keeping the plan’s own', () => {
      const action = reminderAction({ revisions: [{ date: '2025-12-31', reason: 'Audit team capacity', at: null, by: null }] });
      const text = allText(reminderCard(reminderData({ action })));
      expect(text).toContain('Due (as the plan says): Sep-25');
      expect(text).toContain('Due (plan date): 30 Sep 2025 (end of the month named)');
      expect(text).toContain('Due date now: 31 Dec 2025, revised: Audit team capacity');
      expect(text).toContain('Due in 99 days');
    });

    it('says when there are no updates yet, and when there is no date', () => {
      const text = allText(reminderCard(reminderData({ lastUpdate: null, action: reminderAction({ due: null }) })));
      expect(text).toContain('No updates yet.');
      expect(text).toContain('No due date');
      expect(text).not.toContain('Due (as the plan says)');
    });

    it('leaves out the recommendation when the plan has none', () => {
      const card = reminderCard(reminderData({ recommendation: null, action: reminderAction({ ref: null }) }));
      expect(allText(card)).not.toContain('Recommendation');
      expect(allText(card)).toContain('This action');
      expect(validateCard(card)).toEqual([]);
    });
  });

  describe('inputs', () => {
    const card = reminderCard(reminderData());

    it('are exactly the fields of a progress submission', () => {
      expect(inputsOf(card).map((input) => input.id)).toEqual([...REMINDER_INPUT_IDS]);
      expect([...REMINDER_INPUT_IDS].sort()).toEqual(Object.keys(ProgressSubmission.shape).sort());
    });

    it('every input has a label; only note and status are required, each with an error message', () => {
      for (const input of inputsOf(card)) expect(input.label.length).toBeGreaterThan(0);
      expect(inputsOf(card).filter((input) => input.isRequired === true).map((input) => input.id)).toEqual(['note', 'status']);
      for (const input of inputsOf(card).filter((candidate) => candidate.isRequired === true)) expect(input.errorMessage).toBeTruthy();
    });

    it('note: multiline, required, at most NOTE_MAX characters', () => {
      expect(inputOf(card, 'note')).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: NOTE_MAX });
    });

    it('status: the four lead statuses, defaulting to the current one', () => {
      const status = inputOf(card, 'status') as ChoiceSetInput;
      expect(status.type).toBe('Input.ChoiceSet');
      expect(status.choices).toEqual([
        { title: 'Not started', value: 'not-started' },
        { title: 'In progress', value: 'in-progress' },
        { title: 'Complete', value: 'complete' },
        { title: 'Blocked', value: 'blocked' },
      ]);
      expect(status.value).toBe('in-progress');
      const blocked = reminderCard(reminderData({ action: reminderAction({ status: 'blocked' }) }));
      expect((inputOf(blocked, 'status') as ChoiceSetInput).value).toBe('blocked');
    });

    it('status: a submitted value that is not a status falls back to the current one', () => {
      const odd = reminderCard(reminderData({ submitted: { status: 'assured' }, errors: { status: 'Choose a status.' } }));
      expect((inputOf(odd, 'status') as ChoiceSetInput).value).toBe('in-progress');
    });

    it('status: no default when the current status is not one a lead can choose', () => {
      const unknown = reminderCard(reminderData({ action: reminderAction({ status: 'unknown' }) }));
      expect(inputOf(unknown, 'status')).not.toHaveProperty('value');
      expect(inputOf(unknown, 'status').isRequired).toBe(true);
    });

    it('revisedDue: a date no earlier than today', () => {
      expect(inputOf(card, 'revisedDue') as DateInput).toMatchObject({ type: 'Input.Date', min: TODAY });
      expect(inputOf(card, 'revisedDue')).not.toHaveProperty('value');
    });

    it('revisedReason and evidence say when they are required', () => {
      expect(inputOf(card, 'revisedReason').label).toMatch(/required when the date moves/);
      expect(inputOf(card, 'evidence').label).toMatch(/required to mark complete/);
      expect((inputOf(card, 'evidence') as TextInput).isMultiline).toBe(true);
    });

    it('what Teams sends back (data with the inputs merged in) passes the shared submission rules', () => {
      const values: Record<string, string> = { note: 'Fieldwork done; report drafted.', status: 'complete', revisedDue: '', revisedReason: '', evidence: 'Audit report v1 on SharePoint' };
      const execute = executesOf(card).find((action) => action.verb === 'submitUpdate');
      const sent = { ...execute?.data, ...values };
      const inputPart = Object.fromEntries(Object.entries(sent).filter(([key]) => (REMINDER_INPUT_IDS as readonly string[]).includes(key)));
      const action = { ...reminderAction(), recommendationId: 'rec-3', position: 1, version: 1, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' } as unknown as Action;
      expect(checkSubmission(inputPart, action, TODAY)).toMatchObject({ ok: true });
    });
  });

  describe('buttons', () => {
    const card = reminderCard(reminderData());

    it('Submit update: Action.Execute submitUpdate with the action, plan and card ids, gathering the inputs', () => {
      const submit = executesOf(card).find((action) => action.title === 'Submit update');
      expect(submit).toMatchObject({ type: 'Action.Execute', verb: 'submitUpdate', style: 'positive' });
      expect(submit?.data).toEqual({ actionId: 'act-3b', planId: 'plan-1', cardId: 'card-0001' });
      expect(submit).not.toHaveProperty('associatedInputs');
      expect(submit?.fallback).toEqual({ type: 'Action.Submit', title: 'Submit update', style: 'positive', data: { actionId: 'act-3b', planId: 'plan-1', cardId: 'card-0001', verb: 'submitUpdate' } });
    });

    it.each([3, 7])('Snooze %i days: Action.Execute snooze without the inputs, with a Submit fallback', (days) => {
      const snooze = executesOf(card).find((action) => action.title === `Snooze ${String(days)} days`);
      expect(snooze).toMatchObject({ type: 'Action.Execute', verb: 'snooze', associatedInputs: 'none' });
      expect(snooze?.data).toEqual({ actionId: 'act-3b', planId: 'plan-1', days });
      expect(snooze?.fallback).toEqual({ type: 'Action.Submit', title: `Snooze ${String(days)} days`, associatedInputs: 'none', data: { actionId: 'act-3b', planId: 'plan-1', days, verb: 'snooze' } });
    });

    it('Open in Teams opens the deep link', () => {
      expect(card.actions?.at(-1)).toEqual({ type: 'Action.OpenUrl', title: 'Open in Teams', url: reminderData().openUrl });
    });

    it('are the card’s four actions, in that order', () => {
      expect(card.actions?.map((action) => action.title)).toEqual(['Submit update', 'Snooze 3 days', 'Snooze 7 days', 'Open in Teams']);
    });
  });

  describe('after a refused submit', () => {
    const submitted = { note: 'Fieldwork done.', status: 'complete', revisedDue: '2025-09-01', revisedReason: '', evidence: '' };
    const errors = { revisedDue: 'A revised date cannot be in the past.', revisedReason: 'Give a reason for moving the date.', evidence: 'Say what shows the action is complete (a link or a description).' };
    const card = reminderCard(reminderData({ errors, submitted }));

    it('is still valid', () => {
      expect(validateCard(card)).toEqual([]);
    });

    it('says at the top that the update was not saved, and how many things to put right', () => {
      const texts = visibleTextsOf(card);
      const summary = texts.findIndex((value) => value === 'Your update was not saved: 3 things to put right below.');
      expect(summary).toBeGreaterThan(0);
      expect(summary).toBeLessThan(texts.indexOf('Action plan in response to the independent HASCAS review'));
    });

    it.each(Object.entries(errors))('shows the %s message right under its input, in attention colour', (id, message) => {
      const nodes = nodesOf(card);
      const at = nodes.findIndex((node) => node.id === id);
      expect(nodes[at + 1]).toMatchObject({ type: 'TextBlock', text: message, color: 'Attention', id: `${id}-error` });
    });

    it('shows no message under an input without an error', () => {
      const nodes = nodesOf(card);
      for (const id of ['note', 'status']) expect(nodes[nodes.findIndex((node) => node.id === id) + 1]?.type).not.toBe('TextBlock');
    });

    it('keeps what the lead entered', () => {
      expect((inputOf(card, 'note') as TextInput).value).toBe('Fieldwork done.');
      expect((inputOf(card, 'status') as ChoiceSetInput).value).toBe('complete');
      expect((inputOf(card, 'revisedDue') as DateInput).value).toBe('2025-09-01');
      expect(inputOf(card, 'revisedReason')).not.toHaveProperty('value');
    });

    it('keeps the card id, so the corrected submit is the same update', () => {
      expect(executesOf(card).find((action) => action.verb === 'submitUpdate')?.data.cardId).toBe('card-0001');
    });

    it('can carry a notice at the top (e.g. someone else changed the action meanwhile)', () => {
      const notice = 'Someone else changed this action a moment ago. Check it and submit again.';
      const withNotice = reminderCard(reminderData({ notice, submitted: { note: 'Fieldwork done.' } }));
      expect(validateCard(withNotice)).toEqual([]);
      expect(withNotice.body[1]).toMatchObject({ type: 'Container', style: 'warning', items: [{ text: notice }] });
      expect((inputOf(withNotice, 'note') as TextInput).value).toBe('Fieldwork done.');
    });

    it('has no summary without errors', () => {
      expect(allText(reminderCard(reminderData({ errors: {} })))).not.toContain('not saved');
    });
  });

  describe('long texts', () => {
    const recommendation = planText(6000);
    const action = reminderAction({ text: planText(5000), evidence: planText(3000), leads: Array.from({ length: 6 }, (_, i) => `Associate Director of Community Services ${String(i + 1)}`) });
    const lastNote = planText(NOTE_MAX);
    const card = reminderCard(
      reminderData({
        plan: { id: 'plan-1', title: planText(400), references: Array.from({ length: 12 }, (_, i) => `StEIS 2017/${String(7400 + i)}`) },
        recommendation: { number: '3', text: recommendation },
        action,
        lastUpdate: { by: 'Priya Shah', when: '9 Sep 2025, 14:05', note: lastNote },
        errors: { note: `The note is too long (at most ${String(NOTE_MAX)} characters).`, evidence: 'The evidence is too long (at most 2000 characters).' },
        submitted: { note: planText(NOTE_MAX * 3), status: 'complete', revisedDue: '2025-12-31', revisedReason: planText(700), evidence: planText(3000) },
      }),
    );

    it(`stay under ${String(CARD_MAX_BYTES)} bytes and valid`, () => {
      expect(cardBytes(card)).toBeLessThan(CARD_MAX_BYTES);
      expect(validateCard(card)).toEqual([]);
    });

    it('show the start of the recommendation, with the full text behind a toggle', () => {
      const nodes = nodesOf(card);
      const preview = nodes.find((node) => node.id === 'recommendation-preview');
      const full = nodes.find((node) => node.id === 'recommendation-full');
      expect(String(preview?.text)).toMatch(/…$/);
      expect(String(preview?.text).length).toBeLessThanOrEqual(280);
      expect(full).toMatchObject({ isVisible: false });
      const toggle = nodes.find((node) => node.type === 'Action.ToggleVisibility' && node.title === 'Show or hide the full recommendation');
      expect(toggle?.targetElements).toEqual(['recommendation-preview', 'recommendation-full', 'recommendation-shortened']);
    });

    it('cut even the full text when it is very long, and say so', () => {
      const nodes = nodesOf(card);
      const full = String(nodes.find((node) => node.id === 'recommendation-full')?.text);
      expect(recommendation.startsWith(full.slice(0, -1))).toBe(true);
      expect(full).toMatch(/…$/);
      expect(nodes.find((node) => node.id === 'recommendation-shortened')?.text).toBe('Shortened to 3000 characters; the plan holds the full text.');
    });

    it('toggle the action and the last note the same way', () => {
      const ids = nodesOf(card).map((node) => node.id);
      expect(ids).toEqual(expect.arrayContaining(['action-preview', 'action-full', 'last-note-preview', 'last-note-full']));
    });

    it('show a short recommendation whole, without a toggle', () => {
      const short = reminderCard(reminderData());
      expect(nodesOf(short).filter((node) => node.type === 'Action.ToggleVisibility')).toEqual([]);
    });
  });

  describe('follows the lifecycle', () => {
    const returned: ReviewSeen = { outcome: 'returned', reason: 'The audit covers one ward only; extend it to all four.', by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee' };
    const assured: ReviewSeen = { outcome: 'assured', reason: null, by: 'Dr Rao', on: '2025-09-16', forum: 'Quality Committee' };
    const notApplicable: ReviewSeen = { outcome: 'not-applicable', reason: 'The service was decommissioned.', by: 'Ms Khan', on: '2025-09-10', forum: null };
    const all = ['Submit update', 'Snooze 3 days', 'Snooze 7 days', 'Open in Teams'];

    it.each<[string, ActionStatus, ReviewSeen | null, { header: string; shown: string[]; absent: string[]; inputs: boolean; buttons: string[] }]>([
      ['open, never reviewed', 'in-progress', null, { header: 'Update needed: Action 3b', shown: ['Due in 7 days'], absent: ['Returned', 'Awaiting', 'Assured'], inputs: true, buttons: all }],
      [
        'returned: the reason, who and where, and what to do',
        'in-progress',
        returned,
        {
          header: 'Update needed: Action 3b',
          shown: ['Returned at review: The audit covers one ward only; extend it to all four.', 'Returned by Dr Rao on 16 Sep 2025 at Quality Committee.', 'mark the action complete again'],
          absent: ['Awaiting'],
          inputs: true,
          buttons: all,
        },
      ],
      ['complete: awaiting assurance, still open to an update, no snooze', 'complete', null, { header: 'Awaiting assurance: Action 3b', shown: ['a reviewer will look at the evidence'], absent: ['Returned', 'Due in 7 days'], inputs: true, buttons: ['Submit update', 'Open in Teams'] }],
      ['complete again after a return', 'complete', returned, { header: 'Awaiting assurance: Action 3b', shown: ['It was returned by Dr Rao on 16 Sep 2025 at Quality Committee'], absent: ['Returned at review'], inputs: true, buttons: ['Submit update', 'Open in Teams'] }],
      ['assured: by whom, when and where; no inputs', 'assured', assured, { header: 'Assured: Action 3b', shown: ['Assured by Dr Rao on 16 Sep 2025 at Quality Committee', 'A reviewer must reopen it before it can be updated.'], absent: ['Your update', 'Due in 7 days'], inputs: false, buttons: ['Open in Teams'] }],
      ['assured as imported, with no review here', 'assured', null, { header: 'Assured: Action 3b', shown: ['The plan recorded it as assured; no reviewer is recorded here.'], absent: ['Your update'], inputs: false, buttons: ['Open in Teams'] }],
      ['not applicable: said, with the reason; no inputs', 'not-applicable', notApplicable, { header: 'Not applicable: Action 3b', shown: ['Marked not applicable by Ms Khan on 10 Sep 2025: The service was decommissioned.', 'A plan editor must reinstate it'], absent: ['Your update'], inputs: false, buttons: ['Open in Teams'] }],
    ])('%s', (_what, status, review, expected) => {
      const card = reminderCard(reminderData({ action: reminderAction({ status, evidence: status === 'in-progress' ? null : 'Audit report v2' }), review }));
      expect(validateCard(card)).toEqual([]);
      const text = allText(card);
      expect(JSON.stringify(card.body[0])).toContain(expected.header);
      for (const words of expected.shown) expect(text).toContain(words);
      for (const words of expected.absent) expect(text).not.toContain(words);
      expect(inputsOf(card).map((input) => input.id)).toEqual(expected.inputs ? [...REMINDER_INPUT_IDS] : []);
      expect(card.actions?.map((action) => action.title)).toEqual(expected.buttons);
    });

    it('puts a return right under the header, in attention colour, before the plan', () => {
      const card = reminderCard(reminderData({ review: returned }));
      expect(card.body[1]).toMatchObject({ type: 'Container', style: 'attention' });
      expect((card.body[1] as { items?: unknown[] }).items?.[0]).toMatchObject({ type: 'TextBlock', style: 'heading', text: `Returned at review: ${returned.reason ?? ''}` });
      expect(card.fallbackText).toContain('Returned at review');
    });

    it('after a submit refused because the action was assured meanwhile: the lifecycle’s words, the note kept, nothing to fill in', () => {
      const refusal = progressChangeRefusal('assured');
      const card = reminderCard(
        reminderData({
          action: reminderAction({ status: 'assured', evidence: 'Audit report v2' }),
          review: assured,
          errors: { status: refusal ?? '' },
          submitted: { note: 'Re-audit booked for March.', status: 'in-progress' },
        }),
      );
      expect(validateCard(card)).toEqual([]);
      const text = allText(card);
      expect(text).toContain(`Your update was not saved. ${refusal ?? 'no refusal'}`);
      expect(text).toContain('Re-audit booked for March.');
      expect(text).not.toContain('to put right below');
      expect(inputsOf(card)).toEqual([]);
    });
  });
});
