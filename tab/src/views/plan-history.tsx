import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PlanView } from '../../../core/views/tab-api.js';
import { auditLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { actionLabel, plural } from '../logic/labels.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';
import { AuditList } from './audit-list.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

/** A long trail is shown a page at a time: a plan imported years ago can have thousands of entries. */
const PAGE = 50;

/** The plan's audit trail, newest first, loaded only when asked for (the plan view stays one call). */
export function PlanHistory({ view }: { view: PlanView }) {
  const styles = useStyles();
  const [started, setStarted] = useState(false);
  return (
    <section className={styles.section} aria-labelledby="plan-history">
      <h2 id="plan-history" className={styles.subheading}>
        History
      </h2>
      {started ? (
        <HistoryEntries view={view} />
      ) : (
        <Button
          onClick={() => {
            setStarted(true);
          }}
        >
          Show the history
        </Button>
      )}
    </section>
  );
}

function HistoryEntries({ view }: { view: PlanView }) {
  const common = useCommonStyles();
  const { result, reload } = useApiData(auditLoader(view.plan.id));
  const names = useMemo(() => new Map(view.recommendations.flatMap((rec) => rec.actions.map(({ action }): [string, string] => [action.id, `Action ${actionLabel(rec.number, action.ref)}`]))), [view]);
  const [shown, setShown] = useState(PAGE);
  if (result.state === 'loading') return <Loading what="the history" />;
  if (result.state === 'error') return <ErrorView error={result.error} onRetry={reload} what="the history" />;
  const { entries } = result.data;
  return (
    <>
      <p role="status" className={common.muted}>
        {entries.length === 0 ? 'No changes recorded yet.' : `${plural(entries.length, 'change')}, newest first${entries.length > shown ? `; showing the latest ${String(shown)}` : ''}.`}
      </p>
      {entries.length > 0 && <AuditList entries={entries.slice(0, shown)} label="Changes to the plan, newest first" subjects names={names} testId="plan-history" />}
      {entries.length > shown && (
        <Button
          onClick={() => {
            setShown((count) => count + PAGE);
          }}
        >
          Show older changes
        </Button>
      )}
    </>
  );
}
