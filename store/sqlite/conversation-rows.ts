import { Conversation } from '../../core/model/index.js';
import { fromColumns, json, plain, toColumns, type ColumnMap } from './columns.js';
import { parseRow, type Row } from './validate.js';
import { rowMemo } from './parsed-rows.js';

/** Where each field of a conversation is stored; the reference is JSON, `usable` an INTEGER 0/1. */
export const CONVERSATION_COLUMNS: ColumnMap<Conversation> = {
  aadObjectId: plain('aad_object_id'),
  displayName: plain('display_name'),
  tenantId: plain('tenant_id'),
  reference: json('reference_json'),
  usable: plain('usable'),
  unusableReason: plain('unusable_reason'),
  updatedAt: plain('updated_at'),
};

/** The values to bind; SQLite has no boolean, so `usable` becomes 1 or 0. */
export function conversationColumns(conversation: Conversation): Record<string, unknown> {
  return { ...toColumns(CONVERSATION_COLUMNS, conversation), usable: conversation.usable ? 1 : 0 };
}

/** The row checked against the model once per distinct content (see parsed-rows.ts). */
export const rowToConversation = (row: Row): Conversation => memo.parse(row);

function checkConversationRow(row: Row): Conversation {
  const where = `conversation ${String(row.aad_object_id)}`;
  // Anything but 0 or 1 is passed on as it is, so that the schema rejects it.
  const usable = row.usable === 1 ? true : row.usable === 0 ? false : row.usable;
  return parseRow(Conversation, { ...fromColumns(CONVERSATION_COLUMNS, row, where), usable }, where);
}

const memo = rowMemo(checkConversationRow);
