import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { datasetFingerprint } from '../../src/adapters/embedded/journal-file';
import type { Dataset } from '../../src/dataset/dataset.types';
import { validateDataset } from '../../src/dataset/validate-dataset';
import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import { freshDataFile } from '../support/test-server';
import type { StoreHarness } from './integrity-model';
import { checkIntegrityModel, newTally, printTally } from './integrity-model';

// The integrity rules under random edits, on the embedded store with a real journal: a restart
// re-opens the store from data/ and the journal, as the next start would. Sized to matter (every mutation,
// valid and invalid, meets most others many times) yet keep `npm test` short; see the summary
// line it prints.
const SIZE = { numRuns: Number(process.env.RUNS ?? 100), maxCommands: 60 };

/** Each store's journal and the data/ it started from: a restart replays the one onto the other. */
const origins = new WeakMap<GraphStore, { journalFile: string; dataset: Dataset }>();
const openOn = async (dataset: Dataset, journalFile: string) => {
  const store = await EmbeddedGraphStore.open({
    dataset,
    fingerprint: datasetFingerprint(dataset),
    journalFile,
    validate: validateDataset,
  });
  origins.set(store, { journalFile, dataset });
  return store;
};
const embedded: StoreHarness = {
  open: (dataset) => openOn(dataset, freshDataFile()),
  async reopen(store) {
    await store.close();
    const { dataset, journalFile } = origins.get(store) as { journalFile: string; dataset: Dataset };
    return openOn(dataset, journalFile);
  },
  async exported(store) {
    return (store as EmbeddedGraphStore).snapshot().dataset;
  },
  close: (store) => store.close(),
};

describe('integrity rules under random edits (embedded store)', () => {
  it('accepts an edit exactly when the loader would load its result, keeps that graph through restarts, and changes nothing otherwise', async () => {
    const tally = newTally();
    const started = Date.now();
    await checkIntegrityModel(embedded, SIZE, tally);
    printTally('embedded', tally, started, true);
  }, 120_000);
});
