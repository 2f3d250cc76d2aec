import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's strict parser; any mistake in the command line is a usage error (exit 2). */
export function parse(args: readonly string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
}

export function onePositional(positionals: readonly string[], usage: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) throw new CliError(`Usage: followthrough ${usage}`, 2);
  return positionals[0];
}

/** A repeatable string option's values (`--holder a --holder b`), in the order given. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
