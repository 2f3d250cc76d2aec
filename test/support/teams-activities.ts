/**
 * Bot Framework activities shaped as Teams sends them (plain JSON, as they arrive on the wire),
 * for the bot's tests: a message, an Action.Execute invoke, its Action.Submit fallback and the
 * installation updates. `serviceUrl` is where the bot's replies go.
 */
export const TENANT_ID = '0d0d0d0d-0000-4000-8000-000000000001';
export const BOT_ACCOUNT = { id: '28:followthrough-bot', name: 'Followthrough' };

export interface TeamsPerson {
  aadObjectId: string;
  displayName: string;
}

export interface ActivityOptions {
  serviceUrl: string;
  /** The conversation the activity comes from; a personal chat with the person by default. */
  conversation?: { id: string; conversationType: 'personal' | 'groupChat' | 'channel' };
  id?: string;
}

export type WireActivity = Record<string, unknown> & { type: string };

let sequence = 0;

/** The person's 1:1 chat with the bot. */
export function personalConversationId(person: TeamsPerson): string {
  return `a:personal-${person.aadObjectId}`;
}

function base(type: string, from: TeamsPerson | null, options: ActivityOptions): WireActivity {
  sequence += 1;
  const conversation = options.conversation ?? { id: from ? personalConversationId(from) : 'a:personal-nobody', conversationType: 'personal' };
  return {
    type,
    id: options.id ?? `activity-${String(sequence)}`,
    timestamp: '2025-06-10T09:00:00.000Z',
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: from ? { id: `29:user-${from.aadObjectId}`, name: from.displayName, aadObjectId: from.aadObjectId } : { id: '29:anonymous', name: 'Someone' },
    conversation: { ...conversation, tenantId: TENANT_ID },
    recipient: { ...BOT_ACCOUNT },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'en-GB',
  };
}

export function messageActivity(from: TeamsPerson | null, text: string, options: ActivityOptions): WireActivity {
  return { ...base('message', from, options), text, textFormat: 'plain' };
}

/** Action.Execute: Teams merges the card's inputs into the button's data. */
export function executeActivity(from: TeamsPerson | null, verb: unknown, data: unknown, options: ActivityOptions): WireActivity {
  return { ...base('invoke', from, options), name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

/** The Action.Submit fallback (a client without Universal Actions): a message whose value is the data with its verb. */
export function submitActivity(from: TeamsPerson | null, verb: string, data: Record<string, unknown>, options: ActivityOptions): WireActivity {
  return { ...base('message', from, options), value: { ...data, verb } };
}

export function installActivity(from: TeamsPerson | null, action: 'add' | 'remove' | 'add-upgrade' | 'remove-upgrade', options: ActivityOptions): WireActivity {
  return { ...base('installationUpdate', from, options), action };
}

/** Teams' conversationUpdate when the bot joins a personal chat: the bot is the member added. */
export function conversationUpdateActivity(from: TeamsPerson | null, options: ActivityOptions): WireActivity {
  return { ...base('conversationUpdate', from, options), membersAdded: [{ id: BOT_ACCOUNT.id }] };
}

/** The inputs of a reminder card as Teams sends them: every input, empty when left blank. */
export function reminderInputs(over: Partial<Record<'note' | 'status' | 'revisedDue' | 'revisedReason' | 'evidence', unknown>> = {}): Record<string, unknown> {
  return { note: '', status: 'in-progress', revisedDue: '', revisedReason: '', evidence: '', ...over };
}
