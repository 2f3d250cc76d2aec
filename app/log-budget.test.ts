import { describe, expect, it } from 'vitest';
import { createLogBudget } from './log-budget.js';

/** A budget on a hand-moved clock whose timers are kept for the test to fire. */
function budget(perWindow = 3, windowMs = 60_000) {
  let time = 0;
  const timers: { at: number; run: () => void }[] = [];
  const summaries: { held: Record<string, number>; windowMs: number }[] = [];
  const subject = createLogBudget({
    perWindow,
    windowMs,
    now: () => time,
    later: (ms, run) => timers.push({ at: time + ms, run }),
    summarise: (held, ms) => summaries.push({ held, windowMs: ms }),
  });
  return {
    subject,
    summaries,
    timers,
    advance: (ms: number): void => {
      time += ms;
      for (const timer of timers.filter((entry) => entry.at <= time)) timer.run();
    },
  };
}

describe('createLogBudget', () => {
  it('admits the first lines of a window and holds back the rest, counted by kind', () => {
    const { subject, summaries } = budget(3);
    const admitted = ['429', '429', '503', '429', '503', '429'].map((kind) => subject.admit(kind));
    expect(admitted).toEqual([true, true, true, false, false, false]);
    expect(summaries).toEqual([]);
    subject.flush();
    expect(summaries).toEqual([{ held: { '429': 2, '503': 1 }, windowMs: 60_000 }]);
  });

  it('writes the summary when the window ends, even if no line comes after the storm', () => {
    const { subject, summaries, advance } = budget(1);
    subject.admit('429');
    subject.admit('429');
    advance(59_999);
    expect(summaries).toEqual([]);
    advance(1);
    expect(summaries).toEqual([{ held: { '429': 1 }, windowMs: 60_000 }]);
  });

  it('starts a new window with a fresh allowance, and writes no summary when nothing was held back', () => {
    const { subject, summaries, advance } = budget(2);
    expect([subject.admit('a'), subject.admit('a'), subject.admit('a')]).toEqual([true, true, false]);
    advance(60_000);
    expect(summaries).toHaveLength(1);
    expect([subject.admit('a'), subject.admit('a')]).toEqual([true, true]);
    advance(60_000);
    subject.flush();
    expect(summaries).toHaveLength(1);
  });

  it('a timer from a window already closed does not close the next one', () => {
    const { subject, summaries, timers } = budget(1);
    subject.admit('a');
    subject.admit('a');
    // The window is closed (flushed) before its timer fires: the summary comes once.
    const stale = timers[0];
    subject.flush();
    expect(summaries).toHaveLength(1);
    subject.admit('b');
    subject.admit('b');
    stale?.run();
    expect(summaries).toHaveLength(1);
    subject.flush();
    expect(summaries.at(-1)).toEqual({ held: { b: 1 }, windowMs: 60_000 });
  });
});
