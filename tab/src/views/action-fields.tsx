import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ActionDetail } from '../../../core/views/tab-api.js';
import { dueInfo } from '../logic/due.js';
import { statusLabel, ukDate, ukDateTime } from '../logic/labels.js';
import { DueText } from '../ui/due-text.js';
import { DueTooltipLayer } from '../ui/due-tooltip-layer.js';
import { LinkedText } from '../ui/linked-text.js';
import { RagBadge } from '../ui/rag-badge.js';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    // Label beside value once there is room; stacked at Teams' narrowest.
    '@media (min-width: 560px)': { gridTemplateColumns: 'minmax(120px, 12rem) minmax(0, 1fr)' },
  },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS, '@media (min-width: 560px)': { marginTop: 0 } },
  value: { margin: 0, whiteSpace: 'pre-line' },
});

/** Every field of the action, each labelled; fields the plan left empty say so rather than vanish. */
export function ActionFields({ detail }: { detail: ActionDetail }) {
  const styles = useStyles();
  const { action, recommendation, today } = detail;
  const entries: [string, ReactNode][] = [
    ['Recommendation', `${recommendation.number ? `${recommendation.number}. ` : ''}${recommendation.text}`],
    ['Finding', recommendation.finding],
    ['Organisation', recommendation.organisation],
    ['Leads', action.leads.length > 0 ? action.leads.join('; ') : 'No lead named'],
    ['Lead as written', action.leadText !== null && action.leadText !== action.leads.join('; ') ? action.leadText : null],
    ['Due', <DueText key="due" due={dueInfo(action, today)} />],
    ['Due as written', action.due?.text ?? 'Not given'],
    ['Date changes', action.revisions.length > 0 ? action.revisions.map((revision) => `${ukDate(revision.date)}: ${revision.reason}${revision.by?.displayName ? ` (${revision.by.displayName})` : ''}`).join('\n') : null],
    ['Status', `${statusLabel(action.status)}${action.statusText && action.statusText !== statusLabel(action.status) ? ` (written “${action.statusText}”)` : ''}`],
    ['RAG', <RagBadge key="rag" rag={action.rag} />],
    ['Evidence', action.evidence === null ? 'None yet' : <LinkedText key="evidence" text={action.evidence} />],
    ['Further action', action.furtherAction],
    ['Measurement', action.measurement],
    ['Outcomes', action.outcomes],
    ['Monitoring', action.monitoring],
    ['Reported to', action.reportedTo],
    ['Completed', action.completed?.text ?? null],
    ['Reminders snoozed until', action.snoozedUntil ? ukDate(action.snoozedUntil) : null],
    ...action.other.map(({ label, value }): [string, ReactNode] => [label, value]),
    ['Flags', action.flags.length > 0 ? action.flags.join(', ') : null],
    ['Last changed', `${ukDateTime(action.updatedAt)} (version ${String(action.version)})`],
  ];
  return (
    <DueTooltipLayer>
      <dl className={styles.list}>
        {entries
          .filter(([, value]) => value !== null && value !== '')
          .map(([label, value], index) => (
            <Entry key={`${label}-${String(index)}`} label={label} value={value} styles={styles} />
          ))}
      </dl>
    </DueTooltipLayer>
  );
}

function Entry({ label, value, styles }: { label: string; value: ReactNode; styles: ReturnType<typeof useStyles> }) {
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
}
