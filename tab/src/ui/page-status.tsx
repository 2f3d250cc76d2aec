import type { Loaded } from '../api/use-api-data.js';
import { useCommonStyles } from './common-styles.js';
import { ErrorView } from './error-view.js';
import { Loading } from './loading.js';

/** A page whose heading comes with its data: until then, a plain heading and the loading or error state. */
export function PageStatus({ title, what, result, onRetry }: { title: string; what: string; result: Exclude<Loaded<unknown>, { state: 'ok' }>; onRetry: () => void }) {
  const common = useCommonStyles();
  return (
    <div className={common.page}>
      <h1 className={common.heading}>{title}</h1>
      {result.state === 'loading' ? <Loading what={what} /> : <ErrorView error={result.error} onRetry={onRetry} what={what} />}
    </div>
  );
}
