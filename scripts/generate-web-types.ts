import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { PROJECT_ROOT } from '../src/project-paths';
import { OPERATION_TYPES_FILE, renderOperationTypes } from '../web/codegen';
import { operations } from '../web/src/api/operations';

// npm run generate:web: rewrites the explorer's response types from its documents and
// schema.graphql; test/unit/web/operation-types.test.ts fails when they are out of date.
async function generate(): Promise<void> {
  const file = join(PROJECT_ROOT, OPERATION_TYPES_FILE);
  const schema = readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await renderOperationTypes(schema, operations));
  process.stdout.write(`wrote ${OPERATION_TYPES_FILE}\n`);
}

void generate();
