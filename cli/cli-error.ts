/** The CLI's own error: the command line was wrong or a request cannot be met. Exit 2 for usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
