import { z } from 'zod';
import { FIELDS } from '../../core/import/column-mapping.js';
import type { Plan, PlanDraft } from '../../core/model/index.js';
import { type ImportCommitted, type ImportPreview, ImportRequest } from '../../core/views/tab-api.js';
import { ImportFileError } from '../../edge/files/import-file-error.js';
import { readUploadedDraft, saveDraft, similarPlans } from '../../app/plan-import.js';
import type { PlanStore } from '../../store/plan-store.js';
import { ApiError, notFound } from '../api-error.js';
import type { ApiResponse, RouteContext } from '../api-types.js';
import { parseInput } from '../parse-input.js';

export const DEFAULT_MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** POST /api/imports/preview — what the file would import as; nothing is written. */
export async function previewImport({ store, request, deps }: RouteContext): Promise<ApiResponse> {
  const { draft } = await readRequest(request.body, deps.maxImportBytes);
  const { similar } = await similarPlans(store, draft);
  const body: ImportPreview = {
    title: draft.plan.title,
    recommendations: draft.recommendations.length,
    actions: draft.recommendations.reduce((sum, rec) => sum + rec.actions.length, 0),
    draft,
    warnings: draft.warnings.map(({ code, message, line }) => ({ code, message, line })),
    columns: draft.plan.columns.map(({ heading, field }) => ({ heading, field: field ?? 'other' })),
    similar: await summariesOf(store, similar),
  };
  return { status: 200, body };
}

/**
 * POST /api/imports — saves the plan whole. `replacePlanId` replaces that plan's content (its id
 * stays). Without it, a plan with exactly the same content is refused (409: a second click, or
 * the same file twice); one that only shares a reference is saved as new, since the preview
 * showed it as similar and the person chose not to replace it.
 */
export async function commitImport({ store, request, caller, deps }: RouteContext): Promise<ApiResponse> {
  const { draft, replacePlanId, fileName } = await readRequest(request.body, deps.maxImportBytes);
  if (replacePlanId === undefined) {
    const { contentKey, similar } = await similarPlans(store, draft);
    const same = similar.filter((plan) => plan.contentKey === contentKey);
    if (same.length > 0) throw new ApiError(409, 'DuplicatePlan', `This plan is already imported: ${same.map((plan) => `"${plan.title}"`).join(', ')}. Replace it instead.`);
  } else if ((await store.getPlan(replacePlanId)) === null) {
    throw notFound('The plan to replace');
  }
  const actor = { aadObjectId: caller.aadObjectId, displayName: caller.displayName };
  const planId = await saveDraft(store, draft, { now: deps.now().toISOString(), actor, source: 'tab', fileName, replacePlanId });
  const body: ImportCommitted = { planId };
  return { status: 201, body };
}

/** Heading → one of the importer's fields, or "other" to map nothing. */
const ColumnMappingInput = z.record(z.string(), z.enum([...FIELDS, 'other'], { error: 'Choose one of the fields the importer knows, or "other".' }));

async function readRequest(body: unknown, maxBytes = DEFAULT_MAX_IMPORT_BYTES): Promise<{ draft: PlanDraft; replacePlanId: string | undefined; fileName: string }> {
  const upload = parseInput(ImportRequest, body, 'The import');
  const mapping = parseInput(ColumnMappingInput, upload.mapping ?? {}, 'The column mapping');
  const bytes = decodeBase64(upload.contentBase64, maxBytes);
  try {
    return { draft: await readUploadedDraft(bytes, upload.fileName, { mapping }), replacePlanId: upload.replacePlanId, fileName: upload.fileName };
  } catch (error) {
    if (error instanceof ImportFileError) throw new ApiError(400, 'UnreadableFile', error.message);
    throw error;
  }
}

/** Size is checked from the text's length before decoding, so an oversized upload costs no memory twice. */
function decodeBase64(text: string, maxBytes: number): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new ApiError(400, 'BadRequest', 'The file content is not base64.');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const size = Math.floor((clean.length * 3) / 4) - padding;
  if (size > maxBytes) throw new ApiError(413, 'FileTooLarge', `The file is larger than ${String(Math.round(maxBytes / (1024 * 1024)))} MB.`);
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

async function summariesOf(store: PlanStore, plans: readonly Plan[]) {
  if (plans.length === 0) return [];
  const ids = new Set(plans.map((plan) => plan.id));
  return (await store.listPlans()).filter((summary) => ids.has(summary.id));
}
