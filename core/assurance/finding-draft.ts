import type { IntegrityCode, IntegritySeverity } from './integrity-report.js';

/** What a rule says before it is placed in the plan (label and ids are added by `checkPlan`). */
export interface FindingDraft {
  code: IntegrityCode;
  severity: IntegritySeverity;
  /** The sentence after the subject: "no lead role is named." */
  text: string;
}

export const draft = (code: IntegrityCode, severity: IntegritySeverity, text: string): FindingDraft => ({ code, severity, text });
