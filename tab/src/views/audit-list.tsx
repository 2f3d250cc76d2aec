import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { AuditEntry } from '../../../core/model/index.js';
import { changeText, entityText, entryByline } from '../logic/audit-lines.js';
import { routeHref } from '../routing/routes.js';
import { useCommonStyles } from '../ui/common-styles.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  subject: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  who: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { margin: `${tokens.spacingVerticalXS} 0`, whiteSpace: 'pre-line' },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, whiteSpace: 'pre-line' },
});

type Entry = AuditEntry & { label?: string };

/**
 * Audit entries in the order given: who, when, from where (card, tab, import, CLI), at which
 * meeting, and each field old → new. With `subjects`, each says what it is about (the plan's trail);
 * `names` gives action ids (a measure's "action measured") their labels.
 */
export function AuditList({ entries, label, subjects = false, names, testId }: { entries: readonly Entry[]; label: string; subjects?: boolean; names?: ReadonlyMap<string, string>; testId?: string }) {
  const styles = useStyles();
  const common = useCommonStyles();
  if (entries.length === 0) return <p className={common.muted}>No changes recorded yet.</p>;
  return (
    <ol className={styles.list} aria-label={label} data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id} className={styles.item}>
          {subjects && <Subject entry={entry} className={styles.subject} />}
          <p className={styles.who}>{entryByline(entry)}</p>
          {entry.summary !== null && <p className={styles.summary}>{entry.summary}</p>}
          {entry.changes.length > 0 && (
            <ul className={styles.changes}>
              {entry.changes.map((change, index) => (
                <li key={`${change.field}-${String(index)}`}>{changeText(change, names)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function Subject({ entry, className }: { entry: Entry; className: string }) {
  const text = entityText(entry.entity, entry.label ?? entry.entity);
  return <p className={className}>{entry.entity === 'action' ? <Link href={routeHref({ name: 'action', actionId: entry.entityId })}>{text}</Link> : text}</p>;
}
