/**
 * botbuilder's CloudAdapter prints every request it refuses or fails with `console.error`
 * (botbuilder/lib/cloudAdapter.js, `process`), bypassing our logger. test/setup fails a test on
 * any console.error; a test that provokes such a request captures what was printed instead and
 * asserts on it.
 */
import { vi } from 'vitest';

export function captureConsoleError(): { printed: () => string[] } {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    printed.push(args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}\n${arg.stack ?? ''}` : String(arg))).join(' '));
  });
  return { printed: () => [...printed] };
}
