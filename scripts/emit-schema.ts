import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSkillGraphSchema, printSkillGraphSchema } from '../src/graphql/schema';

// Writes schema.graphql from the TypeGraphQL classes; test/schema.test.ts fails when they drift.
async function emit(): Promise<void> {
  const path = join(__dirname, '..', '..', 'schema.graphql');
  writeFileSync(path, printSkillGraphSchema(await buildSkillGraphSchema()));
  process.stdout.write(`wrote ${path}\n`);
}

void emit();
