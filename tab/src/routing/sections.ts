import type { Route } from './routes.js';

export type Section = 'plans' | 'my-actions' | 'dashboard' | 'meeting' | 'import';

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
    case 'dashboard-home':
      return 'dashboard';
    case 'my-actions':
      return 'my-actions';
    case 'meeting':
      return 'meeting';
    case 'import':
      return 'import';
    case 'config':
    case 'not-found':
      return null;
  }
}
