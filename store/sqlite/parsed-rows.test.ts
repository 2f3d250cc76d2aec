import { describe, expect, it } from 'vitest';
import { rowMemo } from './parsed-rows.js';

describe('rowMemo', () => {
  const counting = () => {
    let calls = 0;
    const memo = rowMemo((row: Record<string, unknown>) => {
      calls += 1;
      return { id: String(row.id), tags: String(row.tags).split(',') };
    }, 2);
    return { memo, calls: () => calls };
  };

  it('checks a row once per distinct content and hands back the same frozen value', () => {
    const { memo, calls } = counting();
    const first = memo.parse({ id: 'a', tags: 'x,y' });
    const again = memo.parse({ id: 'a', tags: 'x,y' });
    expect(again).toBe(first);
    expect(calls()).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.tags)).toBe(true);
    expect(() => first.tags.push('z')).toThrow(TypeError);
  });

  it('parses again when any column differs: a changed row is never answered from memory', () => {
    const { memo, calls } = counting();
    const before = memo.parse({ id: 'a', tags: 'x', version: 1 });
    const after = memo.parse({ id: 'a', tags: 'x,y', version: 2 });
    expect(after).not.toBe(before);
    expect(after.tags).toEqual(['x', 'y']);
    expect(calls()).toBe(2);
  });

  it('forgets the least recently used row beyond its limit', () => {
    const { memo, calls } = counting();
    memo.parse({ id: 'a', tags: '' });
    memo.parse({ id: 'b', tags: '' });
    memo.parse({ id: 'a', tags: '' }); // a is now the most recent
    memo.parse({ id: 'c', tags: '' }); // b goes
    expect(calls()).toBe(3);
    memo.parse({ id: 'a', tags: '' });
    expect(calls()).toBe(3);
    memo.parse({ id: 'b', tags: '' });
    expect(calls()).toBe(4);
  });
});
