import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';

import { operations } from '../../../web/src/api/operations';
import { PROJECT_ROOT } from '../../../src/project-paths';

const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));

describe("the explorer's GraphQL operations", () => {
  it.each(Object.entries(operations))(
    '%s is valid against schema.graphql and named as registered',
    (name, document) => {
      const parsed = parse(document);
      expect(validate(schema, parsed)).toEqual([]);
      const definitions = parsed.definitions.filter((definition) => definition.kind === 'OperationDefinition');
      expect(definitions).toHaveLength(1);
      expect(definitions[0]!.name?.value).toBe(name);
    },
  );
});

describe('the explorer never renders text as markup', () => {
  // Names, descriptions and reasons come from the graph, which editors change: as markup they
  // would be stored XSS. Every node is built by web/src/dom.ts from text nodes and attributes.
  const sink = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser)\b/;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|js)$/.test(name) ? [path] : [];
    });

  it.each(files(join(PROJECT_ROOT, 'web', 'src')).map((path) => [path.slice(PROJECT_ROOT.length + 1), path]))(
    '%s uses no HTML sink',
    (_name, path) => {
      const code = readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n');
      expect(code).not.toMatch(sink);
    },
  );
});
