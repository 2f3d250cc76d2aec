import { LineChart } from '@fluentui/react-charts';
import type { Dashboard } from '../../../core/views/tab-api.js';

/**
 * The charts library is large (d3 and more): this file is its only importer and is loaded
 * lazily, so the plan view never pays for it. The chart is themed by the surrounding FluentProvider.
 */
export default function CompletionChart({ completion }: { completion: Dashboard['completion'] }) {
  const points = completion.map((point) => ({ x: new Date(`${point.date}T12:00:00Z`), y: point.complete }));
  const totals = completion.map((point) => ({ x: new Date(`${point.date}T12:00:00Z`), y: point.total }));
  return (
    <LineChart
      data={{
        chartTitle: 'Actions complete over time',
        lineChartData: [
          { legend: 'Complete', data: points },
          { legend: 'All actions', data: totals },
        ],
      }}
      height={260}
      yAxisTitle="Actions"
      culture="en-GB"
    />
  );
}
