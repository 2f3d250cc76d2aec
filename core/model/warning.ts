import { z } from 'zod';

/** Something an import could not do cleanly, pointing at where in the input it happened. */
export const ImportWarning = z.object({
  /** 1-based line in the input (text), or row (spreadsheet); null when not tied to a place. */
  line: z.number().int().positive().nullable(),
  code: z.enum([
    'unparsed-row',
    'column-missing',
    'misaligned-cells',
    'date-problem',
    'status-unclear',
    'no-header',
    'duplicate-number',
    'no-actions',
    'extra-cells',
    'discarded-text',
    'unmapped-column',
  ]),
  message: z.string(),
  /** The first characters of the text concerned, so a person can find it. */
  excerpt: z.string().optional(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;
