import { describe, expect, it } from 'vitest';
import { splitLinks } from './links.js';

describe('splitLinks', () => {
  it('leaves plain evidence as text', () => {
    expect(splitLinks('Minutes of the March committee')).toEqual([{ kind: 'text', text: 'Minutes of the March committee' }]);
  });

  it('picks out http(s) addresses, leaving trailing punctuation to the sentence', () => {
    expect(splitLinks('See https://nhs.example/audit.pdf, and http://intranet/x).')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://nhs.example/audit.pdf', text: 'https://nhs.example/audit.pdf' },
      { kind: 'text', text: ', and ' },
      { kind: 'link', href: 'http://intranet/x', text: 'http://intranet/x' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('never makes a link of other schemes', () => {
    expect(splitLinks('javascript:alert(1) file://c/x').every((part) => part.kind === 'text')).toBe(true);
  });
});
