import { describe, expect, it } from 'vitest';
import { fieldLabel, isAcceptedFile, mappingToSend, toBase64 } from './import-file.js';

describe('toBase64', () => {
  it('encodes bytes as the server decodes them', () => {
    expect(toBase64(new TextEncoder().encode('Action plan £'))).toBe(Buffer.from('Action plan £').toString('base64'));
  });

  it('copes with files larger than one slice', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('isAcceptedFile', () => {
  it.each([
    ['plan.DOCX', true],
    ['plan.xlsx', true],
    ['plan.csv', true],
    ['plan.txt', true],
    ['plan.pdf', false],
    ['docx', false],
  ])('%s → %s', (name, accepted) => {
    expect(isAcceptedFile(name)).toBe(accepted);
  });
});

describe('mappingToSend', () => {
  const guessed = [
    { heading: 'Action', field: 'action' },
    { heading: 'By whom', field: 'other' },
  ];

  it('sends only the headings changed from the reader’s guess', () => {
    expect(mappingToSend(guessed, { Action: 'action', 'By whom': 'lead' })).toEqual({ 'By whom': 'lead' });
  });

  it('is null when nothing changed', () => {
    expect(mappingToSend(guessed, { Action: 'action' })).toBeNull();
  });
});

describe('fieldLabel', () => {
  it('names known fields and passes unknown ones through', () => {
    expect(fieldLabel('reportedTo')).toBe('Reported to');
    expect(fieldLabel('newField')).toBe('newField');
  });
});
