import { z } from 'zod';
import { ChangedBy, IsoDateTime } from '../../core/model/index.js';
import { parseInput } from './validate.js';

const Id = z.string().min(1);
const Version = z.number().int().positive();

export function idArg(value: unknown, what: string): string {
  return parseInput(Id, value, what);
}

export function versionArg(value: unknown): number {
  return parseInput(Version, value, 'expected version');
}

export function instantArg(value: unknown, what: string): string {
  return parseInput(IsoDateTime, value, what);
}

/** A patch without its undefined entries: `{ owner: undefined }` means "not given", not "clear it". */
export function definedEntries(patch: unknown, what: string): Record<string, unknown> {
  const object = parseInput(z.record(z.string(), z.unknown()), patch, what);
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** Who made a change, with the schema's defaults applied (no meeting, no summary). */
export type ChangedByValue = z.output<typeof ChangedBy>;

export function changedByArg(value: unknown): ChangedByValue {
  return parseInput(ChangedBy, value, 'who made the change');
}
