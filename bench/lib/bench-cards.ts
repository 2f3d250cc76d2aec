/**
 * Real reminder cards for benchmark sends, drawn by the bot's own renderer, each carrying a
 * unique tag in its action text so what the connector fake recorded can be matched back.
 */
import type { Action } from '../../core/model/index.js';
import { createCardRenderer } from '../../bot/service/card-renderer.js';
import type { Card } from '../../bot/service/turns.js';

const STAMP = '2025-06-01T09:00:00.000Z';
const render = createCardRenderer({ formatTime: (instant) => instant.slice(0, 16).replace('T', ' ') });

/** The reminder card a lead gets for one action, about the size real ones are (a few KB). */
export function taggedReminderCard(tag: string, today: string): Card {
  const action: Action = {
    id: `action-${tag}`,
    planId: 'plan-bench',
    recommendationId: 'rec-bench',
    position: 0,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    ref: 'a',
    text: `Audit a sample of community caseloads for risk reviews after a change in circumstances [${tag}].`,
    leads: ['Head of Community Mental Health Services'],
    leadText: 'Head of Community Mental Health Services',
    due: { text: today, date: today, precision: 'day' },
    revisions: [],
    status: 'in-progress',
    rag: 'amber',
    statusText: 'Amber',
    furtherAction: null,
    evidence: null,
    measurement: null,
    outcomes: null,
    monitoring: null,
    reportedTo: 'Quality and Safety Committee',
    completed: null,
    other: [],
    snoozedUntil: null, review: null,
    flags: [],
  };
  return render.reminder({
    plan: { id: 'plan-bench', title: 'Action plan following an independent investigation', references: ['StEIS 2099/00001'], owner: 'Associate Director of Quality Governance' },
    recommendation: { number: '1', text: 'The Trust should ensure risk assessments are reviewed whenever a service user\'s circumstances change.' },
    action,
    lastUpdate: null,
    today,
    cardId: `card-${tag}`,
    openUrl: `http://localhost:3978/tab/actions/${encodeURIComponent(action.id)}`,
  });
}

/** The tag inside a recorded activity body (its text, else its card), or null. */
export function tagIn(activity: Record<string, unknown>, pattern: RegExp): string | null {
  const text = typeof activity.text === 'string' ? activity.text : JSON.stringify(activity.attachments ?? '');
  return pattern.exec(text)?.[1] ?? null;
}
