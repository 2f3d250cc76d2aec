import type { Route } from './routes.js';

export type Section = 'plans' | 'my-actions' | 'dashboard' | 'import';

/** Which nav tab a page belongs to; the personal tab's home is My actions. */
export function sectionOf(route: Route, personal: boolean): Section | null {
  switch (route.name) {
    case 'home':
      return personal ? 'my-actions' : 'plans';
    case 'plans':
    case 'plan':
    case 'action':
      return 'plans';
    case 'dashboard':
      return 'dashboard';
    case 'my-actions':
      return 'my-actions';
    case 'import':
      return 'import';
    case 'config':
    case 'not-found':
      return null;
  }
}
