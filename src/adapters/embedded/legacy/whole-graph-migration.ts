import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';

import type { Dataset } from '../../../dataset/dataset.types';
import { diffOperations } from '../graph-diff';
import { GraphState } from '../graph-state';
import type { JournalOp } from '../journal-file';
import { JOURNAL_FORMAT, rewriteJournal } from '../journal-file';
import { readSnapshot } from './snapshot-file';

// Legacy: the take-over of the whole-graph data file (`skill-graph.json`) that versions before
// the journal wrote. Kept so an install of those versions upgrades without losing its edits;
// removed in 1.0.0, when a leftover file will be named at start-up instead. Nothing else in the
// store depends on this folder: EmbeddedGraphStore.open calls migrateWholeGraphFile once.

/**
 * Takes over the whole-graph data file of earlier versions (`skill-graph.json` beside the
 * journal, or the journal's own path holding one): its graph becomes one journal entry of the
 * differences from data/, and the file is renamed `<file>.migrated`. A file that fails the rules
 * is renamed `<file>.unusable` instead, and data/ is served.
 */
export function migrateWholeGraphFile(journalFile: string, dataset: Dataset, fingerprint: string): string | null {
  const candidates = [journalFile.replace(/\.journal$/, '.json'), journalFile];
  const legacy = candidates.find((path) => existsSync(path) && isWholeGraphFile(path));
  if (legacy === undefined || (legacy !== journalFile && existsSync(journalFile))) return null;
  let ops: JournalOp[];
  try {
    const snapshot = readSnapshot(legacy);
    if (snapshot === null) return null;
    ops = diffOperations(GraphState.fromDataset(dataset).toSnapshot(), snapshot);
  } catch {
    renameSync(legacy, `${legacy}.unusable`);
    return `${legacy} (unusable, renamed to ${legacy}.unusable)`;
  }
  const staged = `${journalFile}.migrating`;
  rewriteJournal(staged, { format: JOURNAL_FORMAT, dataset: fingerprint }, [{ ops }]);
  renameSync(legacy, `${legacy}.migrated`);
  renameSync(staged, journalFile);
  return legacy;
}

function isWholeGraphFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(200);
    const length = readSync(fd, head, 0, head.length, 0);
    return /^\{\s*"format"\s*:\s*"backend-skill-graph\/snapshot@1"/.test(head.subarray(0, length).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
