import { LineChart } from '@fluentui/react-charts';
import type { MeasureStatus } from '../../../core/assurance/measure-status.js';
import { measureChartLines } from '../logic/measure-chart.js';

/**
 * One measure's readings against its target (dashed). Loaded lazily, as the dashboard's chart is:
 * the charts library stays out of the plan view until someone opens the measures.
 */
export default function MeasureLineChart({ status }: { status: MeasureStatus }) {
  const lines = measureChartLines(status);
  return (
    <LineChart
      data={{
        chartTitle: `${status.name} over time`,
        lineChartData: lines.map((line, index) => ({
          legend: line.legend,
          data: line.points,
          ...(index === 1 ? { lineOptions: { strokeDasharray: '6 4' } } : {}),
        })),
      }}
      height={220}
      yAxisTitle={status.unit === '' ? status.name : status.unit}
      culture="en-GB"
    />
  );
}
