/** Deterministic fault decisions: a seeded PRNG (mulberry32) so a failing run can be replayed. */
import type { GraphFakeFaults } from './types.js';
import { seededRandom } from '../../support/seeded-random.js';


export type FaultDecision = { kind: 'none' } | { kind: '429' | '503'; retryAfter: number } | { kind: 'drop'; afterWrite: boolean };


function probability(value: number | undefined, name: string): number {
  const p = value ?? 0;
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`Graph fake: ${name} must be between 0 and 1, got ${String(value)}`);
  return p;
}

export function checkFaults(faults: GraphFakeFaults): void {
  const total = probability(faults.rate429, 'rate429') + probability(faults.rate503, 'rate503') + probability(faults.dropRate, 'dropRate');
  if (total > 1) throw new RangeError('Graph fake: rate429 + rate503 + dropRate must not exceed 1');
  if (probability(faults.emptyPageRate, 'emptyPageRate') > 0.9) throw new RangeError('Graph fake: emptyPageRate must be at most 0.9');
  const retryAfter = faults.retryAfterSeconds ?? 1;
  if (!Number.isInteger(retryAfter) || retryAfter < 0) throw new RangeError('Graph fake: retryAfterSeconds must be a whole number ≥ 0');
}

/**
 * Two independent streams from one seed: one decides faults, the other the harmless
 * perturbations (empty pages, batch response order), so turning one on never shifts the other.
 */
export class FaultPlan {
  private faults: GraphFakeFaults = {};
  private nextFault: () => number = seededRandom(1);
  private nextShuffle: () => number = seededRandom(2);

  constructor(faults: GraphFakeFaults = {}) {
    this.set(faults);
  }

  set(faults: GraphFakeFaults): void {
    checkFaults(faults);
    this.faults = { ...faults };
    const seed = faults.seed ?? 1;
    this.nextFault = seededRandom(seed);
    this.nextShuffle = seededRandom(seed ^ 0x5bd1e995);
  }

  /** Decides what happens to one request (or one $batch sub-request). */
  decide(isWrite: boolean): FaultDecision {
    const { rate429 = 0, rate503 = 0, dropRate = 0 } = this.faults;
    if (rate429 + rate503 + dropRate === 0) return { kind: 'none' };
    const roll = this.nextFault();
    const retryAfter = this.faults.retryAfterSeconds ?? 1;
    if (roll < rate429) return { kind: '429', retryAfter };
    if (roll < rate429 + rate503) return { kind: '503', retryAfter };
    if (roll < rate429 + rate503 + dropRate) return { kind: 'drop', afterWrite: isWrite && this.nextFault() < 0.5 };
    return { kind: 'none' };
  }

  /** True when this page should come back empty (with a nextLink to the same place). */
  emptyPage(): boolean {
    const rate = this.faults.emptyPageRate ?? 0;
    return rate > 0 && this.nextShuffle() < rate;
  }

  /** A deterministic permutation of 0..n-1: Graph does not promise $batch responses in request order. */
  permutation(n: number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.nextShuffle() * (i + 1));
      const a = order[i] ?? i;
      order[i] = order[j] ?? j;
      order[j] = a;
    }
    return order;
  }
}
