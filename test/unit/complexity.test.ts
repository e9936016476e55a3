import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { getNamedType, isObjectType, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadConfig } from '../../src/config';
import { loadDataset } from '../../src/dataset/load-dataset';
import { LIST_BOUNDS, PAGE_FIELDS, costEstimator, isObjectList } from '../../src/graphql/complexity';
import { smallestHoursPerWeek } from '../../src/graphql/query-limits';
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
