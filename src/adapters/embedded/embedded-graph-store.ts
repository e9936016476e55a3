import type { Dataset } from '../../dataset/dataset.types';
import { StoreUnavailableError } from '../../domain/model/domain-error';
import type { GraphReader, GraphStore, GraphTransaction, StoreStatus } from '../../domain/ports/graph-store.port';
import { GRAPH_READS } from '../../domain/ports/graph-store.port';
import { delegatingClass, forward } from '../store-decorators';
import { GraphState } from './graph-state';
import type { JournalContents, JournalEntry, JournalHeader } from './journal-file';
import {
  JOURNAL_FORMAT,
  JournalWriter,
  appendLinesSync,
  cutTornTail,
  diskFailure,
  readJournal,
  removeLeftovers,
  rewriteJournal,
  whyNotWritable,
} from './journal-file';
import { JournalLock } from './journal-lock';
import { ReadWriteGate } from './read-write-gate';
import { migrateWholeGraphFile } from './legacy/whole-graph-migration';

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
   * The graph's integrity rules (the dataset loader's): throws when a graph breaks one. The
   * replayed graph is checked with it once; when it fails (or data/ changed since the changes
   * were made) each change is checked with it in turn.
   */
  readonly validate: (dataset: Dataset) => void;
  /** Readiness needs this much free space beside the journal (a large write's worth). */
  readonly minFreeBytes?: number;
}

/** A large entry's worth: the request body limit and the change record that repeats it, with room. */
const DEFAULT_MIN_FREE_BYTES = 1024 * 1024;

/** A journaled change that no longer applies, kept aside in `<journal>.set-aside`. */
interface SetAsideChange {
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
  /** Bytes of a last line a crash cut short (never acknowledged), cut off and kept aside; 0 when none. */
  readonly tornTail: number;
  /** Why the journal could not be opened for writing: reads are served, writes refused until it can. */
  readonly readOnly: string | null;
}

/** What must reach the disk before the journal takes appends; each step is done once. */
interface DiskWork {
  setAsideLines: string[] | null;
  rewrite: { header: JournalHeader; entries: readonly JournalEntry[] } | null;
  cutTailAt: number | null;
}

interface Gated {
  readonly gate: ReadWriteGate;
  readonly state: GraphState;
}

/** The port's reads, each run on the graph through the gate: readers wait while a write is open. */
const GatedReads = delegatingClass<GraphReader, (typeof GRAPH_READS)[number], Gated>(
  GRAPH_READS,
  (name) =>
    ({ gate, state }, args) =>
      gate.read(() => forward(state, name, args) as Promise<unknown>),
);

/**
 * The zero-install store: the graph in process memory, accepted changes in an append-only
 * journal next to data/. A write edits the graph in place, undoing itself if it fails; its
 * journal line is on disk before the write is acknowledged; readers wait while it is open, so
 * they never see half of one. Writes run one at a time, so a rule checked inside one still
 * holds when it commits.
 */
export class EmbeddedGraphStore extends GatedReads implements GraphStore {
  private readonly gate: ReadWriteGate;
  private queue: Promise<unknown> = Promise.resolve();
  /** Why the last write could not be saved, until the disk takes writes again. */
  private writeFailure: Error | null = null;
  /** The open journal; null in memory (no journal file) and while the journal cannot be written. */
  private journal: JournalWriter | null = null;
  /** Why the journal could not be opened for writing, while it cannot. */
  private readOnly: Error | null = null;
  /** What the last attempt to open it for writing found, for readiness. */
  private readOnlyReason = '';
  private upgrading: Promise<void> | null = null;

  private constructor(
    private readonly state: GraphState,
    private report: OpeningReport,
    private readonly journalFile: string | null = null,
    private readonly lock: JournalLock | null = null,
    private readonly diskWork: DiskWork | null = null,
    private readonly minFreeBytes: number = DEFAULT_MIN_FREE_BYTES,
  ) {
    const gate = new ReadWriteGate();
    super({ gate, state });
    this.gate = gate;
  }

  /** What opening the store found and did. */
  get opening(): OpeningReport {
    return this.report;
  }

  /** An in-memory store of `dataset`, for tests and benchmarks. */
  static fromDataset(dataset: Dataset): EmbeddedGraphStore {
    return new EmbeddedGraphStore(GraphState.fromDataset(dataset), {
      journalFile: null,
      replayed: 0,
      datasetChanged: false,
      setAside: [],
      migratedFrom: null,
      leftovers: [],
      tornTail: 0,
      readOnly: null,
    });
  }

  /**
   * data/ with the journal's changes replayed on top, and the graph's rules checked on the result.
   * A change that breaks one (data/ changed since it was made, or a second writer) is kept aside
   * (never dropped) and named in the report. Nothing in the journal stops a start: a journal
   * that can be read but not written opens read-only, and takes writes once its disk does.
   */
  static async open({
    dataset,
    fingerprint,
    journalFile,
    validate,
    minFreeBytes = DEFAULT_MIN_FREE_BYTES,
  }: EmbeddedStoreOptions): Promise<EmbeddedGraphStore> {
    if (journalFile === null) return EmbeddedGraphStore.fromDataset(dataset);
    const lock = await JournalLock.acquire(journalFile);
    try {
      let leftovers: string[] = [];
      try {
        leftovers = removeLeftovers(journalFile);
      } catch {
        // A read-only folder keeps them; they are harmless, and removed at a later start.
      }
      const migratedFrom = migrateWholeGraphFile(journalFile, dataset, fingerprint);
      const contents = readJournal(journalFile);
      const datasetChanged = contents !== null && contents.header.dataset !== fingerprint;
      const { state, kept, setAside } = await replay(dataset, contents, datasetChanged, validate);
      const at = new Date().toISOString();
      const asideLines = setAside.map(({ entry, name, reason }) => JSON.stringify({ at, name, reason, entry }));
      if (contents?.tail) {
        asideLines.push(
          JSON.stringify({
            at,
            name: 'a torn last line',
            reason: 'cut short by a crash before it was acknowledged',
            entry: contents.tail.text,
          }),
        );
      }
      const rewrite = contents === null || datasetChanged || setAside.length > 0;
      const work: DiskWork = {
        setAsideLines: asideLines.length > 0 ? asideLines : null,
        rewrite: rewrite ? { header: { format: JOURNAL_FORMAT, dataset: fingerprint }, entries: kept } : null,
        cutTailAt: !rewrite && contents?.tail ? contents.tail.offset : null,
      };
      const store = new EmbeddedGraphStore(
        state,
        {
          journalFile,
          replayed: kept.length,
          datasetChanged,
          setAside: setAside.map(({ name, reason }) => ({ name, reason })),
          migratedFrom,
          leftovers,
          tornTail: contents?.tail ? Buffer.byteLength(contents.tail.text) : 0,
          readOnly: null,
        },
        journalFile,
        lock,
        work,
        minFreeBytes,
      );
      await store.openForWrites();
      if (store.readOnly !== null) store.report = { ...store.report, readOnly: store.readOnlyReason };
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  transaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const run = () =>
      this.gate.write(async () => {
        if (this.journalFile !== null && this.journal === null) {
          await this.tryToUpgrade();
          if (this.readOnly !== null) throw new StoreUnavailableError({ cause: this.readOnly }, this.readOnlyReason);
        }
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

  /**
   * Ready when a write would be saved now: the journal is open for writing and its disk has room
   * for a large entry. After a failed write, also a probe file beside the journal must be written
   * and synced. Nothing is ever appended to the journal to find out.
   */
  async ping(): Promise<StoreStatus> {
    if (this.journalFile !== null) {
      if (this.journal === null) await this.tryToUpgrade();
      if (this.readOnly !== null) throw new StoreUnavailableError({ cause: this.readOnly }, this.readOnlyReason);
      const problem = await whyNotWritable(this.journalFile, this.minFreeBytes, this.writeFailure !== null);
      if (problem !== null) throw new StoreUnavailableError({ cause: this.writeFailure ?? undefined }, problem);
      this.writeFailure = null;
    }
    return { store: 'embedded', serverVersion: null };
  }

  async close(): Promise<void> {
    // Let a write in progress finish and reach the disk.
    await this.queue;
    await this.upgrading;
    await this.journal?.close();
    await this.lock?.release();
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
      throw new StoreUnavailableError({ cause: error }, diskFailure(error));
    }
  }

  /** Does what must reach the disk before appends (once each), then opens the journal for them. */
  private async openForWrites(): Promise<void> {
    const work = this.diskWork as DiskWork;
    const journalFile = this.journalFile as string;
    try {
      if (work.setAsideLines !== null) {
        appendLinesSync(`${journalFile}.set-aside`, work.setAsideLines);
        work.setAsideLines = null;
      }
      if (work.rewrite !== null) {
        rewriteJournal(journalFile, work.rewrite.header, work.rewrite.entries);
        work.rewrite = null;
      }
      if (work.cutTailAt !== null) {
        cutTornTail(journalFile, work.cutTailAt);
        work.cutTailAt = null;
      }
      this.journal = await JournalWriter.open(journalFile);
      this.readOnly = null;
      this.writeFailure = null;
    } catch (error) {
      this.readOnly = error as Error;
      this.readOnlyReason = diskFailure(error);
    }
  }

  /** Read-only: opens for writes once the disk takes them (asked by a write or a readiness probe). */
  private tryToUpgrade(): Promise<void> {
    this.upgrading ??= (async () => {
      try {
        const problem = await whyNotWritable(this.journalFile as string, this.minFreeBytes, true);
        if (problem === null) await this.openForWrites();
        else this.readOnlyReason = problem;
      } finally {
        this.upgrading = null;
      }
    })();
    return this.upgrading;
  }
}

/** The graph of data/ with the journal's entries on top, and the entries that broke a rule set aside. */
async function replay(
  dataset: Dataset,
  contents: JournalContents | null,
  datasetChanged: boolean,
  validate: (dataset: Dataset) => void,
) {
  const attempt = async (checkEach: boolean) => {
    const state = GraphState.fromDataset(dataset);
    const kept: JournalEntry[] = [];
    const setAside: { entry: JournalEntry | string; name: string; reason: string }[] = [];
    for (const line of contents?.unreadable ?? []) {
      setAside.push({ entry: line, name: 'an unreadable line', reason: 'not a journal entry (damaged file?)' });
    }
    for (const entry of contents?.entries ?? []) {
      state.begin();
      try {
        for (const op of entry.ops) await state.apply(op);
        if (checkEach) validate(state.toSnapshot().dataset);
        state.commit();
        kept.push(entry);
      } catch (error) {
        state.rollback();
        setAside.push({ entry, name: nameOf(entry), reason: firstLine(error) });
      }
    }
    return { state, kept, setAside };
  };
  // Each change was checked when it was accepted, so one check of the whole result is enough,
  // unless data/ changed since or the check fails (two writers, a hand-edited line): then every
  // change is checked in turn, and the first to break a rule is set aside, in order.
  if (datasetChanged) return attempt(true);
  const fast = await attempt(false);
  if (fast.kept.length === 0) return fast;
  try {
    validate(fast.state.toSnapshot().dataset);
    return fast;
  } catch {
    return attempt(true);
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
