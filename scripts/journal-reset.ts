import { existsSync, renameSync } from 'node:fs';

import { ConfigError, loadConfig } from '../src/config';

// npm run journal:reset: sets the embedded store's journal aside (renamed, never deleted), so the next
// start serves the canonical dataset in data/ alone. Neo4j: use `npm run db:seed -- --reset`.
try {
  const { dataFile } = loadConfig();
  if (!existsSync(dataFile)) {
    process.stdout.write(`${dataFile} does not exist; the next start loads data/\n`);
  } else {
    const aside = `${dataFile}.reset-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataFile, aside);
    process.stdout.write(`moved ${dataFile} to ${aside}; the next start loads data/\n`);
  }
} catch (error) {
  process.stderr.write(`reset failed: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
