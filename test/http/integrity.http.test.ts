import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DATASET_FILES } from '../../src/dataset/load-dataset';
import { serializeDataset } from '../../src/dataset/serialize-dataset';
import { freshDataFile, startTestServer } from '../support/test-server';
import { defineIntegritySuite } from './integrity-suite';

// The embedded store starts from a data/ folder of its own and keeps edits in a data file of its
// own; a restart is a new server on the same two, as `npm start` after a stop would be.
const folders = new Map<string, string>();

defineIntegritySuite('embedded', {
  async start(dataset, env) {
    const dataDir = mkdtempSync(join(tmpdir(), 'skill-graph-integrity-'));
    const raw = serializeDataset(dataset);
    for (const [key, file] of Object.entries(DATASET_FILES)) {
      writeFileSync(join(dataDir, file), JSON.stringify(raw[key as keyof typeof raw], null, 1));
    }
    const dataFile = freshDataFile();
    folders.set(dataFile, dataDir);
    return startTestServer({ ...env, DATA_DIR: dataDir, DATA_FILE: dataFile });
  },
  async restart(api, env) {
    await api.close();
    return startTestServer({ ...env, DATA_DIR: folders.get(api.dataFile) as string, DATA_FILE: api.dataFile });
  },
});
