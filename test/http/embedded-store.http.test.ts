import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { DATASET_FILES, loadDataset } from '../../src/dataset/load-dataset';
import { serializeDataset } from '../../src/dataset/serialize-dataset';
import { freshDataFile, startTestServer } from '../support/test-server';
import { defineStoreSuites } from './store-suites';

// Every store suite on the embedded store. For a graph of its own, the store starts from a data/
// folder of its own and keeps edits in a data file of its own; a restart is a new server on the
// same two, as `npm start` after a stop would be.
const folders = new Map<string, string>();

defineStoreSuites({
  name: 'embedded',
  contractName: 'embedded (graphology)',
  contractStore: async (dataset) => EmbeddedGraphStore.fromDataset(dataset),
  openStore: async () => EmbeddedGraphStore.fromDataset(loadDataset()),
  start: (env = {}) => startTestServer(env),
  ownGraph: {
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
  },
  // Each suite starts from data/ and a journal of its own: nothing to reseed, no group title.
  group: (_data, define) => define(),
});
