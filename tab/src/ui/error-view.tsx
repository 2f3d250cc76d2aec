import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../api/api-error.js';
import { useSession } from '../session.js';

/** An API failure in words: the server's own message, what to do about it, and a retry where one can help. */
export function ErrorView({ error, onRetry, what }: { error: ApiError; onRetry?: () => void; what: string }) {
  const { mode } = useSession();
  const advice = adviceFor(error, mode);
  const canRetry = onRetry !== undefined && (error.isNetwork || error.status >= 500 || error.status === 401);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{`Could not load ${what}.`}</MessageBarTitle> {error.message}
        {advice && <> {advice}</>}
      </MessageBarBody>
      {canRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function adviceFor(error: ApiError, mode: 'teams' | 'local'): string | null {
  if (error.status === 401) {
    return mode === 'teams'
      ? 'Teams has not signed you in to Followthrough. Close and reopen the tab; if it keeps happening, your administrator may need to grant the app consent.'
      : 'The server does not recognise the person chosen under “Act as”. Choose someone else, or open the tab from Teams.';
  }
  if (error.status === 403) return 'Ask the plan’s owner for access.';
  if (error.status === 404) return 'It may have been deleted, or the link is wrong.';
  return null;
}
