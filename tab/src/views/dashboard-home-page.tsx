import { Link } from '@fluentui/react-components';
import { useEffect } from 'react';
import { plansLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { routeHref } from '../routing/routes.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { PageStatus } from '../ui/page-status.js';
import { useTitle } from '../ui/use-title.js';
import { DashboardPage } from './dashboard-page.js';

/**
 * `/tab/dashboard`, the personal app's Dashboard tab. A personal tab has no plan of its own, so it
 * shows the plan last looked at in this window, else the only plan, else asks which one.
 */
export function DashboardHomePage() {
  const { currentPlanId } = useSession();
  return currentPlanId === null ? <ChoosePlan /> : <DashboardPage key={currentPlanId} planId={currentPlanId} />;
}

function ChoosePlan() {
  const common = useCommonStyles();
  const { setCurrentPlan } = useSession();
  const { result, reload } = useApiData(plansLoader);
  useTitle('Dashboard');
  const only = result.state === 'ok' && result.data.length === 1 ? result.data[0] : undefined;
  useEffect(() => {
    // The parent then shows that plan's dashboard; nothing to choose.
    if (only !== undefined) setCurrentPlan(only.id);
  }, [only, setCurrentPlan]);
  if (result.state !== 'ok') return <PageStatus title="Dashboard" what="the plans" result={result} onRetry={reload} />;
  if (only !== undefined) return <PageStatus title="Dashboard" what="the dashboard" result={{ state: 'loading' }} onRetry={reload} />;
  return (
    <div className={common.page}>
      <h1 className={common.heading}>Dashboard</h1>
      {result.data.length === 0 ? (
        <p>
          No plans yet. <Link href={routeHref({ name: 'import' })}>Import a plan</Link> to start.
        </p>
      ) : (
        <>
          <p>Which plan?</p>
          <ul>
            {result.data.map((plan) => (
              <li key={plan.id}>
                <Link href={routeHref({ name: 'dashboard', planId: plan.id })}>{plan.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
