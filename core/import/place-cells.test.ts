import { describe, expect, it } from 'vitest';
import type { Field } from './fields.js';
import { type PlacementContext, placeCells } from './place-cells.js';

const FINDING_TABLE: Field[] = ['finding', 'recommendation', 'action', 'lead', 'due', 'completed', 'evidence'];
const context = (over: Partial<PlacementContext> = {}): PlacementContext => ({
  current: {},
  nextRecommendation: 3,
  numbersInText: true,
  lastRef: null,
  ...over,
});

describe('placeCells', () => {
  it('keeps a full row as it is', () => {
    const cells = ['f', 'r', 'a', 'Lead', '01/01/2020', '', ''];
    expect(placeCells(cells, FINDING_TABLE, context())).toEqual(FINDING_TABLE);
  });

  it('gives a lone label its own slot before the action', () => {
    const cells = ['', '', '3.', 'Track each recommendation.', 'Patient Safety Lead', '01/04/2023', '01/05/2023', 'Tracker.'];
    expect(placeCells(cells, FINDING_TABLE, context())).toEqual(['finding', 'recommendation', 'ref', 'action', 'lead', 'due', 'completed', 'evidence']);
  });

  it('sends a lower-case fragment to the column whose sentence it finishes, and a numbered step to the action', () => {
    const cells = ['and nobody noticed.', '2. Tracker shows when plans arrive.', 'Quality Lead', '01/06/2023', '01/06/2023', 'Tracker.'];
    const placed = placeCells(cells, FINDING_TABLE, context({ current: { finding: 'The risk was that', recommendation: 'Check plans.' }, lastRef: '1.' }));
    expect(placed).toEqual(['finding', 'action', 'lead', 'due', 'completed', 'evidence']);
  });

  it('drops a doubled empty cell so that a status lands in the status column', () => {
    const columns: Field[] = ['number', 'recommendation', 'action', 'lead', 'progress', 'due', 'status'];
    const cells = ['', 'the rest of the recommendation', 'through the committees.', '', 'Progress is reviewed monthly.', '', '', 'Ongoing'];
    const placed = placeCells(cells, columns, context({ current: { recommendation: 'It should be', action: 'Oversight' }, numbersInText: false }));
    expect(placed?.slice(1, 3)).toEqual(['recommendation', 'action']);
    expect(placed?.[7]).toBe('status');
    expect(placed?.[4]).toBe('progress');
  });

  it('gives up (null) when there are more filled cells than columns', () => {
    expect(placeCells(['1', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], FINDING_TABLE, context())).toBeNull();
  });
});
