import { graphErrorOnly } from '../graph/graph-error.js';
import { MAX_BATCH, type GraphHttp } from '../graph/graph-http.js';
import type { ListWrite, ListWriteResult } from './list-client.js';
import { requestFor, resultOf, type WriteDeps } from './write-many.js';

/**
 * A chain of dependent writes in one `$batch` (ListClient.writeChain). SharePoint has no
 * transactions; `dependsOn` is the nearest thing: a write runs only if the one before it
 * succeeded, so a chain fails at one point and everything after it did not happen.
 */
export async function writeChain(http: GraphHttp, itemsPath: WriteDeps['itemsPath'], writes: readonly ListWrite[]): Promise<ListWriteResult[]> {
  if (writes.length === 0) return [];
  if (writes.length > MAX_BATCH) throw new RangeError(`A chain of writes holds at most ${MAX_BATCH}, not ${writes.length}`);
  const requests = await Promise.all(writes.map(async (write, index) => ({ ...(await requestFor(itemsPath, write)), ...(index === 0 ? {} : { dependsOn: [index - 1] }) })));
  let responses;
  try {
    responses = await http.sendBatch(requests);
  } catch (error) {
    const failure = graphErrorOnly(error);
    // Not sent (a 429 on the batch itself, a refusal) or lost on the way back: either way the
    // caller must read before it writes again; only "unknown" can have changed anything.
    const status = failure.outcome === 'unknown' ? 0 : failure.status;
    return writes.map(() => ({ ok: false, status, code: failure.code, message: failure.message, requestId: failure.requestId, retryAfterMs: failure.retryAfterMs }));
  }
  return writes.map((write, index) => resultOf(write, responses[index] ?? { status: 502, headers: {}, body: null }));
}
