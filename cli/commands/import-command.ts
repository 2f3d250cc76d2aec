import type { PlanDraft } from '../../core/model/index.js';
import type { App } from '../../app/compose.js';
import { readDraft, saveDraft, similarPlans } from '../../app/plan-import.js';
import { CliError } from '../cli-error.js';
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
  const draft = await readDraft(options.file);
  if (draft.warnings.length > 0) io.err(formatWarnings(draft));
  if (options.dryRun) {
    io.out(options.json ? JSON.stringify(draft, null, 2) : formatDraftSummary(draft));
    return 0;
  }
  const id = await save(app, draft, options);
  io.out(options.json ? JSON.stringify({ id }) : id);
  return 0;
}

async function save(app: App, draft: PlanDraft, options: ImportOptions): Promise<string> {
  const similar = options.asNew ? [] : (await similarPlans(app.store, draft)).similar;
  if (similar.length > 0 && !options.replace) {
    const list = similar.map((p) => `${p.id.slice(0, 8)} "${p.title}"`).join(', ');
    throw new CliError(`This plan looks like one already imported: ${list}. Use --replace to replace it or --as-new to keep both.`);
  }
  if (similar.length > 1) {
    throw new CliError(`--replace is ambiguous: ${similar.length} stored plans match (${similar.map((p) => p.id.slice(0, 8)).join(', ')}).`);
  }
  const actor = { aadObjectId: null, displayName: 'Imported from file' };
  return saveDraft(app.store, draft, { now: app.clock.now().toISOString(), actor, source: 'cli', fileName: options.file, replacePlanId: similar[0]?.id });
}
