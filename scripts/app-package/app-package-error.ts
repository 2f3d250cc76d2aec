/** Everything that stops a package being built, listed at once so one run shows every fix needed. */
export class AppPackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? (problems[0] ?? '') : `${String(problems.length)} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}
