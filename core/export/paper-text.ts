import { type BoardPaperLayout, mapLayoutText } from './board-paper-layout.js';

/**
 * Characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF). Text
 * extracted from PDFs and Word brings form feeds and vertical tabs; one of them in a DOCX or
 * XLSX part makes Word or Excel refuse the whole file, so they go before any writer sees them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text any paper can carry: line breaks as "\n", nothing a document format cannot hold. */
export function paperText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

/** The layout with every text made carriable; every writer starts from this. */
export function printableLayout(layout: BoardPaperLayout): BoardPaperLayout {
  return mapLayoutText(layout, paperText);
}
