import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { importPlanDocument } from '../../core/import/import-plan.js';
import { readXlsx } from '../../edge/files/xlsx-reader.js';
import { fixturesIn, LARGE_PLAN, removeFixtures, type Fixtures } from './fixtures.js';
import { generatePlanXlsx } from './generate-plan-xlsx.js';
import { assertPlanSize } from './plan-size.js';

/**
 * Makes the fixtures in a fresh folder under the system's temp folder: the 5,000-action
 * workbook, and its import as JSON (checked for size first). `removeFixtures` deletes them.
 */
export async function createFixtures(): Promise<Fixtures> {
  const fixtures = fixturesIn(mkdtempSync(join(tmpdir(), 'followthrough-bench-')));
  try {
    const { bytes } = await generatePlanXlsx({ recommendations: LARGE_PLAN.recommendations, actionsPerRecommendation: LARGE_PLAN.actionsPerRecommendation });
    writeFileSync(fixtures.xlsxPath, bytes);
    const draft = importPlanDocument(await readXlsx(bytes, basename(fixtures.xlsxPath)));
    assertPlanSize(draft, LARGE_PLAN.recommendations, LARGE_PLAN.actions, 'the generated workbook');
    writeFileSync(fixtures.draftPath, JSON.stringify(draft));
    return fixtures;
  } catch (error) {
    removeFixtures(fixtures);
    throw error;
  }
}
