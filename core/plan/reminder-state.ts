import type { ReminderLogEntry, ReminderState } from '../model/index.js';

/**
 * The entry after a state change: 'sending' counts an attempt, 'sent' records when, 'failed'
 * records why. Earlier facts (a previous error, the attempt count) are kept.
 */
export function nextReminderState(entry: ReminderLogEntry, state: ReminderState, detail: { error: string | null; at: string }): ReminderLogEntry {
  switch (state) {
    case 'sending':
      return { ...entry, state, attempts: entry.attempts + 1 };
    case 'sent':
      return { ...entry, state, sentAt: detail.at };
    case 'failed':
      return { ...entry, state, lastError: detail.error };
    case 'planned':
    case 'skipped':
      return { ...entry, state };
  }
}
