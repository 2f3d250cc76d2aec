import type { Actor, AuditEntry, ChangeSource, Update } from '../model/index.js';

/** Who recorded an action as complete, when and from where. */
export interface Completion {
  by: Actor;
  at: string;
  source: ChangeSource;
}

/**
 * The latest time the action was recorded as complete: a progress update saying so, or an
 * audit entry changing its status to complete (an editor's edit, an import). Separation of
 * duties rests on it — whoever recorded the completion does not assure it. Null when neither
 * says (a plan imported as complete with no trail).
 */
export function completionOf(actionId: string, updates: readonly Update[], audit: readonly AuditEntry[]): Completion | null {
  const candidates: Completion[] = [
    ...updates.filter((update) => update.actionId === actionId && update.status === 'complete').map((update) => ({ by: update.author, at: update.at, source: update.source })),
    ...audit
      .filter((entry) => entry.entity === 'action' && entry.entityId === actionId && entry.changes.some((change) => change.field === 'status' && change.to === 'complete'))
      .map((entry) => ({ by: entry.actor, at: entry.at, source: entry.source })),
  ];
  let latest: Completion | null = null;
  for (const candidate of candidates) if (latest === null || instant(candidate.at) > instant(latest.at)) latest = candidate;
  return latest;
}

/** Instants compared as times, not text: offsets other than Z would sort wrongly as strings. */
function instant(iso: string): number {
  return Date.parse(iso);
}
