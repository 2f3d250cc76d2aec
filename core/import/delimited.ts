import type { SourceDocument, SourceRow } from './source.js';

/**
 * CSV and TSV as trusts export them (Excel "Save as CSV", "Unicode text", or a European
 * Excel's semicolons), read by RFC 4180 but forgiving: a stray quote mid-field is kept as a
 * character, and an unterminated quote keeps the rest of the input rather than dropping it.
 */
export type Delimiter = ',' | '\t' | ';';

export interface DelimitedOptions {
  /** Given when the file type says it (.tsv); otherwise sniffed from the first records. */
  delimiter?: Delimiter;
  /** What the text was read from, for messages. */
  name?: string;
}

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];
/** Enough records to see a pattern, few enough that sniffing a large file stays cheap. */
const SNIFF_RECORDS = 20;

export function parseDelimited(text: string, options: DelimitedOptions = {}): SourceDocument {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = options.delimiter ?? sniffDelimiter(body);
  const blocks: SourceRow[] = [];
  for (const record of readRecords(body, delimiter)) {
    const cells = record.fields.map((field) => field.trim());
    if (cells.every((cell) => cell === '')) continue;
    blocks.push({ kind: 'row', line: record.line, cells, fidelity: 'exact' });
  }
  return { name: options.name ?? 'pasted text', blocks };
}

/**
 * The delimiter that splits the first records into the same number of fields most often.
 * Consistency beats raw counts: a semicolon file's unquoted prose is full of commas, but
 * only the semicolons give every record the same shape.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore: readonly [number, number] = [0, 0];
  for (const candidate of CANDIDATES) {
    const widths = readRecords(text, candidate, SNIFF_RECORDS)
      .filter((record) => record.fields.some((field) => field.trim() !== ''))
      .map((record) => record.fields.length);
    const score = consistency(widths);
    // Strictly better only, so ties keep the earlier (more common) candidate.
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** [records having the commonest width, that width]; a width of 1 means "did not split". */
function consistency(widths: number[]): readonly [number, number] {
  const tally = new Map<number, number>();
  for (const width of widths) if (width > 1) tally.set(width, (tally.get(width) ?? 0) + 1);
  let result: readonly [number, number] = [0, 0];
  for (const [width, count] of tally) {
    if (count > result[0] || (count === result[0] && width > result[1])) result = [count, width];
  }
  return result;
}

interface RawRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
}

/** Splits text into records and fields. Line breaks inside quoted fields become '\n'. */
function readRecords(text: string, delimiter: Delimiter, limit = Infinity): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted section of the current field
  let fieldStart = true; // nothing but whitespace read into the current field yet
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endField = (): void => {
    fields.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length && records.length < limit) {
    const ch = text.charAt(i);
    const lineBreak = ch === '\n' ? 1 : ch === '\r' ? (text.charAt(i + 1) === '\n' ? 2 : 1) : 0;
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
        } else {
          quoted = false;
          i += 1;
        }
      } else if (lineBreak > 0) {
        field += '\n';
        line += 1;
        i += lineBreak;
      } else {
        field += ch;
        i += 1;
      }
      continue;
    }
    if (lineBreak > 0) {
      endRecord();
      line += 1;
      recordLine = line;
      i += lineBreak;
    } else if (ch === delimiter) {
      endField();
      i += 1;
    } else if (ch === '"' && fieldStart) {
      // Whitespace typed before an opening quote (`a, "b, c"`) is layout, not content.
      field = '';
      quoted = true;
      fieldStart = false;
      i += 1;
    } else {
      field += ch;
      if (ch !== ' ' && ch !== '\t') fieldStart = false;
      i += 1;
    }
  }
  // The last record has no line break after it; an unterminated quote ends here too, so
  // the rest of the input stays in that field.
  if (records.length < limit && (fields.length > 0 || field !== '' || quoted)) endRecord();
  return records;
}
