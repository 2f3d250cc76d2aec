import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../edge/files/xml.js';
import { cliHarness } from '../support/cli-harness.js';
import { docxTables, readDocx, readWorkbook, sheet } from '../support/paper-readers.js';
import { seedFiles } from '../support/seeds.js';

const { state, run } = cliHarness('followthrough-board-paper-seeds-');

/** Each of the five real plans, imported, gives all three papers with one table row per action. */
describe('the five seeds as board papers', () => {
  it.each(seedFiles().map((s) => [s.id, s] as const))('seed %s exports as XLSX, DOCX and HTML with one row per action', async (_id, seed) => {
    const id = (await run('import', seed.path)).out.trim();
    const shown = JSON.parse((await run('show', id, '--json')).out) as { actions: number };
    expect(shown.actions).toBeGreaterThan(0);
    const file = (kind: string) => join(state.dir, `seed.${kind}`);
    for (const kind of ['xlsx', 'docx', 'html']) {
      expect(await run('export', id, `--${kind}`, file(kind)), kind).toMatchObject({ code: 0, err: '' });
    }

    const workbook = await readWorkbook(readFileSync(file('xlsx')));
    expect(sheet(workbook, 'Actions').rowCount).toBe(shown.actions + 1);
    const summary = sheet(workbook, 'Summary');
    const actionsLine = [...Array(summary.rowCount).keys()].map((i) => summary.getRow(i + 1)).find((r) => r.getCell(1).value === 'Actions');
    expect(actionsLine?.getCell(2).value).toBe(shown.actions);

    const docx = await readDocx(readFileSync(file('docx')));
    const [docxSummary, docxActions] = docxTables(docx);
    expect(docxSummary?.[1]?.cells.map((c) => c.text)).toEqual(['Actions', String(shown.actions)]);
    expect(docxActions).toHaveLength(shown.actions + 1);
    for (const [path, xml] of docx.parts) if (/\.(xml|rels)$/.test(path)) expect(() => parseXml(xml), path).not.toThrow();

    const html = readFileSync(file('html'), 'utf8');
    const actionsTable = html.slice(html.indexOf('<h2>Actions</h2>'));
    expect(actionsTable.match(/<tr>/g)).toHaveLength(shown.actions + 1);
    expect(html).not.toMatch(/<script|<a\b|<img\b|<iframe/i);
  });
});
