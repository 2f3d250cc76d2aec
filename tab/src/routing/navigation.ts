import { useSyncExternalStore } from 'react';
import { BASE, matchRoute, type Route, routeHref } from './routes.js';

/** A router of a few lines: history.pushState, popstate, and one click handler for every link. */

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentPath = (): string => window.location.pathname;

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function useRoute(): Route {
  return matchRoute(usePathname());
}

export function navigate(to: string | Exclude<Route, { name: 'not-found' }>, options: { replace?: boolean } = {}): void {
  const href = typeof to === 'string' ? to : routeHref(to);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const listener of listeners) listener();
}

/**
 * Same-origin links under the base become in-app navigation: one listener for the whole
 * document instead of a handler on each of a plan's hundreds of links. Modified clicks
 * (new tab, new window) and links with a target are left to the browser.
 */
export function interceptLinks(root: Document): () => void {
  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement) || anchor.target !== '' || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith(BASE)) return;
    // "#main" (the skip link) and other in-page anchors are the browser's job.
    if (url.hash !== '' && url.pathname === window.location.pathname) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  };
  root.addEventListener('click', onClick);
  return () => {
    root.removeEventListener('click', onClick);
  };
}
