/** The kinds of board paper there are, each with what a download needs: its type and extension. */
export const PAPER_KINDS = ['xlsx', 'docx', 'html'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_CONTENT_TYPES: Readonly<Record<PaperKind, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

export function isPaperKind(value: string): value is PaperKind {
  return (PAPER_KINDS as readonly string[]).includes(value);
}

const MAX_STEM = 60;

/**
 * A file name for a paper that is safe everywhere it may land (Windows, SharePoint, a mail
 * attachment, a Content-Disposition header): ASCII letters, digits and hyphens, then the date and
 * the extension. Named by the plan's first reference when it has one (what a board calls it),
 * else by its title: "steis-2017-7489-board-paper-2025-06-20.docx".
 */
export function paperFileName(subject: { title: string; references: readonly string[] }, kind: PaperKind, today: string): string {
  const stem = slug(subject.references[0] ?? '') || slug(subject.title) || 'action-plan';
  return `${stem}-board-paper-${slug(today)}.${kind}`;
}

/** The header that makes a browser save the paper under its name; anything unsafe in the name is replaced. */
export function paperContentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

function slug(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, MAX_STEM).replace(/^-+|-+$/g, '');
}
