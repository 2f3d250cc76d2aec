import type { Action, PlanTree, Recommendation } from '../model/index.js';
import { actionLabel } from '../plan/summarise-plan.js';

/** An action with where it sits in its plan. */
export interface PlacedAction {
  recommendation: Recommendation;
  action: Action;
  /** "2 b". */
  label: string;
}

/** Which of a plan's actions a forum sees, and why. */
export interface ForumScope {
  scope: 'plan' | 'reported-to';
  actions: PlacedAction[];
}

/** Forum names as people type them: case, spacing and Unicode forms do not make another forum. */
function forumKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The same forum, however cased or spaced ("Quality  committee", "QualityCommittee"). */
export function sameForum(a: string, b: string): boolean {
  const compact = (name: string): string => forumKey(name).replace(/ /gu, '');
  return compact(a) !== '' && compact(a) === compact(b);
}

/**
 * An action's "reported to" names the forum: it is the forum, or mentions it as whole words
 * ("Quality and Safety Committee and Trust Board" names "Trust Board"; "Directorate Management
 * Groups" is another forum than "Directorate Management Group", which forumsOf lists apart).
 */
export function namesForum(reportedTo: string | null, forum: string): boolean {
  if (reportedTo === null) return false;
  if (sameForum(reportedTo, forum)) return true;
  const text = forumKey(reportedTo);
  const phrase = forumKey(forum);
  if (phrase === '') return false;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (isBoundary(text[at - 1]) && isBoundary(text[at + phrase.length])) return true;
  }
  return false;
}

function isBoundary(char: string | undefined): boolean {
  return char === undefined || !/[\p{L}\p{N}]/u.test(char);
}

/**
 * What a forum sees of a plan: all of it when the plan reports there; otherwise only the actions
 * whose "reported to" names it; null when neither (the plan is not this forum's business).
 */
export function forumScope(tree: PlanTree, forum: string): ForumScope | null {
  const placed = placedActions(tree);
  if (tree.plan.forums.some((name) => sameForum(name, forum))) return { scope: 'plan', actions: placed };
  const named = placed.filter((entry) => namesForum(entry.action.reportedTo, forum));
  return named.length > 0 ? { scope: 'reported-to', actions: named } : null;
}

export function placedActions(tree: PlanTree): PlacedAction[] {
  return tree.recommendations.flatMap((recommendation) => recommendation.actions.map((action) => ({ recommendation, action, label: actionLabel(recommendation, action) })));
}

/**
 * The forums to pick a meeting from: every plan's forums and every action's "reported to",
 * trimmed, each forum once (first spelling kept), sorted as people read them.
 */
export function forumsOf(trees: readonly Pick<PlanTree, 'plan' | 'recommendations'>[]): string[] {
  const found: string[] = [];
  const add = (name: string | null): void => {
    const trimmed = name?.replace(/\s+/gu, ' ').trim() ?? '';
    if (trimmed !== '' && !found.some((known) => sameForum(known, trimmed))) found.push(trimmed);
  };
  for (const tree of trees) {
    tree.plan.forums.forEach(add);
    for (const rec of tree.recommendations) for (const action of rec.actions) add(action.reportedTo);
  }
  return found.sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }));
}
