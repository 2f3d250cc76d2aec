import { describe, expect, it } from 'vitest';
import { downloadName } from './download-name.js';

describe('downloadName', () => {
  it.each<[string | null, string]>([
    ['attachment; filename="board-paper.xlsx"', 'board-paper.xlsx'],
    ['attachment; filename=meeting.docx', 'meeting.docx'],
    ["attachment; filename=\"plan.docx\"; filename*=UTF-8''Pl%C3%A0n%20%E2%80%94%20QSC.docx", 'Plàn — QSC.docx'],
    ["attachment; filename*=utf-8''a%20b.html", 'a b.html'],
    ['attachment; filename="say \\"hi\\".xlsx"', 'say _hi_.xlsx'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\temp\\\\x.xlsx"', 'x.xlsx'],
    ['attachment; filename=".hidden.xlsx"', 'hidden.xlsx'],
    ["attachment; filename*=UTF-8''%E0%A4%A", 'fallback.bin'],
    ['attachment', 'fallback.bin'],
    ['attachment; filename=""', 'fallback.bin'],
    [null, 'fallback.bin'],
  ])('%s → %s', (header, name) => {
    expect(downloadName(header, 'fallback.bin')).toBe(name);
  });
});
