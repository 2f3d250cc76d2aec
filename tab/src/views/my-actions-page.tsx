import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionDetail, MyActionItem } from '../../../core/views/tab-api.js';
import { myActionsLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { dueInfo } from '../logic/due.js';
import { actionLabel, plural, statusLabel } from '../logic/labels.js';
import { routeHref } from '../routing/routes.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { DueText } from '../ui/due-text.js';
import { DueTooltipLayer } from '../ui/due-tooltip-layer.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';
import { RagBadge } from '../ui/rag-badge.js';
import { useTitle } from '../ui/use-title.js';
import { UpdateForm } from './update-form.js';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `${tokens.spacingVerticalM} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, alignItems: 'center', fontSize: tokens.fontSizeBase200 },
});

/** `/tab/my-actions`: the caller's open actions across plans, soonest due first (the server's order). */
export function MyActionsPage() {
  const common = useCommonStyles();
  const { result, reload, replace } = useApiData(myActionsLoader);
  useTitle('My actions');
  const body = (() => {
    if (result.state === 'loading') return <Loading what="your actions" />;
    if (result.state === 'error') return <ErrorView error={result.error} onRetry={reload} what="your actions" />;
    const { items, today } = result.data;
    if (items.length === 0) return <p>You have no open actions. Nothing is waiting for you.</p>;
    const updated = (detail: ActionDetail): void => {
      // Keep the list as it is (an item just completed stays until the next visit), with fresh data.
      replace({ today, items: items.map((item) => (item.action.id === detail.action.id ? { ...item, action: detail.action, lastUpdate: detail.updates.at(-1) ?? item.lastUpdate } : item)) });
    };
    return (
      <>
        <p className={common.muted}>{`${plural(items.length, 'open action')}, soonest due first.`}</p>
        <DueTooltipLayer>
          <ul className={common.plainList}>
            {items.map((item) => (
              <MyActionEntry key={item.action.id} item={item} today={today} onUpdated={updated} />
            ))}
          </ul>
        </DueTooltipLayer>
      </>
    );
  })();
  return (
    <div className={common.page}>
      <h1 className={common.heading}>My actions</h1>
      {body}
    </div>
  );
}

function MyActionEntry({ item, today, onUpdated }: { item: MyActionItem; today: string; onUpdated: (detail: ActionDetail) => void }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [open, setOpen] = useState(false);
  const { action, plan, recommendation, lastUpdate } = item;
  const label = actionLabel(recommendation.number, action.ref);
  const formId = `quick-${action.id}`;
  return (
    <li className={styles.item}>
      <h2 className={styles.heading}>
        <Link href={routeHref({ name: 'action', actionId: action.id })}>{`${label === '' ? 'Action' : label}: ${action.text}`}</Link>
      </h2>
      <div className={styles.meta}>
        <RagBadge rag={action.rag} />
        <span>{statusLabel(action.status)}</span>
        <DueText due={dueInfo(action, today)} />
        <Link href={routeHref({ name: 'plan', planId: plan.id })}>{plan.title}</Link>
      </div>
      <p className={common.muted}>{lastUpdate ? `Last update: ${lastUpdate.note}` : 'No updates yet'}</p>
      <div>
        <Button
          aria-label={`${open ? 'Close the update' : 'Update'} for ${label === '' ? 'this action' : `action ${label}`}`}
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => {
            setOpen((value) => !value);
          }}
        >
          {open ? 'Close the update' : 'Update'}
        </Button>
      </div>
      {open && (
        <div id={formId}>
          <UpdateForm action={action} today={today} compact onSubmitted={onUpdated} />
        </div>
      )}
    </li>
  );
}
