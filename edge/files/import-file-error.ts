/**
 * Why a plan file could not be read, in one line a trust's user can act on: the message
 * names the file and says what to do, so the CLI and the bot can show it as it is.
 */
export type ImportFileErrorCode = 'missing' | 'empty' | 'corrupt' | 'unsupported' | 'unreadable';

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;

  constructor(code: ImportFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
    this.name = 'ImportFileError';
    this.code = code;
  }
}

/** Library messages (JSON, zip) can span lines; the message must stay one line. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
