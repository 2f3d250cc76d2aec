/**
 * Concurrent HTTP clients on loopback, for latency benchmarks: `concurrency` callers, each
 * sending its next request as soon as its last answer has been read in full. Bounded: exactly
 * `requests` requests, then every caller stops.
 */

export interface Answer {
  status: number;
  text: string;
  /** From sending the request to the last byte of the answer. */
  ms: number;
}

/** POSTs JSON and reads the whole answer; the time covers both. */
export async function postJson(url: string, body: string): Promise<Answer> {
  const start = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - start };
}

/**
 * Sends `requests` requests from `concurrency` callers; `bodyFor(i)` is request i's body. Returns
 * every answer, in request order.
 */
export async function loadTest(url: string, requests: number, concurrency: number, bodyFor: (index: number) => string): Promise<Answer[]> {
  const answers: Answer[] = new Array<Answer>(requests);
  let next = 0;
  const caller = async (): Promise<void> => {
    while (next < requests) {
      const index = next;
      next += 1;
      answers[index] = await postJson(url, bodyFor(index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, caller));
  return answers;
}
