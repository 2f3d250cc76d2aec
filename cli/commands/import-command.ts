import { type PlanDraft, PlanDraft as PlanDraftSchema } from '../../core/model/index.js';
import { importPlanDocument, importPlanText } from '../../core/import/import-plan.js';
import { readPlanFile, type PlanFile } from '../../edge/files/read-plan-file.js';
import type { App } from '../../app/compose.js';
import { CliError } from '../cli-error.js';
import { contentKey } from '../../app/content-key.js';
import { formatDraftSummary, formatWarnings } from '../format-plan.js';
import type { Io } from '../io.js';

export interface ImportOptions {
  file: string;
  dryRun: boolean;
  json: boolean;
  replace: boolean;
  asNew: boolean;
}

/**
 * `followthrough import <file>`: reads a plan, shows it (`--dry-run`) or writes it whole.
 * A plan that looks like one already stored is refused unless `--replace` or `--as-new` says
 * what to do, so nothing is duplicated silently.
 */
export async function importCommand(app: App, io: Io, options: ImportOptions): Promise<number> {
  if (options.replace && options.asNew) throw new CliError('--replace and --as-new cannot be used together.', 2);
  const file = await readPlanFile(options.file);
  const draft = draftFrom(file);
  if (draft.recommendations.length === 0) {
    throw new CliError(`${file.name}: no action-plan table found (expected headings such as Recommendation, Action, Lead, Due date).`);
  }
  if (draft.warnings.length > 0) io.err(formatWarnings(draft));
  if (options.dryRun) {
    io.out(options.json ? JSON.stringify(draft, null, 2) : formatDraftSummary(draft));
    return 0;
  }
  const id = await save(app, draft, options);
  io.out(options.json ? JSON.stringify({ id }) : id);
  return 0;
}

function draftFrom(file: PlanFile): PlanDraft {
  switch (file.kind) {
    case 'text':
      return importPlanText(file.text, file.name);
    case 'document':
      return importPlanDocument(file.document);
    case 'json': {
      const parsed = PlanDraftSchema.safeParse(file.json);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      throw new CliError(`${file.name}: not a Followthrough plan export (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`);
    }
  }
}

async function save(app: App, draft: PlanDraft, options: ImportOptions): Promise<string> {
  const key = contentKey(draft);
  const similar = options.asNew ? [] : await app.store.findSimilarPlans({ contentKey: key, references: draft.plan.references });
  if (similar.length > 0 && !options.replace) {
    const list = similar.map((p) => `${p.id.slice(0, 8)} "${p.title}"`).join(', ');
    throw new CliError(`This plan looks like one already imported: ${list}. Use --replace to replace it or --as-new to keep both.`);
  }
  if (similar.length > 1) {
    throw new CliError(`--replace is ambiguous: ${similar.length} stored plans match (${similar.map((p) => p.id.slice(0, 8)).join(', ')}).`);
  }
  return app.store.savePlan(draft, {
    now: app.clock.now().toISOString(),
    contentKey: key,
    actor: { aadObjectId: null, displayName: 'Imported from file' },
    ...(similar[0] ? { replacePlanId: similar[0].id } : {}),
  });
}
