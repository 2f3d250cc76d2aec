import type { ActionStatus } from '../model/index.js';

/** The words people read for each status: the bot's cards and the tab say the same. */
const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  complete: 'Complete',
  assured: 'Assured',
  'not-applicable': 'Not applicable',
  unknown: 'Not known',
};

/** Every status, in the order lists and filters show them. */
export const STATUSES = Object.keys(STATUS_LABELS) as ActionStatus[];

export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status];
}
