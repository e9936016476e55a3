import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';
import { constants, access } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Dataset } from '../../dataset/dataset.types';
import { StoreUnavailableError } from '../../domain/domain-error';
import type { GraphReader, GraphStore, GraphTransaction, StoreStatus } from '../../domain/ports/graph-store.port';
import { diffOperations } from './graph-diff';
import { GraphState } from './graph-state';
import type { JournalEntry, JournalOp } from './journal-file';
import {
  JOURNAL_FORMAT,
  JournalWriter,
  acquireLock,
  appendLinesSync,
  readJournal,
  releaseLock,
  removeLeftovers,
  rewriteJournal,
} from './journal-file';
import { ReadWriteGate } from './read-write-gate';
import { readSnapshot } from './snapshot-file';

export interface EmbeddedStoreOptions {
  /** The canonical dataset (data/), loaded and validated. */
  readonly dataset: Dataset;
  /**
   * Names that dataset in the journal, so a start can tell whether data/ changed since the
   * journal's changes were made: readDataset's for data/ on disk, datasetFingerprint's for a
   * dataset made in memory.
   */
  readonly fingerprint: string;
  /** Where accepted changes are journaled; null keeps them in memory only (tests, benchmarks). */
  readonly journalFile: string | null;
  /**
   * The graph's integrity rules (the dataset loader's): throws when a graph breaks one. Replaying
   * a journal onto a data/ that changed since checks each change with it.
   */
  readonly validate: (dataset: Dataset) => void;
}

/** A journaled change that no longer applies, kept aside in `<journal>.set-aside`. */
export interface SetAsideChange {
  /** The change's operation and subject ("addPrerequisite kafka -> queues"), or what it did. */
  readonly name: string;
  readonly reason: string;
}

/** What opening the store found and did, for the start-up banner. */
export interface OpeningReport {
  readonly journalFile: string | null;
  readonly replayed: number;
  /** data/ changed since the journal's changes were made, so each was checked again. */
  readonly datasetChanged: boolean;
  readonly setAside: readonly SetAsideChange[];
  /** An older whole-graph data file taken over into the journal (renamed to `<file>.migrated`). */
  readonly migratedFrom: string | null;
  /** Temporary files a crash had left, removed. */
  readonly leftovers: readonly string[];
}

const READ_METHODS = [
  'listAreas',
  'listLevels',
  'listSkills',
  'listResources',
  'listResponsibilities',
  'findAreasBySlugs',
  'findLevelsBySlugs',
  'findSkillsBySlugs',
  'findResourcesBySlugs',
  'findResponsibilitiesBySlugs',
  'skillsOfAreas',
  'countSkillsOfAreas',
  'skillsOfLevels',
  'childrenOfSkills',
  'prerequisitesOfSkills',
  'dependentsOfSkills',
  'relatedOfSkills',
  'resourcesOfSkills',
  'responsibilitiesOfSkills',
  'skillsOfResources',
  'skillsOfResponsibilities',
  'responsibilitiesOfLevels',
  'prerequisiteClosure',
  'dependentClosure',
  'rankedFoundations',
  'unlockCounts',
  'search',
  'listChanges',
  'listProblems',
  'findProblemsByIds',
  'datasetInfo',
  'graphExtent',
] as const satisfies readonly (keyof GraphReader)[];

// The read methods are installed by the constructor, each through the gate.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface EmbeddedGraphStore extends GraphReader {}

/**
 * The zero-install store: the graph in process memory, accepted changes in an append-only
 * journal next to data/. A write edits the graph in place, undoing itself if it fails; its
 * journal line is on disk before the write is acknowledged; readers wait while it is open, so
 * they never see half of one. Writes run one at a time, so a rule checked inside one still
 * holds when it commits.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class EmbeddedGraphStore implements GraphStore {
  private readonly gate = new ReadWriteGate();
  private queue: Promise<unknown> = Promise.resolve();
  /** Why the last write could not be saved, until one is saved again. */
  private writeFailure: Error | null = null;

  private constructor(
    private readonly state: GraphState,
    private readonly journal: JournalWriter | null,
    readonly opening: OpeningReport,
  ) {
    for (const name of READ_METHODS) {
      const method = state[name] as (...args: unknown[]) => Promise<unknown>;
      (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
        this.gate.read(() => method.apply(state, args));
    }
  }

  /** An in-memory store of `dataset`, for tests and benchmarks. */
  static fromDataset(dataset: Dataset): EmbeddedGraphStore {
    return new EmbeddedGraphStore(GraphState.fromDataset(dataset), null, {
      journalFile: null,
      replayed: 0,
      datasetChanged: false,
      setAside: [],
      migratedFrom: null,
      leftovers: [],
    });
  }

  /**
   * data/ with the journal's changes replayed on top. When data/ has changed since they were
   * made, each change is checked against the graph's rules again; one that no longer applies is
   * kept aside (never dropped) and named in the report. Nothing in the journal stops a start.
   */
  static async open({
    dataset,
    fingerprint,
    journalFile,
    validate,
  }: EmbeddedStoreOptions): Promise<EmbeddedGraphStore> {
    if (journalFile === null) return EmbeddedGraphStore.fromDataset(dataset);
    acquireLock(journalFile);
    const leftovers = removeLeftovers(journalFile);
    const migratedFrom = migrateWholeGraphFile(journalFile, dataset, fingerprint);
    const contents = readJournal(journalFile);
    const state = GraphState.fromDataset(dataset);
    const kept: JournalEntry[] = [];
    const setAside: { entry: JournalEntry | string; name: string; reason: string }[] = [];
    const datasetChanged = contents !== null && contents.header.dataset !== fingerprint;
    for (const line of contents?.unreadable ?? []) {
      setAside.push({ entry: line, name: 'an unreadable line', reason: 'not a journal entry (damaged file?)' });
    }
    for (const entry of contents?.entries ?? []) {
      state.begin();
      try {
        for (const op of entry.ops) await state.apply(op);
        // Made on this very data/, a change was checked when it was accepted.
        if (datasetChanged) validate(state.toSnapshot().dataset);
        state.commit();
        kept.push(entry);
      } catch (error) {
        state.rollback();
        setAside.push({ entry, name: nameOf(entry), reason: firstLine(error) });
      }
    }
    if (setAside.length > 0) {
      const at = new Date().toISOString();
      appendLinesSync(
        `${journalFile}.set-aside`,
        setAside.map(({ entry, name, reason }) => JSON.stringify({ at, name, reason, entry })),
      );
    }
    if (contents === null || datasetChanged || setAside.length > 0) {
      rewriteJournal(journalFile, { format: JOURNAL_FORMAT, dataset: fingerprint }, kept);
    }
    const report: OpeningReport = {
      journalFile,
      replayed: kept.length,
      datasetChanged,
      setAside: setAside.map(({ name, reason }) => ({ name, reason })),
      migratedFrom,
      leftovers,
    };
    return new EmbeddedGraphStore(state, await JournalWriter.open(journalFile), report);
  }

  transaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const run = () =>
      this.gate.write(async () => {
        this.state.begin();
        try {
          const result = await work(this.state);
          const ops = this.state.pending();
          if (this.journal !== null && ops.length > 0) await this.save({ ops });
          this.state.commit();
          return result;
        } catch (error) {
          this.state.rollback();
          throw error;
        }
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async ping(): Promise<StoreStatus> {
    if (this.journal !== null) {
      // A write that could not be saved (a full disk, a read-only folder) makes the store unready
      // until the folder takes writes again.
      if (this.writeFailure !== null) {
        try {
          await access(dirname(this.journal.path), constants.W_OK);
          await this.journal.append({ ops: [] });
          this.writeFailure = null;
        } catch {
          throw new StoreUnavailableError({ cause: this.writeFailure }, 'the graph store cannot save writes');
        }
      }
    }
    return { store: 'embedded', serverVersion: null };
  }

  async close(): Promise<void> {
    // Let a write in progress finish and reach the disk.
    await this.queue;
    if (this.journal !== null) {
      await this.journal.close();
      releaseLock(this.journal.path);
    }
  }

  /** The whole graph now, for exporting it to data/. */
  snapshot() {
    return this.state.toSnapshot();
  }

  private async save(entry: JournalEntry): Promise<void> {
    try {
      await this.journal?.append(entry);
      this.writeFailure = null;
    } catch (error) {
      this.writeFailure = error as Error;
      throw new StoreUnavailableError({ cause: error });
    }
  }
}

/**
 * Takes over the whole-graph data file of earlier versions (`skill-graph.json` beside the
 * journal, or the journal's own path holding one): its graph becomes one journal entry of the
 * differences from data/, and the file is renamed `<file>.migrated`. A file that fails the rules
 * is renamed `<file>.unusable` instead, and data/ is served.
 */
function migrateWholeGraphFile(journalFile: string, dataset: Dataset, fingerprint: string): string | null {
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

/** A journal entry as a person would name it: the change it records, or what it touched. */
function nameOf(entry: JournalEntry): string {
  const change = entry.ops.find((op) => op[0] === 'recordChange');
  if (change !== undefined && change[0] === 'recordChange') return `${change[1].operation} ${change[1].subject}`;
  const problem = entry.ops.find((op) => op[0] === 'putProblem');
  if (problem !== undefined && problem[0] === 'putProblem') return `problem report ${problem[1].id}`;
  return entry.ops.map((op) => op[0]).join(', ') || 'an empty entry';
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' ');
}
