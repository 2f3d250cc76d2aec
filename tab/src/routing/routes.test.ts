import { describe, expect, it } from 'vitest';
import { deepLinkRoute, matchRoute, type Route, routeHref } from './routes.js';
import { sectionOf } from './sections.js';

describe('matchRoute', () => {
  it.each<[string, Route]>([
    ['/tab/', { name: 'home' }],
    ['/tab', { name: 'home' }],
    ['/tab/index.html', { name: 'home' }],
    ['/tab/plans', { name: 'plans' }],
    ['/tab/plans/', { name: 'plans' }],
    ['/tab/plans/p-1', { name: 'plan', planId: 'p-1' }],
    ['/tab/plans/p-1/dashboard', { name: 'dashboard', planId: 'p-1' }],
    ['/tab/dashboard', { name: 'dashboard-home' }],
    ['/tab/dashboard/x', { name: 'not-found', path: '/tab/dashboard/x' }],
    ['/tab/actions/a%2F1', { name: 'action', actionId: 'a/1' }],
    ['/tab/my-actions', { name: 'my-actions' }],
    ['/tab/config', { name: 'config' }],
    ['/tab/import', { name: 'import' }],
    ['/tab/meeting', { name: 'meeting' }],
    ['/tab/meeting/x', { name: 'not-found', path: '/tab/meeting/x' }],
    ['/tab/plans/p-1/other', { name: 'not-found', path: '/tab/plans/p-1/other' }],
    ['/tab/actions', { name: 'not-found', path: '/tab/actions' }],
    ['/tab/import/x', { name: 'not-found', path: '/tab/import/x' }],
    ['/tab/plans/%E0%A4%A', { name: 'not-found', path: '/tab/plans/%E0%A4%A' }],
    ['/tabs/plans', { name: 'not-found', path: '/tabs/plans' }],
    ['/', { name: 'not-found', path: '/' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it.each<Exclude<Route, { name: 'not-found' }>>([
    { name: 'home' },
    { name: 'plans' },
    { name: 'plan', planId: 'a b/c?d' },
    { name: 'dashboard', planId: '9f' },
    { name: 'dashboard-home' },
    { name: 'action', actionId: 'act#1' },
    { name: 'my-actions' },
    { name: 'config' },
    { name: 'import' },
    { name: 'meeting' },
  ])('routeHref(%j) matches back', (route) => {
    expect(matchRoute(routeHref(route))).toEqual(route);
  });
});

describe('deepLinkRoute', () => {
  it.each<[string | null, Route | null]>([
    [null, null],
    ['  ', null],
    ['act-3b', { name: 'action', actionId: 'act-3b' }],
    ['action:act-3b', { name: 'action', actionId: 'act-3b' }],
    ['plan:p-1', { name: 'plan', planId: 'p-1' }],
  ])('%j', (subPageId, route) => {
    expect(deepLinkRoute(subPageId)).toEqual(route);
  });
});

describe('sectionOf', () => {
  it('puts home under My actions in the personal tab and under Plans elsewhere', () => {
    expect(sectionOf({ name: 'home' }, true)).toBe('my-actions');
    expect(sectionOf({ name: 'home' }, false)).toBe('plans');
  });

  it('puts an action under Plans and the config page nowhere', () => {
    expect(sectionOf({ name: 'action', actionId: 'x' }, false)).toBe('plans');
    expect(sectionOf({ name: 'config' }, false)).toBeNull();
  });

  it('gives the meeting view its own tab', () => {
    expect(sectionOf({ name: 'meeting' }, false)).toBe('meeting');
  });

  it('puts the personal Dashboard tab under Dashboard', () => {
    expect(sectionOf({ name: 'dashboard-home' }, true)).toBe('dashboard');
  });
});
