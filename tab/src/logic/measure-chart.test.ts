import { describe, expect, it } from 'vitest';
import type { MeasureStatus } from '../../../core/assurance/measure-status.js';
import { measureChartLines, outcomesHeadline, progressText, readingRows, readingVerdict, stateLabel, targetText, valueText } from './measure-chart.js';

function aStatus(overrides: Partial<MeasureStatus> = {}): MeasureStatus {
  return {
    measureId: 'm-1',
    name: 'Audit compliance',
    unit: '%',
    target: 90,
    direction: 'increase',
    actionId: null,
    series: [
      { date: '2023-10-01', value: 60.49 },
      { date: '2024-03-31', value: 89.87 },
    ],
    first: { date: '2023-10-01', value: 60.49 },
    latest: { date: '2024-03-31', value: 89.87 },
    change: 29.38,
    improved: true,
    state: 'not-met',
    ...overrides,
  };
}

describe('measureChartLines', () => {
  it('draws the readings and the target across the same dates', () => {
    const lines = measureChartLines(aStatus());
    expect(lines.map((line) => line.legend)).toEqual(['Audit compliance', 'Target (at least 90%)']);
    expect(lines[0]?.points.map((point) => [point.x.toISOString().slice(0, 10), point.y])).toEqual([
      ['2023-10-01', 60.49],
      ['2024-03-31', 89.87],
    ]);
    expect(lines[1]?.points.map((point) => [point.x.toISOString().slice(0, 10), point.y])).toEqual([
      ['2023-10-01', 90],
      ['2024-03-31', 90],
    ]);
  });

  it('draws no target line for a measure tracked without one', () => {
    expect(measureChartLines(aStatus({ target: null })).map((line) => line.legend)).toEqual(['Audit compliance']);
  });

  it('has nothing to draw without readings', () => {
    expect(measureChartLines(aStatus({ series: [] }))).toEqual([]);
  });

  it('puts a one-reading target on that one date', () => {
    const lines = measureChartLines(aStatus({ series: [{ date: '2024-03-31', value: 89.87 }] }));
    expect(lines[1]?.points).toHaveLength(1);
  });
});

describe('words', () => {
  it.each([
    [89.87, '%', '89.87%'],
    [12, 'days', '12 days'],
    [4, '', '4'],
  ])('valueText(%d, %s)', (value, unit, text) => {
    expect(valueText(value, unit)).toBe(text);
  });

  it('says which way the target is met', () => {
    expect(targetText({ target: 5, unit: 'days', direction: 'decrease' })).toBe('at most 5 days');
    expect(targetText({ target: null, unit: '', direction: 'increase' })).toBeNull();
  });

  it.each([
    ['met', 'Met'],
    ['not-met', 'Not met'],
    ['no-target', 'No target'],
    ['no-values', 'No readings yet'],
  ] as const)('%s reads %s', (state, label) => {
    expect(stateLabel(state)).toBe(label);
  });

  it.each([
    [aStatus(), 'Latest 89.87% on 31 Mar 2024, up 29.38 since 1 Oct 2023 (better).'],
    [aStatus({ change: -2, improved: true, direction: 'decrease', unit: 'days' }), 'Latest 89.87 days on 31 Mar 2024, down 2 since 1 Oct 2023 (better).'],
    [aStatus({ change: 0, improved: null }), 'Latest 89.87% on 31 Mar 2024, no change since 1 Oct 2023.'],
    [aStatus({ change: null, first: { date: '2024-03-31', value: 89.87 } }), 'Latest 89.87% on 31 Mar 2024.'],
    [aStatus({ latest: null }), 'No readings yet.'],
  ])('progressText %#', (status, text) => {
    expect(progressText(status)).toBe(text);
  });

  it.each([
    [{ total: 0, met: 0, notMet: 0, noTarget: 0, noValues: 0 }, 'No outcome measures yet.'],
    [{ total: 3, met: 2, notMet: 1, noTarget: 0, noValues: 0 }, '2 of 3 measures with a target are met.'],
    [{ total: 3, met: 1, notMet: 0, noTarget: 1, noValues: 1 }, '1 of 2 measures with a target are met; 1 without readings yet; 1 tracked without a target.'],
    [{ total: 1, met: 0, notMet: 0, noTarget: 1, noValues: 0 }, 'No measure has a target yet.'],
    [{ total: 1, met: 1, notMet: 0, noTarget: 0, noValues: 0 }, '1 of 1 measure with a target is met.'],
  ])('outcomesHeadline %#', (outcomes, text) => {
    expect(outcomesHeadline(outcomes)).toBe(text);
  });
});

describe('readingRows', () => {
  it('puts readings in date order', () => {
    const by = { aadObjectId: null, displayName: null };
    const at = '2024-04-01T09:00:00.000Z';
    const rows = readingRows([
      { date: '2024-03-31', value: 2, note: null, by, at },
      { date: '2023-10-01', value: 1, note: null, by, at },
    ]);
    expect(rows.map((row) => row.value)).toEqual([1, 2]);
  });
});

describe('readingVerdict', () => {
  it.each([
    [{ target: 90, direction: 'increase' as const }, 90, 'Met'],
    [{ target: 90, direction: 'increase' as const }, 89.87, 'Not met'],
    [{ target: 5, direction: 'decrease' as const }, 4, 'Met'],
    [{ target: 5, direction: 'decrease' as const }, 6, 'Not met'],
    [{ target: null, direction: 'increase' as const }, 6, 'No target'],
  ])('%j at %d', (measure, value, verdict) => {
    expect(readingVerdict(measure, value)).toBe(verdict);
  });
});
