import { type MeetingChoice, readRememberedMeetings, rememberMeeting, type RememberedMeetings } from '../logic/meeting-dates.js';
import { browserStorage } from './identity-store.js';

const MEETINGS_KEY = 'followthrough.meetings';
const LAST_FORUM_KEY = 'followthrough.lastForum';

/** Each forum's last meeting dates and the forum last opened, kept in this browser (localStorage). */
export interface MeetingMemory {
  meetings: RememberedMeetings;
  lastForum: string | null;
}

export function readMeetingMemory(): MeetingMemory {
  const storage = browserStorage();
  return { meetings: readRememberedMeetings(read(storage, MEETINGS_KEY)), lastForum: read(storage, LAST_FORUM_KEY) };
}

/** Remembers the meeting just opened; returns the record as it now stands. */
export function saveMeetingChoice(memory: MeetingMemory, choice: MeetingChoice): MeetingMemory {
  const next = { meetings: rememberMeeting(memory.meetings, choice), lastForum: choice.forum };
  const storage = browserStorage();
  try {
    storage?.setItem(MEETINGS_KEY, JSON.stringify(next.meetings));
    storage?.setItem(LAST_FORUM_KEY, choice.forum);
  } catch (error) {
    // Storage refused (private browsing, a sandboxed frame): the dates are then asked for again next time.
    console.warn('Could not remember the meeting dates', error);
  }
  return next;
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
