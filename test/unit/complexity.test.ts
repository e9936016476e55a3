import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { getNamedType, isObjectType, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadConfig } from '../../src/config';
import { loadDataset } from '../../src/dataset/load-dataset';
import { LIST_BOUNDS, PAGE_FIELDS, costEstimator, isObjectList } from '../../src/graphql/complexity';
import { GraphExtentSource, smallestHoursPerWeek } from '../../src/graphql/query-limits';
import type { GraphExtent } from '../../src/domain/ports/graph-store.port';
import { PROJECT_ROOT } from '../../src/project-paths';
import { jsonLengthExceeds } from '../../src/graphql/execution/result-budget';
import { buildSkillGraphSchema } from '../../src/graphql/schema';

describe('the cost model', () => {
  it('has a bound for every list of objects in the schema, and none for a field that does not exist', async () => {
    const schema = await buildSkillGraphSchema();
    const lists: string[] = [];
    const fields = new Map<string, string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        fields.set(`${type.name}.${field.name}`, getNamedType(field.type).name);
        if (isObjectList(field.type)) lists.push(`${type.name}.${field.name}`);
      }
    }
    expect(lists.filter((key) => LIST_BOUNDS[key] === undefined)).toEqual([]);
    expect(Object.keys(LIST_BOUNDS).filter((key) => !fields.has(key))).toEqual([]);
    // Page fields multiply their connection's edges, whose own bound is then 1.
    for (const key of Object.keys(PAGE_FIELDS)) {
      expect([key, fields.get(key)?.endsWith('Connection')]).toEqual([key, true]);
      expect(LIST_BOUNDS[`${fields.get(key)}.edges`]?.({}, null as never)).toBe(1);
    }
  });

  it('lets every registered operation through with the variables that make it dearest', async () => {
    const schema = await buildSkillGraphSchema();
    const extent = await EmbeddedGraphStore.fromDataset(loadDataset()).graphExtent();
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'trusted-documents.json'), 'utf8')) as {
      operations: { name: string; body: string }[];
    };
    // One hour a week is the thinnest schedule; every level, every skill asked for.
    const variables = {
      text: 'cache',
      slug: 'distributed-transactions',
      depth: 25,
      helpful: true,
      targets: ['distributed-transactions', 'microservices'],
      known: [],
      hoursPerWeek: 1,
      level: 'principal',
    };
    const { maxCost } = loadConfig({}).limits;
    const costs = manifest.operations.map(({ name, body }) => {
      const query = parse(body);
      const estimators = [costEstimator({ extent, hoursPerWeek: smallestHoursPerWeek(query, variables) })];
      return [name, getComplexity({ schema, query, variables, estimators }) <= maxCost];
    });
    expect(costs.filter(([, within]) => !within)).toEqual([]);
  });
});

describe('jsonLengthExceeds', () => {
  const answer = {
    skills: Array.from({ length: 50 }, (_, i) => ({ slug: `skill-${i}`, hours: i, free: i % 2 === 0, parent: null })),
  };
  const length = JSON.stringify(answer).length;

  it('agrees with JSON.stringify within a few per cent either way', () => {
    expect(jsonLengthExceeds(answer, Math.floor(length * 0.95))).toBe(true);
    expect(jsonLengthExceeds(answer, Math.ceil(length * 1.1))).toBe(false);
  });

  it('gives up as soon as it has seen too much, without walking the rest', () => {
    let visited = 0;
    const items = new Proxy(
      Array.from({ length: 100_000 }, (_, i) => ({ slug: `item-${i}` })),
      {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) visited += 1;
          return Reflect.get(target, key);
        },
      },
    );
    expect(jsonLengthExceeds({ items }, 1000)).toBe(true);
    expect(visited).toBe(0);
  });
});

describe('GraphExtentSource', () => {
  const extentOf = (skills: number) => ({ skills }) as unknown as GraphExtent;

  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('reads the extent once, and again only after a write committed here', async () => {
    let reads = 0;
    const source = new GraphExtentSource(async () => extentOf(++reads), Infinity);
    expect((await source.current()).extent.skills).toBe(1);
    expect((await source.current()).extent.skills).toBe(1);
    source.invalidate();
    await source.current();
    await settled();
    expect((await source.current()).extent.skills).toBe(2);
    expect(reads).toBe(2);
  });

  it('answers with an extent past its age at once, reading a fresh one for the next request', async () => {
    let now = 0;
    let reads = 0;
    let release = () => undefined as void;
    const source = new GraphExtentSource(
      () =>
        reads++ === 0
          ? Promise.resolve(extentOf(1))
          : new Promise<GraphExtent>((resolve) => (release = () => resolve(extentOf(2)))),
      5000,
      () => now,
    );
    await source.current();
    now = 6000;
    // The store is slow to answer: the request does not wait for it.
    expect((await source.current()).extent.skills).toBe(1);
    release();
    await settled();
    expect((await source.current()).extent.skills).toBe(2);
  });

  it('keeps the last extent when a read fails, and fails only when it never had one', async () => {
    let fail = true;
    let skills = 7;
    const source = new GraphExtentSource(
      async () => (fail ? Promise.reject(new Error('store down')) : extentOf(skills)),
      Infinity,
    );
    await expect(source.current()).rejects.toThrow('store down');
    fail = false;
    expect((await source.current()).extent.skills).toBe(7);
    fail = true;
    source.invalidate();
    expect((await source.current()).extent.skills).toBe(7);
    await settled();
    // …and it tries again on the next request, since the write is still unread.
    fail = false;
    skills = 8;
    expect((await source.current()).extent.skills).toBe(7);
    await settled();
    expect((await source.current()).extent.skills).toBe(8);
  });
});
