import { z } from 'zod';
import { Conversation } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { parseInput, parseInstant } from '../validate.js';
import { conversationFields, conversationOf } from './item-fields.js';
import type { ListClient } from './lists/list-client.js';
import { isGraphStatus } from './store-errors.js';

/** How many times a write is tried again after a 412 (someone wrote the item in between). */
const ATTEMPTS = 4;

const Id = z.string().min(1);
const Reason = z.string().min(1);

/**
 * Upserts by FtKey (the Entra object id): an existing item is replaced with `If-Match`, a missing
 * one created. Saving always makes the conversation usable again. A 412 or a create that lost
 * the race to another writer goes round again: the newest save replaces the item.
 */
export async function saveConversation(lists: ListClient, input: unknown): Promise<Conversation> {
  const parsed = parseInput(Conversation, input, 'conversation');
  const conversation: Conversation = { ...parsed, usable: true, unusableReason: null, updatedAt: parseInstant(parsed.updatedAt, 'conversation updatedAt') };
  const fields = conversationFields(conversation);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const item = await lists.getByKey('conversations', conversation.aadObjectId);
    try {
      if (item !== null) {
        await lists.update('conversations', item.id, fields, item.eTag);
        return conversation;
      }
      // On a 409 the client answers with the item that already has this FtKey: ours only if it holds what we wrote.
      const created = await lists.create('conversations', fields);
      if (created.fields.FtData === fields.FtData) return conversation;
    } catch (error) {
      if (!isGraphStatus(error, 412) && !isGraphStatus(error, 409)) throw error;
    }
  }
  throw new StoreError('unavailable', `the conversation of ${conversation.aadObjectId} kept changing while it was being saved; try again`);
}

export async function getConversation(lists: ListClient, aadObjectIdInput: unknown): Promise<Conversation | null> {
  const aadObjectId = parseInput(Id, aadObjectIdInput, 'aadObjectId');
  const item = await lists.getByKey('conversations', aadObjectId);
  return item === null ? null : conversationOf(item);
}

/**
 * Keeps the reference, stops it being used: usable false, the reason and the time. A person
 * with no stored conversation is left alone (an uninstall can come from someone never stored).
 */
export async function markConversationUnusable(lists: ListClient, aadObjectIdInput: unknown, reasonInput: unknown, atInput: unknown): Promise<void> {
  const aadObjectId = parseInput(Id, aadObjectIdInput, 'aadObjectId');
  const reason = parseInput(Reason, reasonInput, 'reason');
  const at = parseInstant(atInput, 'at');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const item = await lists.getByKey('conversations', aadObjectId);
    if (item === null) return;
    const next: Conversation = { ...conversationOf(item), usable: false, unusableReason: reason, updatedAt: at };
    try {
      await lists.update('conversations', item.id, conversationFields(next), item.eTag);
      return;
    } catch (error) {
      if (!isGraphStatus(error, 412)) throw error;
    }
  }
  throw new StoreError('unavailable', `the conversation of ${aadObjectId} kept changing while it was being marked unusable; try again`);
}
