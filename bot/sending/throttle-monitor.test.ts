import { describe, expect, it } from 'vitest';
import { ThrottleMonitor } from './throttle-monitor.js';

const options = { windowMs: 1_000, minAnswers: 4, fraction: 0.5, minConversations: 2 };

function feed(monitor: ThrottleMonitor, answers: [at: number, conversation: string, throttled: boolean][]): void {
  for (const [at, conversation, throttled] of answers) monitor.record(at, conversation, throttled);
}

describe('ThrottleMonitor', () => {
  it('calls it app-wide when most recent answers from several conversations were 429s', () => {
    const monitor = new ThrottleMonitor(options);
    feed(monitor, [[0, 'a', true], [10, 'b', true], [20, 'c', false], [30, 'd', true]]);
    expect(monitor.looksAppWide(30)).toBe(true);
  });

  it('ignores a scattering of 429s (Teams throttles some requests at random)', () => {
    const monitor = new ThrottleMonitor(options);
    feed(monitor, [[0, 'a', true], [10, 'b', false], [20, 'c', false], [30, 'd', false], [40, 'e', true], [50, 'f', false]]);
    expect(monitor.looksAppWide(50)).toBe(false);
  });

  it('ignores 429s that all come from one conversation', () => {
    const monitor = new ThrottleMonitor(options);
    feed(monitor, [[0, 'a', true], [10, 'a', true], [20, 'a', true], [30, 'b', false]]);
    expect(monitor.looksAppWide(30)).toBe(false);
  });

  it('waits for enough answers before deciding', () => {
    const monitor = new ThrottleMonitor(options);
    feed(monitor, [[0, 'a', true], [10, 'b', true], [20, 'c', true]]);
    expect(monitor.looksAppWide(20)).toBe(false);
  });

  it('forgets answers older than its window', () => {
    const monitor = new ThrottleMonitor(options);
    feed(monitor, [[10, 'a', true], [20, 'b', true], [30, 'c', true], [40, 'd', true]]);
    expect(monitor.looksAppWide(1_009)).toBe(true);
    expect(monitor.looksAppWide(1_010)).toBe(false);
  });

  it('refuses a fraction outside (0, 1]', () => {
    expect(() => new ThrottleMonitor({ ...options, fraction: 0 })).toThrow('fraction');
    expect(() => new ThrottleMonitor({ ...options, windowMs: 0 })).toThrow('windowMs');
  });
});
