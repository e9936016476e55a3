import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderSeedScript } from '../src/adapters/neo4j/seed-script';
import { loadDataset } from '../src/dataset/load-dataset';
import { CYPHER_DIR } from '../src/project-paths';

// npm run db:export: writes cypher/seed.cypher from data/. A test fails when they disagree.
const path = join(CYPHER_DIR, 'seed.cypher');
writeFileSync(path, renderSeedScript(loadDataset()));
process.stdout.write(`wrote ${path}\n`);
