import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../../src/project-paths';
import { OPERATION_TYPES_FILE, renderOperationTypes } from '../../../web/codegen';
import { operations } from '../../../web/src/api/operations';

describe("the explorer's response types", () => {
  it(`${OPERATION_TYPES_FILE} is what its documents and schema.graphql generate (npm run generate:web)`, async () => {
    const schema = readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8');
    const committed = readFileSync(join(PROJECT_ROOT, OPERATION_TYPES_FILE), 'utf8');
    expect(committed).toBe(await renderOperationTypes(schema, operations));
  });
});
