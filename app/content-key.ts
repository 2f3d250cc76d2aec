import { createHash } from 'node:crypto';
import type { PlanDraft } from '../core/model/index.js';

/**
 * A fingerprint of a plan's content, so that importing the same plan twice is noticed even
 * when the file name differs. Warnings and line numbers do not count; the words do.
 */
export function contentKey(draft: PlanDraft): string {
  const content = {
    title: draft.plan.title,
    recommendations: draft.recommendations.map((rec) => ({
      number: rec.number,
      text: rec.text,
      actions: rec.actions.map((a) => [a.ref, a.text, a.leads, a.due?.text ?? null]),
    })),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
