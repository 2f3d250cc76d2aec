import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

/** What the usual failures mean to the person who typed the path. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOTEMPTY: 'it is a folder',
  ENOSPC: 'the disk is full',
};

/**
 * Writes the file whole or not at all: the bytes go to a temporary file beside it, which then
 * replaces it in one rename. A failure (bad folder, no permission, a full disk) leaves neither a
 * half-written paper nor the temporary file, and becomes a CliError naming the path given.
 */
export async function writeWholeFile(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    // The write's own failure is what the person must act on; a temporary file that could not be
    // removed either (it is a dot-file beside the target) must not hide it.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError(`Could not write ${file}: ${reasonOf(error)}`);
  }
}

function reasonOf(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return (code === undefined ? undefined : REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}
