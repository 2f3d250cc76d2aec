import { useState } from 'react';
import type { Meeting } from '../../../core/model/index.js';
import { ActionDetail, type ReviewRequest } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { apiPath } from '../api/client.js';
import { ukDate } from '../logic/labels.js';
import { type DecisionButton, decisionTitle } from '../logic/review-decisions.js';
import { useSession } from '../session.js';
import { ReasonDialog } from '../ui/reason-dialog.js';

interface Props {
  actionId: string;
  /** "action 2b", as the title and the sentences name it. */
  actionName: string;
  button: DecisionButton;
  /** The meeting it is decided at, or null off a meeting (the action page). */
  meeting: Meeting | null;
  /** The action's version as the person saw it: a change since is refused (409), not overwritten. */
  version: number;
  onDone: (detail: ActionDetail) => void;
  /** The action changed since it was loaded: the caller reloads and says so. */
  onConflict: () => void;
  onCancel: () => void;
}

/** Asks for the reason (or an optional comment) and sends the decision (POST /api/actions/:id/review). */
export function DecisionDialog({ actionId, actionName, button, meeting, version, onDone, onConflict, onCancel }: Props) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const send = async (reason: string): Promise<void> => {
    setBusy(true);
    setError(null);
    setReasonError(null);
    const request: ReviewRequest = { decision: button.decision, version, meeting, ...(reason === '' ? {} : { reason }) };
    try {
      onDone(await api.send('POST', apiPath`/api/actions/${actionId}/review`, request, ActionDetail));
    } catch (caught) {
      const failure = asApiError(caught);
      setBusy(false);
      if (failure.status === 409) {
        onConflict();
        return;
      }
      setReasonError(failure.fields.reason ?? null);
      const other = Object.entries(failure.fields)
        .filter(([field]) => field !== 'reason')
        .map(([, message]) => message);
      setError([failure.message, ...other].filter((text, index, all) => all.indexOf(text) === index).join(' '));
    }
  };
  return (
    <ReasonDialog
      title={decisionTitle(button, actionName)}
      description={describe(button, meeting)}
      label={button.reason === 'required' ? 'Reason' : 'Comment (optional)'}
      required={button.reason === 'required'}
      confirmLabel={button.label}
      busy={busy}
      error={error}
      reasonError={reasonError}
      onConfirm={(reason) => {
        void send(reason);
      }}
      onCancel={onCancel}
    />
  );
}

function describe(button: DecisionButton, meeting: Meeting | null): string {
  const where = meeting === null ? '' : ` at ${meeting.forum} on ${ukDate(meeting.date)}`;
  switch (button.decision) {
    case 'assure':
      return `The action is recorded as assured${where}, with you as its reviewer.`;
    case 'return':
      return `The action goes back to its lead (in progress) with your reason${where}; they are told.`;
    case 'reopen':
      return `The assured action goes back to its lead (in progress) with your reason${where}; they are told.`;
    case 'not-applicable':
      return `The action is recorded as not applicable${where}, with your reason. It no longer counts against the plan.`;
    case 'reinstate':
      return `The action applies again and goes back to its lead (in progress) with your reason${where}.`;
  }
}
