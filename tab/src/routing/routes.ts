/** The tab's pages, by path under the base (`/tab/`). Pure, so matching is tested in node. */
export type Route =
  | { name: 'home' }
  | { name: 'plans' }
  | { name: 'plan'; planId: string }
  | { name: 'dashboard'; planId: string }
  /** The personal Dashboard tab's address: no plan in it, the page finds one (dashboard-home-page). */
  | { name: 'dashboard-home' }
  | { name: 'action'; actionId: string }
  | { name: 'my-actions' }
  | { name: 'config' }
  | { name: 'import' }
  /** The governance meeting view; its forum and dates travel in the query (`?forum=&since=&date=`). */
  | { name: 'meeting' }
  | { name: 'not-found'; path: string };

export const BASE = '/tab/';

/** The route a pathname names; anything outside the base or unknown is `not-found`. */
export function matchRoute(pathname: string, base = BASE): Route {
  const root = base.replace(/\/$/, '');
  if (pathname !== root && !pathname.startsWith(base)) return { name: 'not-found', path: pathname };
  const parts = pathname.slice(base.length).split('/').filter((part) => part !== '');
  const decoded = parts.map(safeDecode);
  if (decoded.some((part) => part === null)) return { name: 'not-found', path: pathname };
  const [first, second, third, ...rest] = decoded as string[];
  if (rest.length > 0) return { name: 'not-found', path: pathname };
  if (first === undefined || (first === 'index.html' && second === undefined)) return { name: 'home' };
  if (first === 'plans' && second === undefined) return { name: 'plans' };
  if (first === 'plans' && second !== undefined && third === undefined) return { name: 'plan', planId: second };
  if (first === 'plans' && second !== undefined && third === 'dashboard') return { name: 'dashboard', planId: second };
  if (first === 'actions' && second !== undefined && third === undefined) return { name: 'action', actionId: second };
  if (third === undefined && second === undefined) {
    if (first === 'my-actions') return { name: 'my-actions' };
    if (first === 'dashboard') return { name: 'dashboard-home' };
    if (first === 'config') return { name: 'config' };
    if (first === 'import') return { name: 'import' };
    if (first === 'meeting') return { name: 'meeting' };
  }
  return { name: 'not-found', path: pathname };
}

/** The path of a route; `matchRoute(routeHref(r))` gives `r` back. */
export function routeHref(route: Exclude<Route, { name: 'not-found' }>, base = BASE): string {
  switch (route.name) {
    case 'home':
      return base;
    case 'plans':
      return `${base}plans`;
    case 'plan':
      return `${base}plans/${encodeURIComponent(route.planId)}`;
    case 'dashboard':
      return `${base}plans/${encodeURIComponent(route.planId)}/dashboard`;
    case 'dashboard-home':
      return `${base}dashboard`;
    case 'action':
      return `${base}actions/${encodeURIComponent(route.actionId)}`;
    case 'my-actions':
    case 'config':
    case 'import':
    case 'meeting':
      return `${base}${route.name}`;
  }
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape ("%E0%A4%A") cannot name anything we have.
    return null;
  }
}

/**
 * Where a Teams deep link points: `subPageId` (the bot's "Open in tab" sets it) names an action,
 * written bare or as "action:<id>" / "plan:<id>".
 */
export function deepLinkRoute(subPageId: string | null | undefined): Route | null {
  const value = subPageId?.trim() ?? '';
  if (value === '') return null;
  const match = /^(action|plan):(.+)$/.exec(value);
  if (match?.[1] === 'plan' && match[2] !== undefined) return { name: 'plan', planId: match[2] };
  return { name: 'action', actionId: match?.[2] ?? value };
}
