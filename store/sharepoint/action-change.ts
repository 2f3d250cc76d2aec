import { type Action, ActionFields } from '../../core/model/index.js';
import { diffFields } from '../../core/assurance/audit-diff.js';
import type { ActionPatch } from '../plan-store.js';
import { parseInput } from '../validate.js';
import { type AuditWriter, auditStep } from './audit-trail.js';
import type { AuditStep } from './audited-write.js';
import { actionEditFields, auditKeyOf } from './item-fields.js';
import type { ListItem, ListWrite } from './lists/list-client.js';

export interface ActionChange {
  next: Action;
  /** Null when no field changes: nothing to audit. */
  audit: AuditStep | null;
  /** The PATCH of the action item, with `If-Match` on the eTag it was read with. */
  write: ListWrite;
}

/** What applying `patch` to the action as read writes: the next version, its audit entry, the PATCH. */
export function actionChange(found: { item: ListItem; action: Action }, patch: ActionPatch, now: string, writer: AuditWriter): ActionChange {
  const { item, action } = found;
  const fields = parseInput(ActionFields, { ...action, ...patch }, `patch for action ${action.id}`);
  const next: Action = { ...action, ...fields, version: action.version + 1, updatedAt: now };
  // Only patched fields can differ; compared in the patch's order, as the SQLite store does.
  const patched = Object.keys(patch).filter((field): field is keyof ActionFields => field in fields && (patch as Record<string, unknown>)[field] !== undefined);
  const changes = diffFields<ActionFields>(action, fields, patched);
  const audit = changes.length === 0 ? null : auditStep(writer, { planId: action.planId, entity: 'action', entityId: action.id, at: now, changes }, next.version, auditKeyOf(item));
  return { next, audit, write: { kind: 'update', list: 'actions', itemId: item.id, eTag: item.eTag, fields: actionEditFields(next, audit?.link.key) } };
}
