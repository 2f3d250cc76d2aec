import type { NewReminder } from '../model/index.js';
import type { Digest } from './types.js';

/** Reminders grouped per recipient and sending time, in the order each group first appears. */
export function groupDigests<T extends Pick<NewReminder, 'recipient' | 'plannedFor'>>(reminders: readonly T[]): Digest<T>[] {
  const groups = new Map<string, Digest<T>>();
  for (const reminder of reminders) {
    const id = `${reminder.recipient}|${reminder.plannedFor}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { recipient: reminder.recipient, plannedFor: reminder.plannedFor, reminders: [reminder] });
    else group.reminders.push(reminder);
  }
  return [...groups.values()];
}
