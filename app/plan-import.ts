import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type ImportOptions, importPlanDocument, importPlanText } from '../core/import/import-plan.js';
import { type Actor, type ChangeSource, type Plan, type PlanDraft, PlanDraft as PlanDraftSchema } from '../core/model/index.js';
import { ImportFileError } from '../edge/files/import-file-error.js';
import { readPlanFile, type PlanFile } from '../edge/files/read-plan-file.js';
import type { PlanStore } from '../store/plan-store.js';
import { contentKey } from './content-key.js';

/**
 * Importing a plan, shared by `followthrough import` and the tab's import: one reader, one
 * "is there a plan in it" rule, one duplicate check, one save. Callers decide what to do about
 * similar plans (the CLI's --replace/--as-new, the tab's replacePlanId).
 */

/** The plan in a file on disk; ImportFileError when there is none. */
export async function readDraft(path: string, options: ImportOptions = {}): Promise<PlanDraft> {
  return draftFrom(await readPlanFile(path), options);
}

/**
 * The plan in uploaded bytes. The readers take a path (edge/files/read-plan-file.ts), so the
 * bytes go to a private temporary folder for the read and are removed straight after.
 */
export async function readUploadedDraft(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<PlanDraft> {
  const folder = await mkdtemp(join(tmpdir(), 'followthrough-upload-'));
  try {
    const path = join(folder, safeName(fileName));
    await writeFile(path, bytes, { mode: 0o600 });
    return await readDraft(path, options);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function draftFrom(file: PlanFile, options: ImportOptions = {}): PlanDraft {
  const draft = parsed(file, options);
  if (draft.recommendations.length === 0) {
    throw new ImportFileError('unsupported', `${file.name}: no action-plan table found (expected headings such as Recommendation, Action, Lead, Due date).`);
  }
  return draft;
}

function parsed(file: PlanFile, options: ImportOptions): PlanDraft {
  switch (file.kind) {
    case 'text':
      return importPlanText(file.text, file.name, options);
    case 'document':
      return importPlanDocument(file.document, options);
    // Our own export names its fields already: a column mapping has nothing to correct.
    case 'json': {
      const result = PlanDraftSchema.safeParse(file.json);
      if (result.success) return result.data;
      const issue = result.error.issues[0];
      throw new ImportFileError('corrupt', `${file.name}: not a Followthrough plan export (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`);
    }
  }
}

/** Plans already stored with the same content or a shared reference, and the draft's fingerprint. */
export async function similarPlans(store: PlanStore, draft: PlanDraft): Promise<{ contentKey: string; similar: Plan[] }> {
  const key = contentKey(draft);
  return { contentKey: key, similar: await store.findSimilarPlans({ contentKey: key, references: draft.plan.references }) };
}

export interface SaveDraftOptions {
  now: string;
  actor: Actor;
  /** Where the import was made (`cli`, `tab`), for the audit trail. */
  source: ChangeSource;
  /** The file it was read from, named in the audit trail's entry. */
  fileName: string;
  replacePlanId?: string | undefined;
}

/** Writes the plan whole (new, or replacing `replacePlanId`'s content under its id) and returns its id. */
export function saveDraft(store: PlanStore, draft: PlanDraft, options: SaveDraftOptions): Promise<string> {
  const file = basename(options.fileName.replace(/\\/g, '/'));
  return store.savePlan(draft, {
    now: options.now,
    contentKey: contentKey(draft),
    actor: options.actor,
    source: options.source,
    summary: options.replacePlanId === undefined ? `Imported from ${file}` : `Replaced by an import of ${file}`,
    ...(options.replacePlanId === undefined ? {} : { replacePlanId: options.replacePlanId }),
  });
}

/** The name without any folder part, and without characters a file system might refuse; the extension is kept (it picks the reader). */
function safeName(fileName: string): string {
  const name = basename(fileName.replace(/\\/g, '/')).replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/^\.+/, '');
  return name === '' ? 'upload' : name.slice(-200);
}
