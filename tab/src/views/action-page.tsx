import { Button, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ActionDetail } from '../../../core/views/tab-api.js';
import { actionLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { actionLabel } from '../logic/labels.js';
import { routeHref } from '../routing/routes.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { PageStatus } from '../ui/page-status.js';
import { useTitle } from '../ui/use-title.js';
import { ActionFields } from './action-fields.js';
import { EditActionForm } from './edit-action-form.js';
import { UpdateForm } from './update-form.js';
import { UpdateTimeline } from './update-timeline.js';

/** `/tab/actions/:actionId`: the bot's "Open in tab" lands here. */
export function ActionPage({ actionId }: { actionId: string }) {
  const { setCurrentPlan } = useSession();
  const { result, reload, replace } = useApiData(actionLoader(actionId));
  const planId = result.state === 'ok' ? result.data.plan.id : null;
  useEffect(() => {
    if (planId !== null) setCurrentPlan(planId);
  }, [planId, setCurrentPlan]);
  const label = result.state === 'ok' ? actionLabel(result.data.recommendation.number, result.data.action.ref) : '';
  const title = label === '' ? 'Action' : `Action ${label}`;
  useTitle(title);
  if (result.state !== 'ok') return <PageStatus title="Action" what="the action" result={result} onRetry={reload} />;
  return <ActionContent detail={result.data} title={title} onChange={replace} onReload={reload} />;
}

function ActionContent({ detail, title, onChange, onReload }: { detail: ActionDetail; title: string; onChange: (detail: ActionDetail) => void; onReload: () => void }) {
  const common = useCommonStyles();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { plan, action, rights } = detail;
  return (
    <div className={common.page}>
      <header>
        <Link href={routeHref({ name: 'plan', planId: plan.id })}>{`← ${plan.title}`}</Link>
        <h1 className={common.heading}>{title}</h1>
        <p className={common.preLine}>{action.text}</p>
      </header>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ActionFields detail={detail} />
      </section>
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
        {rights.canUpdate ? (
          <UpdateForm key={action.id} action={action} today={detail.today} onSubmitted={onChange} />
        ) : (
          <p className={common.muted}>Only the action’s leads, their deputies and the plan’s editors can post updates.</p>
        )}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Updates</h2>
        <UpdateTimeline updates={detail.updates} />
      </section>
    </div>
  );
}
