/**
 * What every input format is reduced to before the core importer reads it: a sequence of
 * paragraphs and table rows in document order, each remembering where it came from. DOCX,
 * XLSX, CSV and pasted text all become this, so heading recognition and row assembly exist
 * once, in the core.
 */
export type SourceBlock = SourceParagraph | SourceRow;

export interface SourceParagraph {
  kind: 'paragraph';
  /** 1-based line (text), row (spreadsheet) or paragraph index (document) of the source. */
  line: number;
  text: string;
}

export interface SourceRow {
  kind: 'row';
  line: number;
  cells: string[];
  /**
   * `exact`: read from a real table structure (DOCX, XLSX, CSV), so each cell is in its true
   * column. `loose`: from extracted text, where empty cells may be missing or doubled and
   * must be aligned by what they contain.
   */
  fidelity: 'exact' | 'loose';
}

export interface SourceDocument {
  /** What it was read from, for messages: "seed.docx", "pasted text". */
  name: string;
  blocks: SourceBlock[];
}
