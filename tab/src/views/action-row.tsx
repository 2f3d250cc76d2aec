import { makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { PreparedRow } from '../logic/filter-actions.js';
import { statusLabel, ukDateTime } from '../logic/labels.js';
import { routeHref } from '../routing/routes.js';
import { DueText } from '../ui/due-text.js';
import { RagBadge } from '../ui/rag-badge.js';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  link: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  label: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForegroundLink, marginRight: tokens.spacingHorizontalXS },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, alignItems: 'center', fontSize: tokens.fontSizeBase200 },
  quiet: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

const NOTE_PREVIEW = 240;

/** One action in the plan view: plain elements and one Badge, because a plan can have 500 of them. */
export const ActionListRow = memo(function ActionListRow({ prepared }: { prepared: PreparedRow }) {
  const styles = useStyles();
  const { action, lastUpdate } = prepared.row;
  const note = lastUpdate?.note.trim() ?? '';
  return (
    <li className={styles.row}>
      <a className={styles.link} href={routeHref({ name: 'action', actionId: action.id })}>
        <span className={styles.label}>{prepared.label || 'Action'}</span> {action.text}
      </a>
      <div className={styles.meta}>
        <RagBadge rag={action.rag} />
        <span>{statusLabel(action.status)}</span>
        <DueText due={prepared.due} />
        <span>{action.leads.length > 0 ? `Lead: ${action.leads.join('; ')}` : 'No lead named'}</span>
      </div>
      <p className={styles.quiet}>
        {lastUpdate === null
          ? 'No updates yet'
          : `Last update ${ukDateTime(lastUpdate.at)}${lastUpdate.author.displayName ? ` by ${lastUpdate.author.displayName}` : ''}${note ? `: ${note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW)}…` : note}` : ''}`}
      </p>
    </li>
  );
});
