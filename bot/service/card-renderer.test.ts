import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { allText } from '../cards/card-fixtures.js';
import { validateCard } from '../cards/validate-card.js';
import type { Action, Review } from '../../core/model/index.js';
import { createCardRenderer } from './card-renderer.js';
import type { ActionView } from './views.js';

function view(review: Review | null, status: Action['status'] = 'in-progress'): ActionView {
  const action: Action = {
    id: 'act-1', planId: 'plan-1', recommendationId: 'rec-1', position: 0, version: 3, createdAt: '2025-06-01T09:00:00Z', updatedAt: '2025-06-09T23:30:00Z',
    ref: 'a', text: 'Audit caseloads.', leads: ['Head of Nursing'], leadText: null, due: { text: '30/06/2025', date: '2025-06-30', precision: 'day' }, revisions: [], status, rag: null, statusText: null,
    furtherAction: null, evidence: 'Audit report', measurement: null, outcomes: null, monitoring: null, reportedTo: null, completed: null, other: [], snoozedUntil: null, flags: [], review,
  };
  return { plan: { id: 'plan-1', title: 'Community care plan', references: [], owner: 'Director of Quality' }, recommendation: { number: '2', text: 'Review risk.' }, action, lastUpdate: null };
}

const returned = (meeting: Review['meeting']): Review => ({ outcome: 'returned', reason: 'One ward only.', by: { aadObjectId: 'r1', displayName: 'Dr Rao' }, at: '2025-06-09T23:30:00.000Z', meeting });

describe('the renderer passes the stored review to the cards', () => {
  const render = createCardRenderer({ formatTime: (instant) => instant, timeZone: 'Europe/London' });
  const reminder = (v: ActionView): AdaptiveCard => render.reminder({ ...v, today: '2025-06-10', cardId: 'c1', openUrl: 'https://example.test' }) as AdaptiveCard;

  it.each<[string, Review['meeting'], string]>([
    ['at a meeting: its forum and date', { forum: 'Quality Committee', date: '2025-06-05' }, 'Returned by Dr Rao on 5 Jun 2025 at Quality Committee.'],
    // 23:30 UTC on the 9th is 00:30 on the 10th in London.
    ['outside one: the day it was recorded, in the trust’s calendar', null, 'Returned by Dr Rao on 10 Jun 2025.'],
  ])('%s', (_what, meeting, expected) => {
    const card = reminder(view(returned(meeting)));
    expect(validateCard(card)).toEqual([]);
    expect(allText(card)).toContain(expected);
  });

  it('an assured action: the reminder card has no inputs; the returned card names the decision', () => {
    const assured: Review = { ...returned({ forum: 'Quality Committee', date: '2025-06-05' }), outcome: 'assured', reason: null };
    expect(allText(reminder(view(assured, 'assured')))).toContain('Assured by Dr Rao on 5 Jun 2025 at Quality Committee');
    const notice = render.returned({ ...view(returned(null)), today: '2025-06-10', review: returned(null), decision: 'reopen', openUrl: 'https://example.test' }) as AdaptiveCard;
    expect(validateCard(notice)).toEqual([]);
    expect(allText(notice)).toContain('Reopened after assurance and returned to you: Action 2a');
  });
});
