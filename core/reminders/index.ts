export { planReminders, reminderKey } from './plan-reminders.js';
export type { Digest, ReminderInput, ReminderItem, ReminderPlan, ReminderPlanInfo, ReminderProblem } from './types.js';
export { groupDigests } from './digests.js';
export { isWorkingDay, nextWorkingDay, previousWorkingDay, workingCalendar, type WorkingCalendar } from './working-days.js';
export { localDate, localTimeToInstant } from './local-time.js';
export { sendingTime, type SendingWindow } from './sending-time.js';
export { type Occasion, occasionTag } from './occasions.js';
