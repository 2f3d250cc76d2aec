import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import { outcomeSummary } from '../../../core/assurance/measure-status.js';
import type { MeasureItem, MeasuresView, PlanView } from '../../../core/views/tab-api.js';
import { measuresLoader } from '../api/loaders.js';
import { useApiData } from '../api/use-api-data.js';
import { actionLabel, ukDate } from '../logic/labels.js';
import { outcomesHeadline, progressText, readingRows, readingVerdict, stateLabel, targetText, valueText } from '../logic/measure-chart.js';
import { useCommonStyles } from '../ui/common-styles.js';
import { ErrorView } from '../ui/error-view.js';
import { Loading } from '../ui/loading.js';
import { TableScroll } from '../ui/table-scroll.js';
import { type ActionChoice, MeasureForm, ReadingForm } from './measure-forms.js';

const MeasureLineChart = lazy(() => import('./measure-line-chart.js'));

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch', minWidth: 0 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  start: { alignSelf: 'flex-start' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  measure: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  line: { margin: 0 },
  chart: { minHeight: '240px' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The plan's outcome measures, loaded when asked for (the plan view stays one call). */
export function PlanMeasures({ view }: { view: PlanView }) {
  const styles = useStyles();
  const [started, setStarted] = useState(false);
  return (
    <section className={styles.section} aria-labelledby="plan-measures">
      <h2 id="plan-measures" className={styles.subheading}>
        Outcome measures
      </h2>
      {started ? (
        <MeasuresBody view={view} />
      ) : (
        <Button
          className={styles.start}
          onClick={() => {
            setStarted(true);
          }}
        >
          Show the outcome measures
        </Button>
      )}
    </section>
  );
}

function MeasuresBody({ view }: { view: PlanView }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const { result, reload, replace } = useApiData(measuresLoader(view.plan.id));
  const [adding, setAdding] = useState(false);
  const actions = useMemo<ActionChoice[]>(
    () => view.recommendations.flatMap((rec) => rec.actions.map(({ action }) => ({ id: action.id, label: `${actionLabel(rec.number, action.ref) || 'Action'}: ${action.text.slice(0, 80)}` }))),
    [view],
  );
  if (result.state === 'loading') return <Loading what="the measures" />;
  if (result.state === 'error') return <ErrorView error={result.error} onRetry={reload} what="the measures" />;
  const measures = result.data;
  // The server's answer for one measure, put in its place; the headline is counted again here.
  const put = (item: MeasureItem): void => {
    const known = measures.items.some((entry) => entry.measure.id === item.measure.id);
    const items = known ? measures.items.map((entry) => (entry.measure.id === item.measure.id ? item : entry)) : [...measures.items, item];
    replace({ ...measures, items, outcomes: outcomeSummary(items.map((entry) => entry.status)) } satisfies MeasuresView);
  };
  return (
    <>
      <p role="status">{outcomesHeadline(measures.outcomes)}</p>
      {measures.items.length > 0 && (
        <ul className={styles.list} aria-label="Measures">
          {measures.items.map((item) => (
            <MeasureCard key={item.measure.id} item={item} actions={actions} today={view.today} canEdit={measures.canEdit} canRecord={measures.canRecord} onChange={put} />
          ))}
        </ul>
      )}
      {measures.canEdit &&
        (adding ? (
          <MeasureForm
            planId={view.plan.id}
            measure={null}
            actions={actions}
            onSaved={(item) => {
              put(item);
              setAdding(false);
            }}
            onCancel={() => {
              setAdding(false);
            }}
          />
        ) : (
          <Button
            className={styles.start}
            onClick={() => {
              setAdding(true);
            }}
          >
            Add a measure
          </Button>
        ))}
      {!measures.canEdit && measures.items.length === 0 && <p className={common.muted}>The plan’s editors add measures.</p>}
    </>
  );
}

type Editing = 'measure' | 'reading' | null;

function MeasureCard({ item, actions, today, canEdit, canRecord, onChange }: { item: MeasureItem; actions: readonly ActionChoice[]; today: string; canEdit: boolean; canRecord: boolean; onChange: (item: MeasureItem) => void }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const [editing, setEditing] = useState<Editing>(null);
  const { measure, status } = item;
  const headingId = `measure-${measure.id}`;
  const what = measure.actionId === null ? 'Plan outcome indicator' : `Measures action ${actions.find((action) => action.id === measure.actionId)?.label.split(':')[0] ?? '(removed)'}`;
  const target = targetText(status);
  const saved = (fresh: MeasureItem): void => {
    setEditing(null);
    onChange(fresh);
  };
  return (
    <li className={styles.measure}>
      <h3 id={headingId} className={styles.title}>
        {measure.name}
      </h3>
      <p className={styles.line}>
        <Badge appearance={status.state === 'met' ? 'filled' : 'tint'} color={status.state === 'met' ? 'success' : status.state === 'not-met' ? 'danger' : 'informative'} shape="rounded">
          {stateLabel(status.state)}
        </Badge>
        <span className={common.muted}>{` ${what} · ${target === null ? 'No target' : `Target ${target}`}`}</span>
      </p>
      <p className={styles.line}>{progressText(status)}</p>
      {status.series.length > 0 && (
        <>
          {/* Inert for the same reason as the dashboard's chart: the table carries the data for keyboards and screen readers. */}
          <div className={styles.chart} inert>
            <Suspense fallback={<Loading what="the chart" />}>
              <MeasureLineChart status={status} />
            </Suspense>
          </div>
          <details>
            <summary>{`The readings of ${measure.name} as a table`}</summary>
            <TableScroll label={`Readings of ${measure.name}`}>
              <table className={common.table}>
                <caption className={common.visuallyHidden}>{`Readings of ${measure.name}${target === null ? '' : `, target ${target}`}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" className="number">
                      Value
                    </th>
                    <th scope="col">Target met</th>
                    <th scope="col">Note</th>
                    <th scope="col">Recorded by</th>
                  </tr>
                </thead>
                <tbody>
                  {readingRows(measure.values).map((reading, index) => (
                    <tr key={`${reading.date}-${String(index)}`}>
                      <td>{ukDate(reading.date)}</td>
                      <td className="number">{valueText(reading.value, measure.unit)}</td>
                      <td>{readingVerdict(measure, reading.value)}</td>
                      <td>{reading.note ?? ''}</td>
                      <td>{reading.by.displayName ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </>
      )}
      {editing === 'measure' && <MeasureForm planId={measure.planId} measure={measure} actions={actions} onSaved={saved} onCancel={() => { setEditing(null); }} />}
      {editing === 'reading' && <ReadingForm measure={measure} today={today} onSaved={saved} onCancel={() => { setEditing(null); }} />}
      {editing === null && (canRecord || canEdit) && (
        <div className={styles.buttons}>
          {canRecord && (
            <Button
              onClick={() => {
                setEditing('reading');
              }}
            >
              Record a reading<span className={common.visuallyHidden}>{` of ${measure.name}`}</span>
            </Button>
          )}
          {canEdit && (
            <Button
              onClick={() => {
                setEditing('measure');
              }}
            >
              Edit the measure<span className={common.visuallyHidden}>{` ${measure.name}`}</span>
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

