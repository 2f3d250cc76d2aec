import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { PageGlobals } from './page-globals.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical findings of axe-core on the page as it is now, one line each (empty: none). */
export async function seriousViolations(target: Page): Promise<string[]> {
  await target.addScriptTag({ path: AXE });
  const violations = await target.evaluate(async () => {
    const { axe, document } = globalThis as unknown as PageGlobals;
    return (await axe.run(document)).violations as AxeViolation[];
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
