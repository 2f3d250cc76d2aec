import { type Clock, systemClock } from '../app/clock.js';
import { composeApp, type App } from '../app/compose.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { PAPER_KINDS } from '../core/export/paper-file.js';
import { ImportFileError } from '../edge/files/import-file-error.js';
import { GraphError } from '../store/sharepoint/graph/graph-error.js';
import { StoreError } from '../store/store-error.js';
import { onePositional, parse } from './args.js';
import { CliError } from './cli-error.js';
import { checkCommand } from './commands/check-command.js';
import { DELETED_WITH_PLAN, deleteCommand } from './commands/delete-command.js';
import { demoCommand } from './commands/demo-command.js';
import { importCommand } from './commands/import-command.js';
import { provisionCommand } from './commands/provision-command.js';
import { exportCommand, type ExportTarget, plansCommand, showCommand } from './commands/plan-commands.js';
import { ROLES_REMOVE_USAGE, ROLES_SET_USAGE, rolesCommand } from './commands/roles-command.js';
import type { Io } from './io.js';

const HELP = `followthrough — NHS action plans that actually get done

Usage:
  followthrough import <file> [--dry-run] [--json] [--replace | --as-new]
      Read a plan from .txt (pasted/extracted text), .csv, .tsv, .xlsx, .docx or an export .json.
      --dry-run shows what would be imported (--json: as JSON) and writes nothing.
  followthrough plans [--json]          List stored plans.
  followthrough show <plan> [--json]    Status and RAG counts, overdue and due-soon actions.
  followthrough export <plan> --json    The plan as JSON; it imports back unchanged.
  followthrough export <plan> --xlsx <file> | --docx <file> | --html <file>
      A board paper: the plan laid out as NHS action plans are, RAG-coloured, with a summary;
      a workbook, a Word document (A4 landscape) or a page to print from a browser.
  followthrough check <plan> [--json]   Integrity checks: actions for every recommendation, held leads,
      due dates, evidence before assurance, references, similar plans, overdue with no update.
      Exit 0 when no check finds an error (warnings allowed), 1 when one does.
  followthrough delete <plan> --yes
      Delete the plan with its ${DELETED_WITH_PLAN}.
      Without --yes: says what would be deleted (counts) and exits 2. Roles are kept.
  followthrough roles [--json]          List roles with their holders and deputies (names and object ids).
  followthrough ${ROLES_SET_USAGE}
      Create the role or add people to it (--replace: exactly these people). <objectId> is the
      person's Entra object id; the name defaults to it. Role names match ignoring case and punctuation.
  followthrough ${ROLES_REMOVE_USAGE}
      Take someone off a role, holder or deputy.
  followthrough demo                    Load the demo plan (dated around today) and show it.
  followthrough provision --site <url|id> [--dry-run] [--json]
      Create the SharePoint lists and columns in a site (Graph settings: see README). Safe to re-run.

<plan> is an id, the first characters of one, a reference, or words from the title.
Settings come from the environment: STORE, SQLITE_PATH, SHAREPOINT_SITE, GRAPH_BASE_URL, AZURE_*, TIME_ZONE (see README).`;

/** Runs one command line; returns the exit code. Every failure is reported here, once. */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: Io, clock: Clock = systemClock): Promise<number> {
  let app: App | null = null;
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(HELP);
      return command === undefined ? 2 : 0;
    }
    // Provisioning talks to Graph only; it opens no plan store.
    if (command === 'provision') {
      const { values } = parse(rest, { site: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
      return await provisionCommand(env, io, { site: typeof values.site === 'string' ? values.site : undefined, dryRun: values['dry-run'] === true, json: values.json === true });
    }
    app = await composeApp(loadConfig(env), { clock });
    return await dispatch(app, io, command, rest);
  } catch (error) {
    return report(io, error);
  } finally {
    await app?.store.close();
  }
}

async function dispatch(app: App, io: Io, command: string, args: readonly string[]): Promise<number> {
  switch (command) {
    case 'import': {
      const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, replace: { type: 'boolean' }, 'as-new': { type: 'boolean' } });
      return importCommand(app, io, {
        file: onePositional(positionals, 'import <file>'),
        dryRun: values['dry-run'] === true,
        json: values.json === true,
        replace: values.replace === true,
        asNew: values['as-new'] === true,
      });
    }
    case 'plans':
      return plansCommand(app, io, { json: parse(args, { json: { type: 'boolean' } }).values.json === true });
    case 'export': {
      const { values, positionals } = parse(args, { json: { type: 'boolean' }, xlsx: { type: 'string' }, docx: { type: 'string' }, html: { type: 'string' } });
      return exportCommand(app, io, { plan: onePositional(positionals, `export <plan> ${EXPORT_USAGE}`), target: exportTarget(values) });
    }
    case 'show':
    case 'check': {
      const { values, positionals } = parse(args, { json: { type: 'boolean' } });
      const options = { plan: onePositional(positionals, `${command} <plan>`), json: values.json === true };
      if (command === 'check') return checkCommand(app, io, options);
      return showCommand(app, io, options);
    }
    case 'delete': {
      const { values, positionals } = parse(args, { yes: { type: 'boolean' } });
      return deleteCommand(app, io, { plan: onePositional(positionals, 'delete <plan> --yes'), yes: values.yes === true });
    }
    case 'roles':
      return rolesCommand(app, io, args);
    case 'demo':
      parse(args, {});
      return demoCommand(app, io);
    default:
      throw new CliError(`Unknown command "${command}". Run \`followthrough help\`.`, 2);
  }
}

const EXPORT_USAGE = '--json | --xlsx <file> | --docx <file> | --html <file>';

/** Exactly one of --json or a paper format with its file. */
function exportTarget(values: Record<string, unknown>): ExportTarget {
  const papers = PAPER_KINDS.flatMap((kind) => {
    const file = values[kind];
    return typeof file === 'string' ? [{ kind, file }] : [];
  });
  const json = values.json === true;
  const [paper] = papers;
  if (json && papers.length === 0) return { kind: 'json' };
  if (!json && papers.length === 1 && paper) return paper;
  throw new CliError(`Give one of ${EXPORT_USAGE}.`, 2);
}

/** The one place failures become messages: one line, no stack, a non-zero exit. */
function report(io: Io, error: unknown): number {
  if (error instanceof CliError) {
    io.err(`followthrough: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof ImportFileError || error instanceof ConfigError || error instanceof StoreError || error instanceof GraphError) {
    io.err(`followthrough: ${error.message}`);
    return 1;
  }
  io.err(`followthrough: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 70;
}
