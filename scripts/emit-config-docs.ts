import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../src/project-paths';
import { renderEnvExample, withSettingsTable } from './config-docs';

// npm run config:emit: rewrites the configuration table of docs/operations.md and .env.example
// from src/settings.ts (a test fails when either is out of date).
async function main(): Promise<void> {
  const page = join(PROJECT_ROOT, 'docs', 'operations.md');
  writeFileSync(page, withSettingsTable(readFileSync(page, 'utf8')));
  writeFileSync(join(PROJECT_ROOT, '.env.example'), renderEnvExample());
  process.stdout.write('docs/operations.md (configuration table) and .env.example rewritten\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
