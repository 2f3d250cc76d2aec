import { afterEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { call, createItems, createList, type GraphErrorBody, listPath, type Page, readAll, text } from './test-client.js';

let fake: GraphFake | undefined;
afterEach(async () => { await fake?.close(); fake = undefined; });

const itemsPath = `${listPath('Actions')}/items`;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

async function actions(count: number, options: Parameters<typeof startGraphFake>[0] = {}): Promise<GraphFake> {
  fake = await startGraphFake(options);
  await createList(fake, 'Actions', [
    text('FtKey', { indexed: true, enforceUniqueValues: true }),
    text('FtPlanId', { indexed: true }),
    text('FtLeads'),
    { name: 'FtPosition', number: {}, indexed: true },
    { name: 'FtDue', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: 'FtDone', boolean: {}, indexed: true },
  ]);
  const rows = Array.from({ length: count }, (_, i) => ({
    Title: `Action ${i + 1}`,
    FtKey: `k${i + 1}`,
    FtPlanId: i % 2 === 0 ? 'plan-even' : "plan-o'dd",
    FtLeads: i % 3 === 0 ? 'Director of Nursing' : 'Medical Director',
    FtPosition: i + 1,
    FtDue: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
    FtDone: i % 5 === 0,
  }));
  await createItems(fake, 'Actions', rows);
  return fake;
}

const keys = (items: { fields?: Record<string, unknown> }[]): unknown[] => items.map((item) => item.fields?.FtKey);

describe('paging', () => {
  it('pages with $top and an absolute nextLink carrying $skiptoken, until it is absent', async () => {
    const f = await actions(7);
    const first = await call<Page<unknown>>(f, 'GET', `${itemsPath}?expand=fields(select=FtKey)&$top=3`);
    const next = first.body['@odata.nextLink'] ?? '';
    expect(next.startsWith(`${f.url}/sites/`)).toBe(true);
    expect(new URL(next).searchParams.get('$skiptoken')).toBeTruthy();
    expect(new URL(next).searchParams.get('expand')).toBe('fields(select=FtKey)');
    const all = await readAll(f, `${itemsPath}?expand=fields(select=FtKey)&$top=3`);
    expect(all.pageSizes).toEqual([3, 3, 1]);
    expect(keys(all.items)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
  });

  it('uses the default page size without $top and caps $top at maxPageSize', async () => {
    const f = await actions(12, { defaultPageSize: 5, maxPageSize: 8 });
    expect((await readAll(f, itemsPath)).pageSizes).toEqual([5, 5, 2]);
    expect((await readAll(f, `${itemsPath}?$top=100`)).pageSizes).toEqual([8, 4]);
    expect((await call(f, 'GET', `${itemsPath}?$top=0`)).status).toBe(400);
  });

  it('keeps a nextLink valid when items are deleted between pages', async () => {
    const f = await actions(6);
    const first = await call<Page<unknown>>(f, 'GET', `${itemsPath}?$top=2`);
    await call(f, 'DELETE', `${itemsPath}/3`);
    const rest = await readAll(f, first.body['@odata.nextLink'] ?? '');
    expect(rest.items.map((i) => i.id)).toEqual(['4', '5', '6']);
  });

  it('sometimes answers an empty page with a nextLink when emptyPageRate is set', async () => {
    const f = await actions(30, { faults: { emptyPageRate: 0.5, seed: 7 } });
    const all = await readAll(f, `${itemsPath}?$top=4&expand=fields`);
    expect(all.pageSizes).toContain(0);
    expect(all.pageSizes.at(-1)).not.toBe(0);
    expect(all.items).toHaveLength(30);
  });

  it('answers 400 for a skiptoken it did not issue', async () => {
    const f = await actions(1);
    expect((await call(f, 'GET', `${itemsPath}?$skiptoken=bogus`)).status).toBe(400);
  });
});

describe('$filter on indexed columns', () => {
  it.each([
    ["fields/FtPlanId eq 'plan-even'", 5],
    ["fields/FtPlanId eq 'PLAN-EVEN'", 5],
    ["fields/FtPlanId eq 'plan-o''dd'", 5],
    ["fields/FtPlanId ne 'plan-even'", 5],
    ['fields/FtPosition gt 7', 3],
    ['fields/FtPosition le 2 or fields/FtPosition ge 10', 3],
    ["fields/FtDue ge '2025-01-05' and fields/FtDue lt '2025-01-08'", 3],
    ['fields/FtDue ge 2025-01-05T00:00:00Z', 6],
    ["fields/FtDue eq '2025-01-03T00:00:00Z'", 1],
    ['fields/FtDone eq true', 2],
    ["(fields/FtPlanId eq 'plan-even' and fields/FtDone eq false) or fields/FtKey eq 'k2'", 5],
    ["fields/FtKey eq 'nothing'", 0],
  ])('%s matches %i', async (filter, count) => {
    const f = await actions(10);
    const all = await readAll(f, `${itemsPath}?expand=fields&$filter=${encodeURIComponent(filter)}`);
    expect(all.items).toHaveLength(count);
  });

  it('matches Created and Modified, which are indexed', async () => {
    const f = await actions(3);
    const all = await readAll(f, `${itemsPath}?$filter=fields/Modified ge '2000-01-01T00:00:00Z'`);
    expect(all.items).toHaveLength(3);
  });

  it.each([
    ["fields/Nope eq 'x'", /Nope/],
    ["FtKey eq 'x'", /fields\//],
    ["fields/FtPosition eq 'abc'", /wrong type/],
    ['fields/FtKey eq', /literal/],
    ["fields/FtKey eq 'x' and", /property/],
  ])('answers 400 for %s', async (filter, message) => {
    const f = await actions(1);
    const reply = await call<GraphErrorBody>(f, 'GET', `${itemsPath}?$filter=${encodeURIComponent(filter)}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(message);
  });
});

describe('$filter on a column that is not indexed', () => {
  it('answers 400 naming the field and the Prefer header', async () => {
    const f = await actions(3);
    const reply = await call<GraphErrorBody>(f, 'GET', `${itemsPath}?$filter=fields/FtLeads eq 'Medical Director'`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalidRequest');
    expect(reply.body.error.message).toContain("Field 'FtLeads' cannot be referenced in filter or orderby as it is not indexed");
    expect(reply.body.error.message).toContain('HonorNonIndexedQueriesWarningMayFailRandomly');
  });

  it('works with the Prefer header within the threshold, scanning so that pages can be empty', async () => {
    const f = await actions(12, { threshold: 12 });
    const all = await readAll(f, `${itemsPath}?$top=2&expand=fields&$filter=fields/FtLeads eq 'Director of Nursing'`, PREFER);
    expect(keys(all.items)).toEqual(['k1', 'k4', 'k7', 'k10']);
    expect(all.pageSizes).toContain(0);
  });

  it('fails with the Prefer header once the list is over the threshold, while indexed filters still work', async () => {
    const f = await actions(13, { threshold: 12 });
    const reply = await call<GraphErrorBody>(f, 'GET', `${itemsPath}?$filter=fields/FtLeads eq 'Medical Director'`, undefined, PREFER);
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/list view threshold/);
    const mixed = await call(f, 'GET', `${itemsPath}?$filter=fields/FtKey eq 'k1' and fields/FtLeads eq 'x'`, undefined, PREFER);
    expect(mixed.status).toBe(400);
    expect((await readAll(f, `${itemsPath}?$filter=fields/FtPlanId eq 'plan-even'`)).items).toHaveLength(7);
  });
});

describe('a real-sized list', () => {
  it('takes 10,000 items through $batch and applies the 5,000-item threshold', async () => {
    const f = await actions(10_000);
    const indexed = await readAll(f, `${itemsPath}?$top=5000&expand=fields(select=FtKey)&$filter=fields/FtPlanId eq 'plan-even'`);
    expect(indexed.items).toHaveLength(5000);
    const everything = await readAll(f, `${itemsPath}?$top=5000`);
    expect(everything.pageSizes).toEqual([5000, 5000]);
    const unindexed = await call(f, 'GET', `${itemsPath}?$filter=fields/FtLeads eq 'x'`, undefined, PREFER);
    expect(unindexed.status).toBe(400);
    expect(f.requests.filter((r) => r.batched)).toHaveLength(10_000);
  }, 60_000);
});
