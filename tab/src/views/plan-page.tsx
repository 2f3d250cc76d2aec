import { Badge, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Plan } from '../../../core/model/index.js';
import type { PlanView } from '../../../core/views/tab-api.js';
import { planLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { type ActionFilters, applyFilters, filterChoices, groupByRecommendation, isUnfiltered, NO_FILTERS, prepareRows, type PreparedRow } from '../logic/filter-actions.js';
import { plural, ukDate } from '../logic/labels.js';
import { forumSearch, planExportPath } from '../logic/paper-links.js';
import { routeHref } from '../routing/routes.js';
import { useSession } from '../session.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { DueTooltipLayer } from '../ui/due-tooltip-layer.js';
import { PaperButtons } from '../ui/paper-buttons.js';
import { PageStatus } from '../ui/page-status.js';
import { useTitle } from '../ui/use-title.js';
import { ActionListRow } from './action-row.js';
import { PlanChecks } from './plan-checks.js';
import { PlanFilters } from './plan-filters.js';
import { PlanHistory } from './plan-history.js';
import { PlanMeasures } from './plan-measures.js';
import { PlanStatusSection } from './plan-status.js';

const useStyles = makeStyles({
  // Off-screen recommendations skip layout and paint until scrolled to: a 500-action plan shows at once.
  group: { contentVisibility: 'auto', containIntrinsicSize: 'auto 600px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalL },
  recommendation: { margin: 0, whiteSpace: 'pre-line' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  links: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}` },
});

/** `/tab/plans/:planId`: the whole plan from one request (benchmark P5 counts them). */
export function PlanPage({ planId }: { planId: string }) {
  const { setCurrentPlan } = useSession();
  const { result, reload, replace } = useApiData(planLoader(planId));
  useEffect(() => {
    setCurrentPlan(planId);
  }, [planId, setCurrentPlan]);
  useTitle(result.state === 'ok' ? result.data.plan.title : 'Plan');
  if (result.state !== 'ok') return <PageStatus title="Plan" what="the plan" result={result} onRetry={reload} />;
  const view = result.data;
  return (
    <PlanContent
      view={view}
      onPlan={(plan) => {
        replace({ ...view, plan });
      }}
      onReload={reload}
    />
  );
}

function PlanContent({ view, onPlan, onReload }: { view: PlanView; onPlan: (plan: Plan) => void; onReload: () => void }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const rows = useMemo(() => prepareRows(view), [view]);
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const [filters, setFilters] = useState<ActionFilters>(NO_FILTERS);
  // Typing in the search box stays responsive while the list catches up.
  const shown = useDeferredValue(filters);
  const visible = useMemo(() => applyFilters(rows, shown), [rows, shown]);
  const overdue = useMemo(() => rows.filter((row) => row.due.tone === 'overdue').length, [rows]);
  const { plan } = view;
  return (
    <div className={common.page}>
      <header>
        <Link href={routeHref({ name: 'plans' })}>← All plans</Link>
        <h1 className={common.heading}>
          {plan.title}
          {plan.status === 'closed' && (
            <>
              {' '}
              <Badge appearance="outline" shape="rounded">
                Closed
              </Badge>
            </>
          )}
        </h1>
        <p className={common.muted}>
          {[plan.references.join(', '), plan.owner ? `Owner: ${plan.owner}` : '', `${plural(rows.length, 'action')}, ${String(overdue)} overdue`, `as of ${ukDate(view.today)}`]
            .filter((part) => part !== '')
            .join(' · ')}
        </p>
        <ul className={mergeClasses(common.plainList, styles.links)} aria-label="About this plan">
          <li>
            <Link href={routeHref({ name: 'dashboard', planId: plan.id })}>Dashboard for this plan</Link>
          </li>
          {plan.forums.map((forum) => (
            <li key={forum}>
              <Link href={`${routeHref({ name: 'meeting' })}${forumSearch(forum)}`}>{`Meeting view: ${forum}`}</Link>
            </li>
          ))}
        </ul>
      </header>
      <PlanStatusSection view={view} onPlan={onPlan} onReload={onReload} />
      <PaperButtons label="The board paper" pathOf={(format) => planExportPath(plan.id, format)} baseName="board-paper" />
      <PlanChecks planId={plan.id} />
      <PlanMeasures view={view} />
      <PlanHistory view={view} />
      <PlanFilters filters={filters} choices={choices} onChange={setFilters} />
      <p role="status" className={common.muted} data-testid="result-count">
        {visible.length === rows.length ? `Showing all ${plural(rows.length, 'action')}` : `Showing ${String(visible.length)} of ${plural(rows.length, 'action')}`}
      </p>
      <DueTooltipLayer>
        {visible.length === 0 && rows.length > 0 ? <p>No actions match these filters.</p> : <ActionList view={view} visible={visible} filters={shown} />}
      </DueTooltipLayer>
    </div>
  );
}

function ActionList({ view, visible, filters }: { view: PlanView; visible: PreparedRow[]; filters: ActionFilters }) {
  const styles = useStyles();
  const common = useCommonStyles();
  if (filters.sort !== 'plan') {
    return (
      <ul className={common.plainList} aria-label="Actions">
        {visible.map((prepared) => (
          <ActionListRow key={prepared.row.action.id} prepared={prepared} />
        ))}
      </ul>
    );
  }
  const every = isUnfiltered(filters) ? view.recommendations : undefined;
  return groupByRecommendation(visible, every).map(({ recommendation, rows }) => {
    const headingId = `rec-${recommendation.id}`;
    return (
      <section key={recommendation.id} className={styles.group} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.subheading}>
          {recommendation.number ? `Recommendation ${recommendation.number}` : 'Recommendation'}
          {recommendation.organisation ? ` · ${recommendation.organisation}` : ''}
        </h2>
        <p className={styles.recommendation}>{recommendation.text}</p>
        {rows.length === 0 ? (
          <p className={common.muted}>No actions yet.</p>
        ) : (
          <ul className={common.plainList}>
            {rows.map((prepared) => (
              <ActionListRow key={prepared.row.action.id} prepared={prepared} />
            ))}
          </ul>
        )}
      </section>
    );
  });
}
