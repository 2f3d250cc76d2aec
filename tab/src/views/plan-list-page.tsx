import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { plansLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { plural, ukDateTime } from '../logic/labels.js';
import { routeHref } from '../routing/routes.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';
import { useTitle } from '../ui/use-title.js';

const useStyles = makeStyles({
  item: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  meta: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** `/tab/plans`: every plan the caller can see. */
export function PlanListPage() {
  const common = useCommonStyles();
  const styles = useStyles();
  const { result, reload } = useApiData(plansLoader);
  useTitle('Plans');
  const body = (() => {
    if (result.state === 'loading') return <Loading what="the plans" />;
    if (result.state === 'error') return <ErrorView error={result.error} onRetry={reload} what="the plans" />;
    if (result.data.length === 0) {
      return (
        <p>
          No plans yet. <Link href={routeHref({ name: 'import' })}>Import a plan</Link> to start.
        </p>
      );
    }
    return (
      <ul className={common.plainList}>
        {result.data.map((plan) => (
          <li key={plan.id} className={styles.item}>
            <h2 className={styles.title}>
              <Link href={routeHref({ name: 'plan', planId: plan.id })}>{plan.title}</Link>
            </h2>
            <p className={styles.meta}>
              {[plan.references.join(', '), `${plural(plan.recommendations, 'recommendation')}, ${plural(plan.actions, 'action')}`, plan.status, `updated ${ukDateTime(plan.updatedAt)}`]
                .filter((part) => part !== '')
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    );
  })();
  return (
    <div className={common.page}>
      <h1 className={common.heading}>Plans</h1>
      {body}
    </div>
  );
}
