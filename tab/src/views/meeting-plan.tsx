import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { MeetingActionRef, MeetingPlan, MeetingView } from '../../../core/views/tab-api.js';
import { sourceLabel, statusLabel, ukDate, ukDateTime } from '../logic/labels.js';
import { outcomesHeadline, progressText, stateLabel, targetText } from '../logic/measure-chart.js';
import { routeHref } from '../routing/routes.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { LinkedText } from '../ui/linked-text.js';
import { MeetingAwaitingList } from './meeting-awaiting.js';
import type { MeetingNotice } from './meeting-results.js';

const useStyles = makeStyles({
  plan: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalL, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0, '& > p': { margin: 0 } },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, '& > p': { margin: 0 } },
  h3: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400 },
  h4: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase300 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, listStyleType: 'none', margin: 0, padding: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { whiteSpace: 'pre-line' },
});

interface Props {
  plan: MeetingPlan;
  view: MeetingView;
  onDecided: (notice: MeetingNotice) => void;
}

/** One plan at the meeting: its counts, what changed since, what is overdue, what awaits assurance, what was decided, its measures. */
export function MeetingPlanSection({ plan, view, onDecided }: Props) {
  const styles = useStyles();
  const common = useCommonStyles();
  const headingId = `meeting-plan-${plan.plan.id}`;
  return (
    <section className={styles.plan} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        <Link href={routeHref({ name: 'plan', planId: plan.plan.id })}>{plan.plan.title}</Link>
      </h2>
      <p className={common.muted}>
        {[plan.plan.references.join(', '), plan.scope === 'plan' ? 'The plan reports to this forum: all its actions are here.' : `Only the actions reported to ${view.forum} are here.`]
          .filter((part) => part !== '')
          .join(' · ')}
      </p>
      <Counts plan={plan} />
      <Changes plan={plan} since={view.since} />
      <Overdue plan={plan} />
      <section className={styles.section} aria-labelledby={`${headingId}-awaiting`}>
        <h3 id={`${headingId}-awaiting`} className={styles.h3}>{`Awaiting assurance (${String(plan.awaitingAssurance.length)})`}</h3>
        {plan.awaitingAssurance.length === 0 ? <p className={common.muted}>Nothing awaits assurance.</p> : <MeetingAwaitingList plan={plan} meeting={view.meeting} onDecided={onDecided} />}
      </section>
      <Decisions plan={plan} />
      <Measures plan={plan} />
    </section>
  );
}

function Counts({ plan }: { plan: MeetingPlan }) {
  const styles = useStyles();
  const { counts } = plan;
  const items: [string, number][] = [
    ['Actions', counts.actions],
    ['Status changes', counts.statusChanges],
    ['Updates', counts.updates],
    ['New evidence', counts.newEvidence],
    ['Revised dates', counts.revisedDates],
    ['Overdue', counts.overdue],
    ['Escalated', counts.escalated],
    ['Awaiting assurance', counts.awaitingAssurance],
    ['Decisions', counts.decisions],
    ['Measures met', counts.measuresMet],
  ];
  return (
    <ul className={styles.counts} aria-label="Summary">
      {items.map(([label, count]) => (
        <li key={label}>
          {`${label}: `}
          <strong>{count}</strong>
          {label === 'Measures met' ? ` of ${String(counts.measures)}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** "Action 2b: Audit a sample…" linking to the action. */
function ActionName({ item }: { item: MeetingActionRef }) {
  return <Link href={routeHref({ name: 'action', actionId: item.actionId })}>{`Action ${item.label}: ${item.text}`}</Link>;
}

function Part({ id, title, empty, children, count }: { id: string; title: string; empty: string; count: number; children: ReactNode }) {
  const styles = useStyles();
  const common = useCommonStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h4 id={id} className={styles.h4}>{`${title} (${String(count)})`}</h4>
      {count === 0 ? <p className={common.muted}>{empty}</p> : <ul className={styles.list}>{children}</ul>}
    </section>
  );
}

function Changes({ plan, since }: { plan: MeetingPlan; since: string }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const id = `meeting-changes-${plan.plan.id}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>{`Changed since ${ukDate(since)}`}</h3>
      <Part id={`${id}-status`} title="Status changes" empty="No status has changed." count={plan.statusChanges.length}>
        {plan.statusChanges.map((change) => (
          <li key={`${change.actionId}-${change.at}`}>
            <ActionName item={change} />
            <span>{` — ${change.from === null ? '' : `${statusLabel(change.from)} → `}${statusLabel(change.to)}`}</span>
            <span className={common.muted}>{` (${change.by.displayName ?? 'someone'}, ${ukDateTime(change.at)}, ${sourceLabel(change.source)})`}</span>
          </li>
        ))}
      </Part>
      <Part id={`${id}-updates`} title="Updates" empty="No updates." count={plan.updates.length}>
        {plan.updates.map(({ update, ...item }) => (
          <li key={update.id}>
            <ActionName item={item} />
            <span className={common.muted}>{` (${update.author.displayName ?? 'someone'}, ${ukDateTime(update.at)}, ${sourceLabel(update.source)})`}</span>
            {update.note.trim() !== '' && <div className={styles.note}>{update.note}</div>}
          </li>
        ))}
      </Part>
      <Part id={`${id}-evidence`} title="New evidence" empty="No new evidence." count={plan.newEvidence.length}>
        {plan.newEvidence.map((item) => (
          <li key={`${item.actionId}-${item.at}`}>
            <ActionName item={item} />
            <span className={common.muted}>{` (${item.by.displayName ?? 'someone'}, ${ukDateTime(item.at)}, ${sourceLabel(item.source)})`}</span>
            <div className={styles.note}>
              <LinkedText text={item.evidence} />
            </div>
          </li>
        ))}
      </Part>
      <Part id={`${id}-dates`} title="Revised dates" empty="No due date has moved." count={plan.revisedDates.length}>
        {plan.revisedDates.map((item) => (
          <li key={`${item.actionId}-${item.at}`}>
            <ActionName item={item} />
            <span>{` — ${item.from === null ? '' : `${ukDate(item.from)} → `}${ukDate(item.to)}: ${item.reason}`}</span>
            <span className={common.muted}>{` (${item.by?.displayName ?? 'someone'}, ${ukDateTime(item.at)})`}</span>
          </li>
        ))}
      </Part>
    </section>
  );
}

function Overdue({ plan }: { plan: MeetingPlan }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const id = `meeting-overdue-${plan.plan.id}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>{`Overdue (${String(plan.overdue.length)})`}</h3>
      <p className={common.muted}>{`Escalated to the plan’s owner after ${String(plan.escalateAfterDays)} days overdue.`}</p>
      {plan.overdue.length === 0 ? (
        <p className={common.muted}>Nothing is overdue.</p>
      ) : (
        <ul className={styles.list}>
          {plan.overdue.map((item) => (
            <li key={item.actionId}>
              <ActionName item={item} />
              <div>
                {`Overdue by ${String(item.daysOverdue)} ${item.daysOverdue === 1 ? 'day' : 'days'} (due ${item.dueText}) · ${item.leads.join('; ') || 'no lead named'} `}
                {item.escalated && (
                  <Badge appearance="filled" color="danger" shape="rounded">
                    Escalated
                  </Badge>
                )}
              </div>
              <div className={styles.note}>
                {item.lastUpdate === null
                  ? 'No word from the lead yet.'
                  : `The lead’s last word (${item.lastUpdate.author.displayName ?? 'someone'}, ${ukDateTime(item.lastUpdate.at)}): ${item.lastUpdate.note}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const KIND_LABELS: Record<MeetingPlan['decisions'][number]['kind'], string> = {
  assured: 'Assured',
  returned: 'Returned',
  'not-applicable': 'Not applicable',
  'plan-closed': 'Plan closed',
  'plan-reopened': 'Plan reopened',
  other: 'Changed',
};

function Decisions({ plan }: { plan: MeetingPlan }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const id = `meeting-decisions-${plan.plan.id}`;
  return (
    <section className={styles.section} aria-labelledby={id} data-testid="meeting-decisions">
      <h3 id={id} className={styles.h3}>{`Decisions at this meeting (${String(plan.decisions.length)})`}</h3>
      {plan.decisions.length === 0 ? (
        <p className={common.muted}>No decisions recorded at this meeting yet.</p>
      ) : (
        <ul className={styles.list}>
          {plan.decisions.map((decision) => (
            <li key={`${decision.entityId}-${decision.at}`}>
              <strong>{`${KIND_LABELS[decision.kind]}: `}</strong>
              {decision.entity === 'action' ? <Link href={routeHref({ name: 'action', actionId: decision.entityId })}>{`Action ${decision.label}`}</Link> : decision.label}
              <span className={common.muted}>{` (${decision.by.displayName ?? 'someone'}, ${ukDateTime(decision.at)})`}</span>
              {decision.summary !== null && <div className={styles.note}>{decision.summary}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Measures({ plan }: { plan: MeetingPlan }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const id = `meeting-measures-${plan.plan.id}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>Outcome measures</h3>
      <p>{outcomesHeadline(plan.outcomes)}</p>
      {plan.measures.length > 0 && (
        <ul className={styles.list}>
          {plan.measures.map((measure) => (
            <li key={measure.measureId}>
              <strong>{measure.name}</strong>{' '}
              <Badge appearance={measure.state === 'met' ? 'filled' : 'tint'} color={measure.state === 'met' ? 'success' : measure.state === 'not-met' ? 'danger' : 'informative'} shape="rounded">
                {stateLabel(measure.state)}
              </Badge>
              <div className={common.muted}>{`${progressText(measure)}${targetText(measure) === null ? '' : ` Target: ${targetText(measure) ?? ''}.`}`}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
