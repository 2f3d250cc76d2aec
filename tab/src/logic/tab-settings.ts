import type { PlanSummary } from '../../../core/model/index.js';
import { routeHref } from '../routing/routes.js';
import type { TabSettings } from '../teams/host.js';

/** Teams cuts tab names short; a long NHS plan title is shortened here so the cut is ours. */
export const TAB_NAME_MAX = 30;

/** A channel tab's settings for a plan: the tab opens straight on the plan view. */
export function settingsFor(plan: Pick<PlanSummary, 'id' | 'title'>, origin: string): TabSettings {
  const url = `${origin}${routeHref({ name: 'plan', planId: plan.id })}`;
  const title = plan.title.trim();
  const name = title.length > TAB_NAME_MAX ? `${title.slice(0, TAB_NAME_MAX - 1).trimEnd()}…` : title;
  return { contentUrl: url, websiteUrl: url, entityId: plan.id, suggestedDisplayName: name };
}
