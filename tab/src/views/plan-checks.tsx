import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { IntegrityFinding } from '../../../core/assurance/integrity-report.js';
import { checksLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { checksSummary, findingHref, severityLabel } from '../logic/checks.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  finding: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline', paddingBlock: tokens.spacingVerticalXXS },
});

/**
 * The plan's integrity checks, on request: the plan page's first render makes one call
 * (benchmark P5), so the checks are asked for only when someone presses the button.
 */
export function PlanChecks({ planId }: { planId: string }) {
  const styles = useStyles();
  const [started, setStarted] = useState(false);
  return (
    <section className={styles.section} aria-labelledby="plan-checks">
      <h2 id="plan-checks" className={styles.subheading}>
        Checks
      </h2>
      {started ? (
        <ChecksResult planId={planId} />
      ) : (
        <Button
          onClick={() => {
            setStarted(true);
          }}
        >
          Run the integrity checks
        </Button>
      )}
    </section>
  );
}

function ChecksResult({ planId }: { planId: string }) {
  const common = useCommonStyles();
  const { result, reload } = useApiData(checksLoader(planId));
  if (result.state === 'loading') return <Loading what="the checks" />;
  if (result.state === 'error') return <ErrorView error={result.error} onRetry={reload} what="the checks" />;
  const report = result.data;
  return (
    <>
      <p role="status" className={common.muted}>
        {checksSummary(report)}
      </p>
      {report.findings.length > 0 && (
        <ul className={common.plainList} aria-label="Check findings">
          {report.findings.map((finding, index) => (
            <FindingRow key={`${finding.code}:${finding.actionId ?? finding.recommendationId ?? ''}:${String(index)}`} finding={finding} />
          ))}
        </ul>
      )}
      <Button appearance="subtle" onClick={reload}>
        Run the checks again
      </Button>
    </>
  );
}

function FindingRow({ finding }: { finding: IntegrityFinding }) {
  const styles = useStyles();
  const href = findingHref(finding);
  const error = finding.severity === 'error';
  return (
    <li className={styles.finding}>
      <Badge appearance={error ? 'filled' : 'tint'} color={error ? 'danger' : 'warning'} shape="rounded" icon={<span aria-hidden="true">{error ? '✕' : '!'}</span>}>
        {severityLabel(finding)}
      </Badge>
      <span>{finding.message}</span>
      {href !== null && finding.label !== null && <Link href={href}>{`Open action ${finding.label}`}</Link>}
    </li>
  );
}
