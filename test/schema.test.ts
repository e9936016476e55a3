import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSkillGraphSchema, printSkillGraphSchema } from '../src/graphql/schema';

it('the committed schema.graphql matches the schema the code builds (run `npm run schema:emit`)', async () => {
  const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
  expect(printSkillGraphSchema(await buildSkillGraphSchema())).toBe(committed);
});
