import { relative } from 'node:path';

import { EmbeddedGraphStore } from '../src/adapters/embedded/embedded-graph-store';
import { historyOperations } from '../src/adapters/embedded/graph-diff';
import { JOURNAL_FORMAT, datasetFingerprint, rewriteJournal } from '../src/adapters/embedded/journal-file';
import { ConfigError, loadConfig } from '../src/config';
import { DEFAULT_DATA_DIR, loadDataset } from '../src/dataset/load-dataset';
import { validateDataset } from '../src/dataset/validate-dataset';
import { writeDatasetFiles } from '../src/dataset/write-dataset';

// npm run data:export: folds the edits accepted through the API (the embedded store's journal)
// into the data/ JSON files, so curators can review and commit them, and leaves only the change
// history and problem reports in the journal. Run it with the API stopped (it refuses otherwise).
// A crash half-way is safe: the journal's edits repeat harmlessly on top of the new data/.
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j !== null) {
    throw new ConfigError(['NEO4J_URI: data:export folds the embedded store’s journal; unset it to export']);
  }
  const dir = config.dataDir ?? DEFAULT_DATA_DIR;
  const journalFile = config.dataFile;
  const store = await EmbeddedGraphStore.open({ dataset: loadDataset(dir), journalFile, validate: validateDataset });
  try {
    const snapshot = store.snapshot();
    const files = writeDatasetFiles(dir, snapshot.dataset);
    const written = loadDataset(dir);
    rewriteJournal(journalFile, { format: JOURNAL_FORMAT, dataset: datasetFingerprint(written) }, [
      { ops: historyOperations(snapshot) },
    ]);
    const where = relative(process.cwd(), dir) || '.';
    process.stdout.write(
      files.length === 0
        ? `${where}/ already holds every accepted edit; nothing to write\n`
        : `wrote ${files.map((file) => `${where}/${file}`).join(', ')} (${store.opening.replayed} journal entries folded in); review with git diff\n`,
    );
    for (const { name, reason } of store.opening.setAside) {
      process.stdout.write(`set aside, not exported: ${name}: ${reason}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`data:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
