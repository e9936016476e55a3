import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import { freshDataFile } from '../support/test-server';
import type { StoreHarness } from './integrity-model';
import { checkIntegrityModel, newTally } from './integrity-model';

// The integrity rules under random edits, on the embedded store with a real data file: a restart
// re-opens the store from that file as the next start would. Sized to matter (every mutation,
// valid and invalid, meets most others many times) yet keep `npm test` short; see the summary
// line it prints.
const SIZE = { numRuns: Number(process.env.RUNS ?? 100), maxCommands: 60 };

const dataFiles = new WeakMap<GraphStore, string>();
const embedded: StoreHarness = {
  async open(dataset) {
    const dataFile = freshDataFile();
    const store = EmbeddedGraphStore.open({ dataFile, initial: () => dataset });
    dataFiles.set(store, dataFile);
    return store;
  },
  async reopen(store) {
    await store.close();
    const dataFile = dataFiles.get(store) as string;
    const initial = (store as EmbeddedGraphStore).toSnapshot().dataset;
    const reopened = EmbeddedGraphStore.open({
      dataFile,
      // Used only when nothing was accepted yet, so no data file exists: the start from data/.
      initial: () => initial,
    });
    dataFiles.set(reopened, dataFile);
    return reopened;
  },
  async exported(store) {
    return (store as EmbeddedGraphStore).toSnapshot().dataset;
  },
  close: (store) => store.close(),
};

describe('integrity rules under random edits (embedded store)', () => {
  it('accepts an edit exactly when the loader would load its result, keeps that graph through restarts, and changes nothing otherwise', async () => {
    const tally = newTally();
    const started = Date.now();
    await checkIntegrityModel(embedded, SIZE, tally);
    // eslint-disable-next-line no-console
    console.log(
      `integrity model (embedded): ${tally.sequences} sequences, ${tally.steps} mutations ` +
        `(${tally.accepted} accepted, ${tally.refused} refused), ${tally.restarts} restarts, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        Object.entries(tally.byCommand)
          .map(([command, { accepted, refused }]) => `  ${command}: ${accepted} accepted, ${refused} refused`)
          .join('\n'),
    );
  }, 120_000);
});
