import { makeStyles, tokens } from '@fluentui/react-components';
import type { Update } from '../../../core/model/index.js';
import { sourceLabel, statusLabel, ukDate, ukDateTime } from '../logic/labels.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { LinkedText } from '../ui/linked-text.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `3px solid ${tokens.colorBrandStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  who: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  note: { margin: `${tokens.spacingVerticalXS} 0`, whiteSpace: 'pre-line' },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The action's updates, newest first: who, when, from where, what they said and what it changed. */
export function UpdateTimeline({ updates }: { updates: readonly Update[] }) {
  const styles = useStyles();
  const common = useCommonStyles();
  if (updates.length === 0) return <p className={common.muted}>No updates yet.</p>;
  return (
    <ol className={styles.list} aria-label="Updates, newest first" data-testid="timeline">
      {[...updates].reverse().map((update) => (
        <li key={update.id} className={styles.item}>
          <p className={styles.who}>
            <strong>{update.author.displayName ?? 'Someone'}</strong>
            {' · '}
            <time dateTime={update.at}>{ukDateTime(update.at)}</time>
            {` · ${sourceLabel(update.source)}`}
          </p>
          {update.note.trim() !== '' && <p className={styles.note}>{update.note}</p>}
          <Changes update={update} className={styles.changes} />
        </li>
      ))}
    </ol>
  );
}

function Changes({ update, className }: { update: Update; className: string }) {
  const lines = [];
  if (update.status !== null) lines.push(<li key="status">{`Status: ${statusLabel(update.status)}`}</li>);
  if (update.revisedDue !== null) lines.push(<li key="due">{`Due date moved to ${ukDate(update.revisedDue.date)}: ${update.revisedDue.reason}`}</li>);
  if (update.evidence !== null) {
    lines.push(
      <li key="evidence">
        Evidence: <LinkedText text={update.evidence} />
      </li>,
    );
  }
  return lines.length === 0 ? null : <ul className={className}>{lines}</ul>;
}
