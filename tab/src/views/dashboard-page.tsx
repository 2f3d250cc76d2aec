import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
import type { ActionStatus, Rag } from '../../../core/model/index.js';
import type { Dashboard, DashboardGroup, DueItem } from '../../../core/views/tab-api.js';
import { dashboardLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { daysLabel } from '../logic/due.js';
import { RAGS, ragLabel, STATUSES, statusLabel, ukDate } from '../logic/labels.js';
import { routeHref } from '../routing/routes.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { Loading } from '../ui/loading.js';
import { PageStatus } from '../ui/page-status.js';
import { TableScroll } from '../ui/table-scroll.js';
import { useTitle } from '../ui/use-title.js';

const CompletionChart = lazy(() => import('./completion-chart.js'));

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))' },
  section: { minWidth: 0 },
  chart: { minHeight: '280px' },
});

/** `/tab/plans/:planId/dashboard`: where the plan stands, for a governance meeting. */
export function DashboardPage({ planId }: { planId: string }) {
  const common = useCommonStyles();
  const { setCurrentPlan } = useSession();
  const { result, reload } = useApiData(dashboardLoader(planId));
  useEffect(() => {
    setCurrentPlan(planId);
  }, [planId, setCurrentPlan]);
  useTitle('Dashboard');
  if (result.state !== 'ok') return <PageStatus title="Dashboard" what="the dashboard" result={result} onRetry={reload} />;
  const dashboard = result.data;
  return (
    <div className={common.page}>
      <header>
        <h1 className={common.heading}>Dashboard</h1>
        <p>
          <Link href={routeHref({ name: 'plan', planId })}>{dashboard.plan.title}</Link>
          <span className={common.muted}>{` · ${String(dashboard.total)} actions · as of ${ukDate(dashboard.today)}`}</span>
        </p>
      </header>
      <DashboardBody dashboard={dashboard} />
    </div>
  );
}

function DashboardBody({ dashboard }: { dashboard: Dashboard }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const byStatus = dashboard.byStatus as Partial<Record<ActionStatus, number>>;
  const byRag = dashboard.byRag as Partial<Record<Rag | 'none', number>>;
  return (
    <>
      <div className={styles.grid}>
        <CountTable title="By status" rows={STATUSES.map((status) => [statusLabel(status), byStatus[status] ?? 0])} />
        <CountTable title="By RAG" rows={[...RAGS.map((rag): [string, number] => [ragLabel(rag), byRag[rag] ?? 0]), ['No RAG', byRag.none ?? 0]]} />
      </div>
      <div className={styles.grid}>
        <DueList title="Overdue" items={dashboard.overdue} empty="Nothing is overdue." />
        <DueList title="Due soon" items={dashboard.dueSoon} empty="Nothing is due soon." />
      </div>
      <GroupTable title="By organisation" groups={dashboard.byOrganisation} what="Organisation" />
      <GroupTable title="By lead" groups={dashboard.byLead} what="Lead" />
      <section className={styles.section} aria-labelledby="completion-heading">
        <h2 id="completion-heading">Completion over time</h2>
        {dashboard.completion.length === 0 ? (
          <p className={common.muted}>No action has been completed yet.</p>
        ) : (
          <>
            {/* Inert: the table below carries the same data for keyboards and screen readers, and the
                chart's own focus handling (tabster's hidden catchers) trips axe's aria-hidden-focus. */}
            <div className={styles.chart} inert>
              <Suspense fallback={<Loading what="the chart" />}>
                <CompletionChart completion={dashboard.completion} />
              </Suspense>
            </div>
            <details>
              <summary>The chart’s data as a table</summary>
              <TableScroll label="Completion data">
                <table className={common.table}>
                  <caption className={common.visuallyHidden}>Actions complete by date</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col" className="number">Complete</th>
                      <th scope="col" className="number">All actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dashboard.completion.map((point) => (
                      <tr key={point.date}>
                        <td>{ukDate(point.date)}</td>
                        <td className="number">{point.complete}</td>
                        <td className="number">{point.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          </>
        )}
      </section>
    </>
  );
}

function CountTable({ title, rows }: { title: string; rows: [string, number][] }) {
  const common = useCommonStyles();
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <table className={common.table}>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="number">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DueList({ title, items, empty }: { title: string; items: DueItem[]; empty: string }) {
  const common = useCommonStyles();
  return (
    <section aria-label={title}>
      <h2>{`${title} (${String(items.length)})`}</h2>
      {items.length === 0 ? (
        <p className={common.muted}>{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.actionId}>
              <Link href={routeHref({ name: 'action', actionId: item.actionId })}>{`${item.label}: ${item.text}`}</Link>
              <span className={common.muted}>{` — ${daysLabel(item.days)} (${item.dueText}); ${item.leads.join('; ') || 'no lead named'}`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GroupTable({ title, groups, what }: { title: string; groups: DashboardGroup[]; what: string }) {
  const common = useCommonStyles();
  if (groups.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <TableScroll label={`${title}, table`}>
        <table className={common.table}>
          <thead>
            <tr>
              <th scope="col">{what}</th>
              <th scope="col" className="number">Actions</th>
              <th scope="col" className="number">Open</th>
              <th scope="col" className="number">Overdue</th>
              <th scope="col" className="number">Complete</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.name}>
                <th scope="row">{group.name}</th>
                <td className="number">{group.total}</td>
                <td className="number">{group.open}</td>
                <td className="number">{group.overdue}</td>
                <td className="number">{group.complete}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
