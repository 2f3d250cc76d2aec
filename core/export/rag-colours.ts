import type { Rag } from '../model/index.js';

/** Red, amber, green, then the blue many trusts use for "complete and assured": the order a board reads them. */
export const RAG_ORDER: readonly Rag[] = ['red', 'amber', 'green', 'blue'];

/**
 * The one set of RAG shades every paper uses (XLSX, DOCX, HTML), as RRGGBB: Office's standard
 * red, amber, green and blue, each with the text colour that keeps its label readable on it
 * (white on red and blue, black on amber and green: each pair at least 4.5:1).
 */
export const RAG_COLOURS: Readonly<Record<Rag, { fill: string; text: string }>> = {
  red: { fill: 'C00000', text: 'FFFFFF' },
  amber: { fill: 'FFC000', text: '000000' },
  green: { fill: '00B050', text: '000000' },
  blue: { fill: '0070C0', text: 'FFFFFF' },
};

/** "amber" → "Amber": colour is never the only signal, so every shaded cell says its RAG in words. */
export function ragLabel(rag: Rag): string {
  return rag.charAt(0).toUpperCase() + rag.slice(1);
}
