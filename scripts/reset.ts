import { rmSync } from 'node:fs';

import { ConfigError, loadConfig } from '../src/config';

// npm run reset: forgets the embedded store's accepted changes by removing its data file, so the
// next start serves the canonical dataset in data/ again. Neo4j: use `npm run db:seed -- --reset`.
try {
  const { dataFile } = loadConfig();
  rmSync(dataFile, { force: true });
  process.stdout.write(`removed ${dataFile}; the next start loads data/\n`);
} catch (error) {
  process.stderr.write(`reset failed: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
