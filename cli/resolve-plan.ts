import type { PlanStore, PlanSummary } from '../store/plan-store.js';
import { CliError } from './cli-error.js';

/**
 * Finds the plan a person means: its id, the start of its id (as `plans` prints), one of its
 * references, or words from its title — as long as exactly one plan matches.
 */
export async function resolvePlan(store: PlanStore, query: string): Promise<PlanSummary> {
  const plans = await store.listPlans();
  const q = query.trim().toLowerCase();
  const tiers: ((p: PlanSummary) => boolean)[] = [
    (p) => p.id === query,
    (p) => q.length >= 4 && p.id.toLowerCase().startsWith(q),
    (p) => p.references.some((r) => r.toLowerCase() === q),
    (p) => p.title.toLowerCase().includes(q),
  ];
  for (const matches of tiers) {
    const found = plans.filter(matches);
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1) {
      throw new CliError(`"${query}" matches ${found.length} plans (${found.map((p) => p.id.slice(0, 8)).join(', ')}); give more of the id.`);
    }
  }
  throw new CliError(`No plan matches "${query}". \`followthrough plans\` lists them.`);
}
