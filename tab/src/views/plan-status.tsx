import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Plan } from '../../../core/model/index.js';
import type { PlanStatusRequest, PlanView } from '../../../core/views/tab-api.js';
import { asApiError } from '../api/api-error.js';
import { apiPath } from '../api/client.js';
import { useSession } from '../session.js';
import { ReasonDialog } from '../ui/reason-dialog.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  blockers: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Problem = { kind: 'refused'; message: string; blockers: string[] } | { kind: 'conflict' } | null;

/**
 * Closing and reopening the plan (its editors). A plan closes only when every action is assured
 * or not applicable; when the server refuses, what stands in the way is listed as it said it.
 */
export function PlanStatusSection({ view, onPlan, onReload }: { view: PlanView; onPlan: (plan: Plan) => void; onReload: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [reopening, setReopening] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { plan, canEdit } = view;
  const closed = plan.status === 'closed';
  if (!closed && !canEdit) return null;

  const change = async (request: PlanStatusRequest): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const fresh = await api.send('POST', apiPath`/api/plans/${plan.id}/status`, request, Plan);
      setDone(request.change === 'close' ? 'The plan is closed.' : 'The plan is open again.');
      onPlan(fresh);
      return true;
    } catch (error) {
      const failure = asApiError(error);
      if (failure.status === 409) setProblem({ kind: 'conflict' });
      else if (request.change === 'reopen') setDialogError([failure.message, ...Object.values(failure.fields)].join(' '));
      else setProblem({ kind: 'refused', message: failure.message, blockers: Object.values(failure.fields).filter((text) => text !== failure.message) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="plan-status">
      <h2 id="plan-status" className={styles.subheading}>
        Plan status
      </h2>
      <div role="status">{done !== null && <span>{done}</span>}</div>
      {closed ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This plan is closed.</MessageBarTitle> Every action was assured or marked not applicable. Reopening it is recorded, with the reason.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p>A plan can close once every action is assured or marked not applicable.</p>
      )}
      {canEdit &&
        (closed ? (
          <Button
            disabledFocusable={busy}
            onClick={() => {
              setDialogError(null);
              setReopening(true);
            }}
          >
            Reopen the plan
          </Button>
        ) : (
          <Button
            disabledFocusable={busy}
            onClick={() => {
              void change({ change: 'close', version: plan.version });
            }}
          >
            {busy ? 'Closing…' : 'Close the plan'}
          </Button>
        ))}
      {problem?.kind === 'refused' && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{problem.message}</MessageBarTitle>
            {problem.blockers.length > 0 && (
              <ul className={styles.blockers} aria-label="What keeps the plan open">
                {problem.blockers.map((text, index) => (
                  <li key={`${String(index)}-${text}`}>{text}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {problem?.kind === 'conflict' && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>The plan changed since you loaded it; reload to see the change, then try again.</MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload}>Reload</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {reopening && (
        <ReasonDialog
          title="Reopen the plan"
          description="The plan becomes active again. The reason is kept in its history."
          label="Reason for reopening"
          required
          confirmLabel="Reopen the plan"
          busy={busy}
          error={dialogError}
          onConfirm={(reason) => {
            void change({ change: 'reopen', reason, version: plan.version }).then((ok) => {
              if (ok) setReopening(false);
            });
          }}
          onCancel={() => {
            setReopening(false);
          }}
        />
      )}
    </section>
  );
}
