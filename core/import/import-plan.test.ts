import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wordCoverage } from '../../test/support/word-coverage.js';
import { importPlanDocument, importPlanText } from './import-plan.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../test/fixtures/plans/${name}`, import.meta.url)), 'utf8');
const outline = (text: string) =>
  importPlanText(text, 'fixture.txt').recommendations.map((r) => ({ number: r.number, actions: r.actions.map((a) => a.ref ?? '-') }));

describe('importPlanText — one table row per line (seeds 000–002)', () => {
  const draft = importPlanText(fixture('row-per-line.txt'), 'row-per-line.txt');

  it('reads the preamble: title, reference, owner, last updated, RAG key', () => {
    expect(draft.plan).toMatchObject({
      title: 'Action plan following the independent review of care provided to Mr A',
      references: ['StEIS ref 2024 55501'],
      owner: 'Director of Nursing and Quality',
      lastUpdated: { date: '2025-03-31', precision: 'month' },
      ragKey: [
        { rag: 'red', status: 'not-started' },
        { rag: 'amber', status: 'in-progress' },
        { rag: 'green', status: 'complete' },
      ],
    });
  });

  it('joins a row continued after a page break onto the row above, cell by cell', () => {
    const rec = draft.recommendations[1];
    expect(rec?.text).toBe('The Trust should strengthen how risk is shared with families when consent is withheld, and make sure staff know when to seek advice.');
    expect(rec?.actions).toHaveLength(1);
    expect(rec?.actions[0]).toMatchObject({ text: 'Publish guidance on sharing risk information with families and carers.', progress: 'Draft guidance written and sent for consultation.' });
  });

  it('passes over a repeated header and a table ruling, listing them as discarded', () => {
    expect(draft.recommendations.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(draft.discarded.map((d) => d.reason)).toEqual(['table ruling', 'repeated header row']);
  });

  it('turns HTML paragraphs into lines and reads status through the plan’s RAG key', () => {
    expect(draft.recommendations[0]?.actions[0]).toMatchObject({ progress: 'Baseline audit done in January\n\nSecond audit booked', status: 'in-progress', rag: 'amber' });
  });

  it('flags an impossible date with a warning that points at its line, and keeps the text', () => {
    expect(draft.recommendations[2]?.actions[0]?.due).toMatchObject({ text: '31 September 2025', date: null });
    expect(draft.warnings).toContainEqual(expect.objectContaining({ line: 20, code: 'date-problem' }));
  });

  it('keeps every word of the input', () => {
    expect(wordCoverage(fixture('row-per-line.txt'), draft).missing.filter((w) => w !== 'p')).toEqual([]);
  });
});

describe('importPlanText — one cell per line (seed 004)', () => {
  const draft = importPlanText(fixture('cell-per-line.txt'), 'cell-per-line.txt');

  it('reads the title, both references and the statement', () => {
    expect(draft.plan.title).toBe('Homicide review action plan - October 2023');
    expect(draft.plan.references).toEqual(['StEIS 2023/4410', 'SI 2023/24 017']);
    expect(draft.plan.statements).toHaveLength(1);
  });

  it('makes each lettered sub-action an action, under its numbered recommendation', () => {
    expect(outline(fixture('cell-per-line.txt'))).toEqual([
      { number: '1', actions: ['a', 'b'] },
      { number: '2', actions: ['a'] },
    ]);
  });

  it('keeps several roles, each with the directorate written under it', () => {
    expect(draft.recommendations[0]?.actions[0]?.leads).toEqual(['Clinical Director, South Directorate', 'Service Director, South Directorate']);
  });

  it('reads "COMPLETED" with a date as complete on that date', () => {
    expect(draft.recommendations[0]?.actions[1]).toMatchObject({ status: 'complete', completed: { date: '2023-12-31' } });
  });

  it('keeps every word of the input', () => {
    expect(wordCoverage(fixture('cell-per-line.txt'), draft).missing).toEqual([]);
  });
});

describe('importPlanText — numbered recommendations, label cells and an interleaved row (seed 003)', () => {
  const text = fixture('interleaved.txt');
  const draft = importPlanText(text, 'interleaved.txt');

  it('finds every action, including those whose label has a cell of its own', () => {
    expect(outline(text)).toEqual([
      { number: '1', actions: ['-', '-', '3.'] },
      { number: '2', actions: ['1.', '2.'] },
      { number: '3', actions: ['-'] },
      { number: '4', actions: ['-'] },
    ]);
  });

  it('continues a recommendation that runs on into the next row while starting a new action', () => {
    expect(draft.recommendations[0]?.text).toBe('The Board must make sure every review is checked and that reports come back to the monthly meeting');
    expect(draft.recommendations[0]?.actions[1]?.text).toBe('Add reviews to the monthly report.');
  });

  it('keeps a row whose columns cannot be separated as flagged text, with a warning pointing at it', () => {
    const rec = draft.recommendations[2];
    expect(rec?.flags).toEqual(['unparsed']);
    expect(rec?.actions[0]?.flags).toEqual(['unparsed']);
    expect(rec?.actions[0]?.text).toContain('on into the next line.');
    expect(draft.warnings).toContainEqual(expect.objectContaining({ line: 14, code: 'unparsed-row' }));
  });

  it('reads completion dates as complete', () => {
    expect(draft.recommendations[0]?.actions.map((a) => a.status)).toEqual(['complete', 'complete', 'complete']);
  });

  it('keeps every word of the input', () => {
    expect(wordCoverage(text, draft).missing).toEqual([]);
  });
});

describe('importPlanDocument — rows read from a real table', () => {
  const doc = (rows: string[][]) => ({
    name: 'plan.xlsx',
    blocks: [
      { kind: 'paragraph' as const, line: 1, text: 'Learning from incident action plan' },
      ...rows.map((cells, i) => ({ kind: 'row' as const, line: i + 2, cells, fidelity: 'exact' as const })),
    ],
  });

  it('reads a spreadsheet whose recommendation cell is merged down over its actions', () => {
    const draft = importPlanDocument(
      doc([
        ['Rec', 'Recommendation', 'Action', 'Lead', 'Due', 'Extra notes'],
        ['1', 'Improve discharge letters', 'Audit letters', 'Head of Systems', '31/03/2025', 'see appendix'],
        ['', '', 'Train ward clerks', 'Ward Manager', 'Jun-25', ''],
        ['2', 'Involve families', 'a) Publish guidance b) Run workshops', 'Lead Nurse', 'Q3 2025', ''],
      ]),
    );
    expect(draft.recommendations.map((r) => [r.number, r.actions.map((a) => [a.ref, a.text, a.due?.date])])).toEqual([
      ['1', [[null, 'Audit letters', '2025-03-31'], [null, 'Train ward clerks', '2025-06-30']]],
      ['2', [['a', 'Publish guidance', '2025-12-31'], ['b', 'Run workshops', '2025-12-31']]],
    ]);
    expect(draft.recommendations[0]?.actions[0]?.other).toEqual([{ label: 'Extra notes', value: 'see appendix' }]);
    expect(draft.warnings).toContainEqual(expect.objectContaining({ code: 'unmapped-column' }));
  });

  it('keeps the text of a document with no recognisable table, and says so', () => {
    const draft = importPlanDocument({ name: 'notes.txt', blocks: [{ kind: 'paragraph', line: 1, text: 'Minutes of the meeting held on Tuesday.' }] });
    expect(draft.recommendations).toEqual([]);
    expect(draft.plan.title).toBe('Minutes of the meeting held on Tuesday.');
    expect(draft.warnings.map((w) => w.code)).toEqual(['no-header']);
  });
});
