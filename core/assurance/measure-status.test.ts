import { describe, expect, it } from 'vitest';
import { Measure } from '../model/index.js';
import { measureStatus, outcomeSummary } from './measure-status.js';

const BY = { aadObjectId: 'owner-1', displayName: 'Olu Owner' };

function measure(over: Partial<Measure> & { readings?: [string, number][] } = {}): Measure {
  const { readings = [], ...rest } = over;
  return Measure.parse({
    id: 'm1', planId: 'plan-1', name: 'Audit compliance', unit: '%', target: 85, direction: 'increase', actionId: 'act-2',
    version: 1, createdAt: '2024-01-01T09:00:00.000Z', updatedAt: '2024-01-01T09:00:00.000Z',
    values: readings.map(([date, value]) => ({ date, value, by: BY, at: `${date}T12:00:00.000Z` })),
    ...rest,
  });
}

describe('measureStatus', () => {
  it.each([
    // what, direction, target, readings, state, change, improved
    ['seed 002: compliance up to 89.87% against 85%', 'increase', 85, [['2013-10-31', 60.49], ['2013-12-31', 89.87]], 'met', 29.38, true],
    ['up, but short of the target', 'increase', 95, [['2013-10-31', 60.49], ['2013-12-31', 89.87]], 'not-met', 29.38, true],
    ['exactly at the target', 'increase', 76, [['2014-01-28', 76]], 'met', null, null],
    ['falling when higher is better', 'increase', 50, [['2024-01-31', 70], ['2024-02-29', 40]], 'not-met', -30, false],
    ['falling to a target where lower is better', 'decrease', 5, [['2024-01-31', 12], ['2024-03-31', 4]], 'met', -8, true],
    ['lower is better, still above it', 'decrease', 5, [['2024-01-31', 12], ['2024-03-31', 6]], 'not-met', -6, true],
    ['rising when lower is better', 'decrease', 5, [['2024-01-31', 3], ['2024-03-31', 9]], 'not-met', 6, false],
    ['unchanged', 'increase', 90, [['2024-01-31', 80], ['2024-03-31', 80]], 'not-met', 0, null],
    ['a target, no readings yet', 'increase', 85, [], 'no-values', null, null],
    ['no target: tracked, never met', 'increase', null, [['2024-01-31', 10], ['2024-02-29', 20]], 'no-target', 10, true],
    ['no target and no readings', 'decrease', null, [], 'no-target', null, null],
  ] as const)('%s', (_what, direction, target, readings, state, change, improved) => {
    const status = measureStatus(measure({ direction, target, readings: readings.map(([date, value]) => [date, value]) }));
    expect([status.state, status.change, status.improved]).toEqual([state, change, improved]);
  });

  it('reads the series in date order, whatever order the readings came in', () => {
    const status = measureStatus(measure({ readings: [['2024-03-31', 90], ['2024-01-31', 60], ['2024-02-29', 75]] }));
    expect([status.series, status.first, status.latest, status.change]).toEqual([
      [{ date: '2024-01-31', value: 60 }, { date: '2024-02-29', value: 75 }, { date: '2024-03-31', value: 90 }],
      { date: '2024-01-31', value: 60 },
      { date: '2024-03-31', value: 90 },
      30,
    ]);
  });

  it('keeps what the measure says about itself', () => {
    expect(measureStatus(measure({ actionId: null, unit: 'people' }))).toMatchObject({ measureId: 'm1', name: 'Audit compliance', unit: 'people', target: 85, direction: 'increase', actionId: null, first: null, latest: null });
  });
});

describe('outcomeSummary', () => {
  it.each([
    ['no measures', [], { total: 0, met: 0, notMet: 0, noTarget: 0, noValues: 0 }],
    ['some of each', ['met', 'met', 'not-met', 'no-target', 'no-values'], { total: 5, met: 2, notMet: 1, noTarget: 1, noValues: 1 }],
  ] as const)('%s', (_what, states, expected) => {
    expect(outcomeSummary(states.map((state) => ({ state })))).toEqual(expected);
  });
});
