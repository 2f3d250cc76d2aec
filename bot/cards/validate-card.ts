/**
 * Checks a card against the adaptivecards library (the Microsoft renderer's own parser and
 * validator), for the card tests. The library's lib/ is extensionless ESM that vitest resolves but
 * bare Node does not, so nothing the bot runs imports this file.
 *
 * The library is lenient: it skips properties it does not know and never looks inside an action's
 * `fallback` unless the action itself is unknown. So besides its parse and validation events this
 * also reports what did not survive a parse → serialise round trip (a misspelt or misplaced
 * property), parses the card a second time as a client without Universal Actions would (every
 * `Action.Execute` replaced by its `Action.Submit` fallback), and checks that toggles point at
 * elements that exist.
 */
import * as AC from 'adaptivecards';
import type { AdaptiveCard } from './adaptive-card.js';

export interface CardProblem {
  check: 'schema' | 'parse' | 'validate' | 'round-trip' | 'fallback' | 'toggle';
  message: string;
}

export function validateCard(card: AdaptiveCard): CardProblem[] {
  const json = JSON.parse(JSON.stringify(card)) as Record<string, unknown>;
  const problems: CardProblem[] = [];
  if (json.type !== 'AdaptiveCard') problems.push({ check: 'schema', message: `type is ${String(json.type)}` });
  if (json.version !== '1.5') problems.push({ check: 'schema', message: `version is ${String(json.version)}, Teams renders 1.5` });

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  problems.push(...contextEvents(context, 'parse'));
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push({ check: 'validate', message: `${AC.ValidationEvent[event.event]}: ${event.message}` });
  }
  const back = parsed.toJSON(context) ?? {};
  compare(json, back, '$', problems);

  const seen = new Set(problems.map((problem) => problem.message));
  problems.push(...legacyClient(json).filter((problem) => !seen.has(problem.message)));
  problems.push(...toggles(json));
  return problems;
}

function contextEvents(context: AC.SerializationContext, check: CardProblem['check']): CardProblem[] {
  const found: CardProblem[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    found.push({ check, message: `${AC.ValidationEvent[event.event]}: ${event.message}` });
  }
  return found;
}

/** Properties the library understands but does not serialise back, for reasons of its own. */
function ignored(path: string, key: string, source: Record<string, unknown>): boolean {
  // An action's fallback is only parsed when the action is unknown: checked by legacyClient().
  if (key === 'fallback' && typeof source.type === 'string' && source.type.startsWith('Action.')) return true;
  // A Teams extension the generic library does not model.
  return path === '$' && key === 'msteams';
}

/** Everything in `sent` must come back unchanged from the library's serialisation. */
function compare(sent: unknown, back: unknown, path: string, problems: CardProblem[]): void {
  if (Array.isArray(sent)) {
    if (!Array.isArray(back) || back.length !== sent.length) {
      problems.push({ check: 'round-trip', message: `${path}: the library kept ${Array.isArray(back) ? String(back.length) : 'no'} of ${String(sent.length)} items` });
      return;
    }
    sent.forEach((item, index) => {
      compare(item, back[index], `${path}[${String(index)}]`, problems);
    });
    return;
  }
  if (sent !== null && typeof sent === 'object') {
    if (back === null || typeof back !== 'object' || Array.isArray(back)) {
      problems.push({ check: 'round-trip', message: `${path}: not kept as an object` });
      return;
    }
    const source = sent as Record<string, unknown>;
    const result = back as Record<string, unknown>;
    const where = typeof source.type === 'string' ? `${path}<${source.type}>` : path;
    for (const [key, value] of Object.entries(source)) {
      if (ignored(path, key, source)) continue;
      if (!(key in result)) {
        problems.push({ check: 'round-trip', message: `${where}.${key}: not understood (dropped by the library)` });
        continue;
      }
      compare(value, result[key], `${where}.${key}`, problems);
    }
    return;
  }
  if (sent !== back) problems.push({ check: 'round-trip', message: `${path}: sent ${JSON.stringify(sent)}, read as ${JSON.stringify(back)}` });
}

/** Parse as a client without Universal Actions: each Action.Execute must fall back to an Action.Submit with the same data and its verb. */
function legacyClient(json: Record<string, unknown>): CardProblem[] {
  const problems: CardProblem[] = [];
  for (const action of allActions(json)) {
    if (action.type !== 'Action.Execute') continue;
    const fallback = action.fallback as Record<string, unknown> | undefined;
    const verb = typeof action.verb === 'string' ? action.verb : '';
    if (fallback?.type !== 'Action.Submit') {
      problems.push({ check: 'fallback', message: `Action.Execute "${verb}" has no Action.Submit fallback` });
      continue;
    }
    const expected = JSON.stringify(sorted({ ...(action.data as object), verb }));
    if (JSON.stringify(sorted(fallback.data)) !== expected) problems.push({ check: 'fallback', message: `fallback of "${verb}" sends ${JSON.stringify(fallback.data)}, expected ${expected}` });
    if (fallback.title !== action.title) problems.push({ check: 'fallback', message: `fallback of "${verb}" is titled differently` });
    if (fallback.associatedInputs !== action.associatedInputs) problems.push({ check: 'fallback', message: `fallback of "${verb}" gathers different inputs` });
  }
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const registry = new AC.CardObjectRegistry<AC.Action>();
  AC.GlobalRegistry.populateWithDefaultActions(registry);
  registry.unregister('Action.Execute');
  context.setActionRegistry(registry);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  for (const problem of contextEvents(context, 'fallback')) {
    // Unknown Action.Execute is exactly what this client sees; its fallback is then used.
    if (!problem.message.includes('"Action.Execute"')) problems.push(problem);
  }
  const serialised = JSON.stringify(parsed.toJSON(context));
  if (serialised.includes('"Action.Execute"')) problems.push({ check: 'fallback', message: 'an Action.Execute survived on a client without Universal Actions' });
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push({ check: 'fallback', message: `${AC.ValidationEvent[event.event]}: ${event.message}` });
  }
  return problems;
}

function toggles(json: Record<string, unknown>): CardProblem[] {
  const ids = new Set<string>();
  walk(json, (node) => {
    if (typeof node.id === 'string') ids.add(node.id);
  });
  const problems: CardProblem[] = [];
  for (const action of allActions(json)) {
    if (action.type !== 'Action.ToggleVisibility') continue;
    const targets = Array.isArray(action.targetElements) ? (action.targetElements as unknown[]) : [];
    if (targets.length === 0) problems.push({ check: 'toggle', message: `"${String(action.title)}" toggles nothing` });
    for (const target of targets) {
      const id = typeof target === 'string' ? target : (target as { elementId?: unknown }).elementId;
      if (typeof id !== 'string' || !ids.has(id)) problems.push({ check: 'toggle', message: `"${String(action.title)}" targets a missing element ${JSON.stringify(id)}` });
    }
  }
  return problems;
}

export function allActions(json: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  walk(json, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) found.push(node);
  });
  return found;
}

/** Every object in the card, depth first, except inside actions' fallbacks. */
export function walk(json: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(json)) {
    for (const item of json) walk(item, visit);
    return;
  }
  if (json === null || typeof json !== 'object') return;
  const node = json as Record<string, unknown>;
  visit(node);
  for (const [key, value] of Object.entries(node)) if (key !== 'fallback') walk(value, visit);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, item]) => [key, sorted(item)]),
  );
}
