import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Meeting } from '../../../core/model/index.js';
import type { MeetingAwaiting, MeetingPlan } from '../../../core/views/tab-api.js';
import { ukDateTime } from '../logic/labels.js';
import { awaitingButtons, type DecisionButton, reviewText } from '../logic/review-decisions.js';
import { routeHref } from '../routing/routes.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { DecisionButtons } from '../ui/decision-buttons.js';
import { LinkedText } from '../ui/linked-text.js';
import { DecisionDialog } from './decision-dialog.js';
import type { MeetingNotice } from './meeting-results.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, '@media (min-width: 560px)': { gridTemplateColumns: 'minmax(8rem, 10rem) minmax(0, 1fr)' } },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-line' },
});

interface Props {
  plan: MeetingPlan;
  meeting: Meeting;
  onDecided: (notice: MeetingNotice) => void;
}

/** The plan's completed actions waiting for a reviewer: the evidence, who completed them, and Approve / Return. */
export function MeetingAwaitingList({ plan, meeting, onDecided }: Props) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="awaiting-assurance">
      {plan.awaitingAssurance.map((item) => (
        <AwaitingItem key={item.actionId} item={item} canReview={plan.canReview} meeting={meeting} onDecided={onDecided} />
      ))}
    </ul>
  );
}

function AwaitingItem({ item, canReview, meeting, onDecided }: { item: MeetingAwaiting; canReview: boolean; meeting: Meeting; onDecided: (notice: MeetingNotice) => void }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [open, setOpen] = useState<DecisionButton | null>(null);
  const buttons = awaitingButtons(item, canReview);
  const name = `action ${item.label}`;
  const completed = item.completedBy === null && item.completedAt === null ? 'Not recorded' : `${item.completedBy?.displayName ?? 'Someone'}${item.completedAt === null ? '' : `, ${ukDateTime(item.completedAt)}`}`;
  return (
    <li className={styles.item}>
      <h4 className={styles.title}>
        <Link href={routeHref({ name: 'action', actionId: item.actionId })}>{`Action ${item.label}`}</Link>
      </h4>
      <p className={mergeClasses(styles.value, common.preLine)}>{item.text}</p>
      <dl className={styles.facts}>
        <dt className={styles.term}>Leads</dt>
        <dd className={styles.value}>{item.leads.join('; ') || 'No lead named'}</dd>
        <dt className={styles.term}>Evidence</dt>
        <dd className={styles.value}>{item.evidence === null ? 'None recorded' : <LinkedText text={item.evidence} />}</dd>
        <dt className={styles.term}>Completed by</dt>
        <dd className={styles.value}>{completed}</dd>
        {item.lastReview !== null && (
          <>
            <dt className={styles.term}>Last review</dt>
            <dd className={styles.value}>{reviewText(item.lastReview)}</dd>
          </>
        )}
      </dl>
      <DecisionButtons buttons={buttons} groupLabel={`Decision on ${name}`} nameSuffix={name} onPick={setOpen} />
      {open !== null && (
        <DecisionDialog
          actionId={item.actionId}
          actionName={name}
          button={open}
          meeting={meeting}
          version={item.version}
          onDone={(detail) => {
            setOpen(null);
            const what = open.decision === 'assure' ? 'assured' : 'returned to its lead';
            onDecided({ intent: 'success', text: `Action ${item.label} ${what}${detail.action.review?.reason ? ` (${detail.action.review.reason})` : ''}. It is listed under “Decisions at this meeting”.` });
          }}
          onConflict={() => {
            setOpen(null);
            onDecided({ intent: 'warning', text: `Action ${item.label} changed since you loaded it, so your decision was not recorded. The meeting has been reloaded: look at the action again before deciding.` });
          }}
          onCancel={() => {
            setOpen(null);
          }}
        />
      )}
    </li>
  );
}
