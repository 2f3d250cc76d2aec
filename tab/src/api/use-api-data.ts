import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useSession } from '../session.js';
import { type ApiError, asApiError } from './api-error.js';
import { type Loader, takePrefetched } from './loaders.js';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ok'; data: T };

export interface ApiData<T> {
  result: Loaded<T>;
  reload: () => void;
  /** Replaces the data with a fresher copy the server sent back (after an update or an edit). */
  replace: (data: T) => void;
}

/**
 * Loads once per loader key: one request per page view (benchmark P5 counts them), cancelled
 * when the page changes, so a slow answer for an old page never overwrites the new one.
 */
export function useApiData<T>({ key, load }: Loader<T>): ApiData<T> {
  const { api } = useSession();
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The loader may close over props; only `key` decides when to load again.
  const start = useEffectEvent((signal: AbortSignal) => load(api, signal));
  useEffect(() => {
    const controller = new AbortController();
    setResult((previous) => (previous.state === 'loading' ? previous : { state: 'loading' }));
    // The first page's request may already be on its way (started before the first render).
    const pending = (attempt === 0 ? takePrefetched<T>(key) : undefined) ?? start(controller.signal);
    pending.then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'ok', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error: asApiError(error) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [api, key, attempt]);
  const reload = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);
  const replace = useCallback((data: T) => {
    setResult({ state: 'ok', data });
  }, []);
  return { result, reload, replace };
}
