import { describe, expect, it } from 'vitest';
import { isPaperKind, PAPER_CONTENT_TYPES, PAPER_KINDS, paperContentDisposition, paperFileName } from './paper-file.js';

describe('paperFileName', () => {
  it.each([
    [{ title: 'Review of care', references: ['StEIS 2017/7489', 'SI 2017/18 011'] }, 'docx', 'steis-2017-7489-board-paper-2025-06-20.docx'],
    [{ title: 'Independent Investigation Action Plan for Mr X', references: [] }, 'xlsx', 'independent-investigation-action-plan-for-mr-x-board-paper-2025-06-20.xlsx'],
    [{ title: 'Révision – "Mr A" <script>', references: [] }, 'html', 'revision-mr-a-script-board-paper-2025-06-20.html'],
    [{ title: '../../etc/passwd', references: ['  '] }, 'docx', 'etc-passwd-board-paper-2025-06-20.docx'],
    [{ title: '事故', references: [] }, 'docx', 'action-plan-board-paper-2025-06-20.docx'],
    [{ title: 'A'.repeat(200), references: [] }, 'docx', `${'a'.repeat(60)}-board-paper-2025-06-20.docx`],
  ] as const)('%j as %s → %s', (subject, kind, expected) => {
    const name = paperFileName(subject, kind, '2025-06-20');
    expect(name).toBe(expected);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]*\.(docx|xlsx|html)$/);
  });
});

describe('paper kinds', () => {
  it('have a content type each', () => {
    expect(PAPER_KINDS.map((kind) => PAPER_CONTENT_TYPES[kind].length > 0)).toEqual([true, true, true]);
    expect(PAPER_CONTENT_TYPES.docx).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it.each([['docx', true], ['xlsx', true], ['html', true], ['pdf', false], ['DOCX', false], ['constructor', false]])('%s is a paper kind: %s', (value, expected) => {
    expect(isPaperKind(value)).toBe(expected);
  });

  it('names the download in a header nothing can break out of', () => {
    expect(paperContentDisposition('steis-2017-7489-board-paper-2025-06-20.docx')).toBe('attachment; filename="steis-2017-7489-board-paper-2025-06-20.docx"');
    expect(paperContentDisposition('a"; evil=1\r\n.docx')).toBe('attachment; filename="a___evil_1__.docx"');
  });
});
