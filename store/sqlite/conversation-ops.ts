import { z } from 'zod';
import { Conversation } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { parseInstant } from '../validate.js';
import { idArg } from './arguments.js';
import { columnList, placeholderList } from './columns.js';
import { CONVERSATION_COLUMNS, conversationColumns, rowToConversation } from './conversation-rows.js';
import type { Db } from './open-database.js';
import { inWriteTransaction, sql } from './statements.js';
import { parseInput } from './validate.js';

const Reason = z.string().min(1);

const UPSERT = `INSERT INTO conversations (${columnList(CONVERSATION_COLUMNS)}) VALUES (${placeholderList(CONVERSATION_COLUMNS)})
  ON CONFLICT (aad_object_id) DO UPDATE SET aad_object_id = excluded.aad_object_id, display_name = excluded.display_name,
    tenant_id = excluded.tenant_id, reference_json = excluded.reference_json, usable = excluded.usable,
    unusable_reason = excluded.unusable_reason, updated_at = excluded.updated_at
  RETURNING *`;

/** Stores or replaces the person's reference. Saving always makes it usable again. */
export function saveConversation(db: Db, input: unknown): Conversation {
  const parsed = parseInput(Conversation, input, 'conversation');
  const conversation: Conversation = { ...parsed, usable: true, unusableReason: null, updatedAt: parseInstant(parsed.updatedAt, 'conversation updatedAt') };
  return inWriteTransaction(db, () => {
    const row = sql(db, UPSERT).get(conversationColumns(conversation));
    if (!row) throw new StoreError('not-found', `conversation ${conversation.aadObjectId} was not found after it was written`);
    return rowToConversation(row);
  });
}

export function getConversation(db: Db, aadObjectIdInput: unknown): Conversation | null {
  const aadObjectId = idArg(aadObjectIdInput, 'aadObjectId');
  const row = sql(db, 'SELECT * FROM conversations WHERE aad_object_id = ?').get(aadObjectId);
  return row ? rowToConversation(row) : null;
}

/**
 * Keeps the reference but stops it being used. A person with no stored conversation is left
 * alone: an uninstall can arrive for someone the bot never stored, and there is nothing to keep.
 */
export function markConversationUnusable(db: Db, aadObjectIdInput: unknown, reasonInput: unknown, atInput: unknown): void {
  const aadObjectId = idArg(aadObjectIdInput, 'aadObjectId');
  const reason = parseInput(Reason, reasonInput, 'reason');
  const at = parseInstant(atInput, 'at');
  sql(db, 'UPDATE conversations SET usable = 0, unusable_reason = @reason, updated_at = @at WHERE aad_object_id = @aadObjectId').run({ aadObjectId, reason, at });
}
