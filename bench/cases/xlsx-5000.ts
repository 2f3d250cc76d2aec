import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { importPlanDocument } from '../../core/import/import-plan.js';
import type { SourceDocument } from '../../core/import/source.js';
import { readXlsx } from '../../edge/files/xlsx-reader.js';
import type { BenchCase } from '../lib/bench-case.js';
import { LARGE_PLAN, readBytes } from '../lib/fixtures.js';
import { assertPlanSize } from '../lib/plan-size.js';

/** The generated 5,000-action workbook through the XLSX reader and the importer. */
export const xlsx5000: BenchCase = {
  id: 'xlsx-5000',
  label: '5,000-action XLSX import',
  baseline: 'exceljs Workbook.xlsx.load alone',
  runPlan: { warmup: 1, minRuns: 5, maxRuns: 12, budgetMs: 25_000, gcEachRun: true },
  prepare(fixtures) {
    const bytes = readBytes(fixtures.xlsxPath);
    const name = basename(fixtures.xlsxPath);
    // Read once, on first use, for timing the importer alone.
    let document: SourceDocument | null = null;
    return Promise.resolve({
      ours: {
        run: async () => {
          const draft = importPlanDocument(await readXlsx(bytes, name));
          assertPlanSize(draft, LARGE_PLAN.recommendations, LARGE_PLAN.actions, 'the 5,000-action workbook');
          return draft;
        },
      },
      baseline: {
        run: async () => {
          const workbook = new ExcelJS.Workbook();
          // The same fresh copy readXlsx makes.
          await workbook.xlsx.load(new Uint8Array(bytes).buffer);
          const rows = workbook.worksheets[0]?.actualRowCount ?? 0;
          if (rows < LARGE_PLAN.actions) throw new Error(`exceljs read ${rows} rows from the 5,000-action workbook`);
          return workbook;
        },
      },
      parts: [
        { label: 'readXlsx', variant: { run: () => readXlsx(bytes, name) } },
        {
          label: 'importPlanDocument',
          variant: {
            before: async () => {
              document ??= await readXlsx(bytes, name);
            },
            run: () => {
              if (document === null) throw new Error('the workbook was not read');
              return importPlanDocument(document);
            },
          },
        },
      ],
    });
  },
};
