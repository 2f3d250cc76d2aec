import type { Plan } from '../model/index.js';
import { draft, type FindingDraft } from './finding-draft.js';

export interface SimilarPlan {
  id: string;
  title: string;
  references: string[];
}

/**
 * The plan must carry the incident reference(s) it answers: seed 003's case had the wrong plan
 * logged against it, which nobody can notice when plans carry no reference at all.
 */
export function referenceFindings(plan: Pick<Plan, 'references'>): FindingDraft[] {
  if (plan.references.some((reference) => reference.trim() !== '')) return [];
  return [draft('plan-without-reference', 'error', 'carries no incident reference (StEIS, SI or case number), so it cannot be matched to its case.')];
}

/** One warning per other plan sharing a reference or the imported content: possibly the same case twice. */
export function similarFindings(plan: Pick<Plan, 'id' | 'references'>, similar: readonly SimilarPlan[]): FindingDraft[] {
  return similar
    .filter((other) => other.id !== plan.id)
    .map((other) => {
      const name = `plan "${other.title}" (${other.id.slice(0, 8)})`;
      const shared = plan.references.filter((reference) => other.references.some((theirs) => sameReference(reference, theirs)));
      const text = shared.length > 0 ? `shares reference ${shared.map((r) => `"${r}"`).join(', ')} with ${name}.` : `has the same imported content as ${name}.`;
      return draft('similar-plan', 'warning', text);
    });
}

/** The stores match references ignoring case and spacing ("STEIS  2022/14873"); so do we. */
function sameReference(a: string, b: string): boolean {
  const key = (reference: string): string => reference.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}
