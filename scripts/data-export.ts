import { relative } from 'node:path';

import { EmbeddedGraphStore } from '../src/adapters/embedded/embedded-graph-store';
import { diffOperations, historyOperations } from '../src/adapters/embedded/graph-diff';
import { GraphState } from '../src/adapters/embedded/graph-state';
import { JOURNAL_FORMAT, rewriteJournal } from '../src/adapters/embedded/journal-file';
import { ConfigError, loadConfig } from '../src/config';
import { DATASET_VERSION_FILE, DEFAULT_DATA_DIR, readDataset } from '../src/dataset/load-dataset';
import { validateDataset } from '../src/dataset/validate-dataset';
import { changedDatasetFiles, replaceDatasetFolder } from '../src/dataset/write-dataset';
import { InvalidDatasetError } from '../src/domain/model/domain-error';

// npm run data:export: folds the edits accepted through the API (the embedded store's journal)
// into the data/ JSON files, so curators can review and commit them, and leaves only the change
// history and problem reports in the journal. Run it with the API stopped (it refuses otherwise).
// The graph is checked against data/'s rules before anything is written, and data/ is replaced
// as a whole (a synced copy swapped in by renames), so a crash at any point leaves the old data/
// or the new one; a crash before the journal is rewritten only means its edits repeat, checked
// again, on top of the new data/.
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j !== null) {
    throw new ConfigError(['NEO4J_URI: data:export folds the embedded store’s journal; unset it to export']);
  }
  const dir = config.dataDir ?? DEFAULT_DATA_DIR;
  const journalFile = config.dataFile;
  const read = readDataset(dir);
  const before = read.dataset;
  const store = await EmbeddedGraphStore.open({ ...read, journalFile, validate: validateDataset });
  try {
    if (store.opening.readOnly !== null) throw new Error(`${store.opening.readOnly}; nothing was exported`);
    const snapshot = store.snapshot();
    try {
      validateDataset(snapshot.dataset);
    } catch (error) {
      const problems = error instanceof InvalidDatasetError ? error.message : String(error);
      throw new Error(`the graph breaks data/'s rules, so nothing was written: ${problems}`);
    }
    const files = changedDatasetFiles(dir, snapshot.dataset);
    const written = [...files.keys()];
    // A new edition: frontends cache by version, so the same version must never name two graphs.
    if (files.size > 0 && before.version !== undefined) {
      const removed = diffOperations(GraphState.fromDataset(before).toSnapshot(), snapshot).some(
        ([op]) => op.startsWith('delete') || op === 'unlinkResource',
      );
      const next = nextVersion(before.version.version, removed ? 'major' : 'minor');
      files.set(
        DATASET_VERSION_FILE,
        `${JSON.stringify({ version: next, date: new Date().toISOString().slice(0, 10) }, null, 2)}\n`,
      );
      written.push(`${DATASET_VERSION_FILE} (${before.version.version} → ${next})`);
    }
    if (files.size > 0) replaceDatasetFolder(dir, files);
    rewriteJournal(journalFile, { format: JOURNAL_FORMAT, dataset: readDataset(dir).fingerprint }, [
      { ops: historyOperations(snapshot) },
    ]);
    const where = relative(process.cwd(), dir) || '.';
    process.stdout.write(
      written.length === 0
        ? `${where}/ already holds every accepted edit; nothing to write\n`
        : `wrote ${written.map((file) => `${where}/${file}`).join(', ')} (${store.opening.replayed} journal entries folded in); review with git diff\n`,
    );
    for (const { name, reason } of store.opening.setAside) {
      process.stdout.write(`set aside, not exported: ${name}: ${reason}\n`);
    }
  } finally {
    await store.close();
  }
}

/** Semantic versioning of content: removing anything is breaking, adding or changing is not. */
function nextVersion(version: string, change: 'major' | 'minor'): string {
  const [major, minor] = version.split('.').map(Number);
  return change === 'major' ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
}

main().catch((error: unknown) => {
  process.stderr.write(`data:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
