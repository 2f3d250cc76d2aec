import { confirmNoteCard } from '../cards/confirm-note-card.js';
import { digestCard } from '../cards/digest-card.js';
import { escalationCard } from '../cards/escalation-card.js';
import { helpCard } from '../cards/help-card.js';
import { messageCard } from '../cards/message-card.js';
import { recordedCard } from '../cards/recorded-card.js';
import { reminderCard } from '../cards/reminder-card.js';
import { returnedCard } from '../cards/returned-card.js';
import type { ReviewSeen } from '../cards/review-state.js';
import type { Review } from '../../core/model/index.js';
import { localDate } from '../../core/reminders/local-time.js';
import type { CardRenderer } from './views.js';

/**
 * The service's views, drawn with the card functions in bot/cards/ (one card per file, each a
 * pure function). Cards are plain JSON objects; the botbuilder bridge attaches them.
 */
export function createCardRenderer(options: { formatTime: (instant: string) => string; timeZone?: string }): CardRenderer {
  const seenOne = reviewSeen(options.timeZone ?? 'Europe/London');
  const seen = (review: Review | null): ReviewSeen | null => (review === null ? null : seenOne(review));
  return {
    reminder: (view) =>
      reminderCard({
        today: view.today,
        cardId: view.cardId,
        plan: view.plan,
        recommendation: view.recommendation,
        action: view.action,
        lastUpdate: view.lastUpdate
          ? { by: view.lastUpdate.author.displayName, when: options.formatTime(view.lastUpdate.at), note: view.lastUpdate.note, ...(view.lastUpdate.status ? { status: view.lastUpdate.status } : {}) }
          : null,
        openUrl: view.openUrl,
        ...(view.errors ? { errors: view.errors } : {}),
        ...(view.values ? { submitted: view.values } : {}),
        ...(view.notice ? { notice: view.notice } : {}),
        review: seen(view.action.review),
      }),
    recorded: (view) =>
      recordedCard({
        today: view.today,
        plan: view.plan,
        recommendationNumber: view.recommendation.number,
        action: view.action,
        before: view.before,
        update: view.update,
        when: options.formatTime(view.update.at),
        openUrl: view.openUrl,
        review: seen(view.action.review),
      }),
    digest: (entries, title) =>
      digestCard({
        today: entries[0]?.today ?? '',
        title,
        items: entries.map((e) => ({ action: e.action, plan: e.plan, recommendationNumber: e.recommendation.number, review: seen(e.action.review) })),
      }),
    escalation: (view) =>
      escalationCard({
        today: view.today,
        plans: view.plans.map((section) => ({
          plan: section.plan,
          thresholdDays: section.thresholdDays,
          items: section.items.map((item) => ({ action: item.action, recommendationNumber: item.recommendation.number, leads: item.leads })),
          openUrl: section.openUrl,
        })),
      }),
    returned: (view) =>
      returnedCard({
        today: view.today,
        plan: view.plan,
        recommendationNumber: view.recommendation.number,
        action: view.action,
        decision: view.decision,
        review: seenOne(view.review),
        openUrl: view.openUrl,
      }),
    help: () => helpCard(),
    message: (title, text, tone) => messageCard(title, text, tone),
    confirmNote: (view) => confirmNoteCard({ plan: view.plan, recommendationNumber: view.recommendation.number, action: view.action, note: view.note, cardId: view.cardId }),
  };
}

/**
 * A stored review as the cards show it: the reviewer's name, and the day — the meeting's when it
 * was decided at one, else the day it was recorded in the trust's calendar.
 */
function reviewSeen(timeZone: string): (review: Review) => ReviewSeen {
  return (review) => ({
    outcome: review.outcome,
    reason: review.reason,
    by: review.by.displayName,
    on: review.meeting?.date ?? localDate(review.at, timeZone),
    forum: review.meeting?.forum ?? null,
  });
}
