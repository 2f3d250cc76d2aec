import type { RequestEvent } from '../store/sharepoint/graph/middleware.js';
import { createLogBudget, type LogBudgetOptions } from './log-budget.js';
import type { Logger } from './logger.js';

/**
 * Graph's `onRequest` hook as log lines: every attempt at `debug`; a 429, a 5xx or no answer at
 * all (a timeout, a dropped connection) at `warn`, with Graph's `request-id` — what Microsoft
 * support asks for. The path is logged as its shape (`route`), without the query and with every
 * id replaced, so a line says what was called and never whose. Warnings are rate-limited like
 * the sender's (app/log-budget.ts): a throttling storm is a few lines and a summary.
 */
export type GraphLogOptions = Partial<Pick<LogBudgetOptions, 'perWindow' | 'windowMs' | 'now' | 'later'>>;

export function graphRequestLogger(log: Logger, options: GraphLogOptions = {}): (event: RequestEvent) => void {
  const budget = createLogBudget({
    perWindow: 10,
    windowMs: 60_000,
    ...options,
    summarise: (held, windowMs) => {
      log.warn('graph warnings held back', { held, windowSeconds: windowMs / 1000 });
    },
  });
  return (event) => {
    const fields = {
      method: event.method,
      route: graphRoute(event.path),
      status: event.status,
      attempt: event.attempt,
      durationMs: event.durationMs,
      requestId: event.requestId,
      clientRequestId: event.clientRequestId,
      ...(event.error === undefined ? {} : { error: event.error }),
    };
    const trouble = troubleOf(event);
    if (trouble === null) log.debug('graph request', fields);
    else if (budget.admit(trouble)) log.warn(event.status === 429 ? 'graph request throttled' : 'graph request failed', fields);
  };
}

/** What makes an attempt worth a warning, as the kind the summary counts; null when it is not. */
function troubleOf(event: RequestEvent): string | null {
  if (event.status === 0) return event.error ?? 'no answer';
  if (event.status === 429 || event.status >= 500) return `HTTP ${String(event.status)}`;
  return null;
}

/**
 * `/sites/contoso.sharepoint.com,1f…,9a…/lists/4b…/items/17?$filter=…` → `/sites/{id}/lists/{id}/items/{id}`.
 * Only segments made of letters (Graph's own words: `lists`, `items`, `$batch`) are kept; anything
 * else may name a site, an item or a person.
 */
export function graphRoute(path: string): string {
  const [bare = ''] = path.split('?');
  return bare
    .split('/')
    .map((segment) => (segment === '' || /^\$?[A-Za-z]+$/.test(segment) ? segment : '{id}'))
    .join('/');
}
