import { Button, Link, makeStyles, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { progressChangeRefusal } from '../../../core/assurance/lifecycle.js';
import type { ActionDetail } from '../../../core/views/tab-api.js';
import { actionLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { actionLabel, statusLabel } from '../logic/labels.js';
import { routeHref } from '../routing/routes.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { PageStatus } from '../ui/page-status.js';
import { useTitle } from '../ui/use-title.js';
import { ActionFields } from './action-fields.js';
import { ActionReview } from './action-review.js';
import { AuditList } from './audit-list.js';
import { EditActionForm } from './edit-action-form.js';
import { UpdateForm } from './update-form.js';
import { UpdateTimeline } from './update-timeline.js';

const useStyles = makeStyles({ notice: { ':focus': { outline: 'none' } } });

type Notice = { intent: 'success' | 'warning'; text: string } | null;

/** `/tab/actions/:actionId`: the bot's "Open in tab" lands here. */
export function ActionPage({ actionId }: { actionId: string }) {
  const { setCurrentPlan } = useSession();
  const { result, reload, replace } = useApiData(actionLoader(actionId));
  // Kept here, not in the content: a reload after a conflict must not lose the message about it.
  const [notice, setNotice] = useState<Notice>(null);
  const planId = result.state === 'ok' ? result.data.plan.id : null;
  useEffect(() => {
    if (planId !== null) setCurrentPlan(planId);
  }, [planId, setCurrentPlan]);
  const label = result.state === 'ok' ? actionLabel(result.data.recommendation.number, result.data.action.ref) : '';
  const title = label === '' ? 'Action' : `Action ${label}`;
  useTitle(title);
  if (result.state !== 'ok') return <PageStatus title="Action" what="the action" result={result} onRetry={reload} />;
  return <ActionContent detail={result.data} title={title} actionName={label === '' ? 'this action' : `action ${label}`} notice={notice} onNotice={setNotice} onChange={replace} onReload={reload} />;
}

interface ContentProps {
  detail: ActionDetail;
  title: string;
  /** "action 2b": how dialogs and messages name it. */
  actionName: string;
  notice: Notice;
  onNotice: (notice: Notice) => void;
  onChange: (detail: ActionDetail) => void;
  onReload: () => void;
}

function ActionContent({ detail, title, actionName, notice, onNotice, onChange, onReload }: ContentProps) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const { plan, action, rights } = detail;
  // Assured and not-applicable actions take no progress updates until a decision reopens them.
  const frozen = progressChangeRefusal(action.status);
  const showReview = action.review !== null || detail.decisions.length > 0;
  useEffect(() => {
    // A decision just taken removed the button that had focus: the message about it takes it.
    if (notice !== null) noticeRef.current?.focus();
  }, [notice]);
  return (
    <div className={common.page}>
      <header>
        <Link href={routeHref({ name: 'plan', planId: plan.id })}>{`← ${plan.title}`}</Link>
        <h1 className={common.heading}>{title}</h1>
        <p className={common.preLine}>{action.text}</p>
        {/* In the header, so the empty live region adds no gap to the page's column. */}
        <div ref={noticeRef} tabIndex={-1} role="status" className={styles.notice}>
          {notice !== null && (
            <MessageBar intent={notice.intent}>
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </header>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ActionFields detail={detail} />
      </section>
      {showReview && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Review</h2>
          <ActionReview
            detail={detail}
            actionName={actionName}
            onDecided={(fresh, button) => {
              onChange(fresh);
              onNotice({ intent: 'success', text: `Recorded: ${button.label.toLowerCase()}. The action is now ${statusLabel(fresh.action.status).toLowerCase()}.` });
            }}
            onConflict={() => {
              onNotice({ intent: 'warning', text: 'This action changed since you loaded it, so your decision was not recorded. It has been reloaded: look at it again before deciding.' });
              onReload();
            }}
          />
        </section>
      )}
      {rights.canEdit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit</h2>
          {saved && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>Your changes were saved.</MessageBarBody>
            </MessageBar>
          )}
          {editing ? (
            <EditActionForm
              detail={detail}
              onSaved={(fresh) => {
                onChange(fresh);
                setEditing(false);
                setSaved(true);
              }}
              onCancel={() => {
                setEditing(false);
              }}
              onReload={onReload}
            />
          ) : (
            <Button
              onClick={() => {
                setEditing(true);
                setSaved(false);
              }}
            >
              Edit the action
            </Button>
          )}
        </section>
      )}
      <section aria-labelledby="update-heading">
        <h2 id="update-heading">Post an update</h2>
        {!rights.canUpdate ? (
          <p className={common.muted}>Only the action’s leads, their deputies and the plan’s editors can post updates.</p>
        ) : frozen !== null ? (
          <p className={common.muted}>{frozen}</p>
        ) : (
          <UpdateForm key={action.id} action={action} today={detail.today} onSubmitted={onChange} />
        )}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Updates</h2>
        <UpdateTimeline updates={detail.updates} />
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p className={common.muted}>Every change to this action: who made it, when, from where, and at which meeting.</p>
        <AuditList entries={[...detail.history].reverse()} label="Changes to this action, newest first" testId="history" />
      </section>
    </div>
  );
}
