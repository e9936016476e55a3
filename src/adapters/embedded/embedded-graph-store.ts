import type { Dataset } from '../../dataset/dataset.types';
import { StoreUnavailableError } from '../../domain/domain-error';
import type { GraphStore, GraphTransaction, StoreStatus } from '../../domain/ports/graph-store.port';
import { GraphState } from './graph-state';
import { readSnapshot, writeSnapshot } from './snapshot-file';

export interface EmbeddedStoreOptions {
  /** Where accepted writes are kept; null keeps them in memory only (tests, benchmarks). */
  readonly dataFile: string | null;
  /** The graph to start from when there is no data file yet: the canonical dataset. */
  readonly initial: () => Dataset;
}

/**
 * The zero-install store. Reads go to the committed graph. A write transaction works on a copy,
 * is saved to the data file, and only then replaces the committed graph in one synchronous step:
 * readers never see half a write, and a failed one (a broken rule, a full disk) leaves no trace.
 * Transactions run one at a time, so a rule checked inside one still holds when it commits.
 */
export class EmbeddedGraphStore extends GraphState implements GraphStore {
  private dataFile: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  static open(options: EmbeddedStoreOptions): EmbeddedGraphStore {
    const saved = options.dataFile === null ? null : readSnapshot(options.dataFile);
    const state = saved === null ? GraphState.fromDataset(options.initial()) : GraphState.fromSnapshot(saved);
    const store = new EmbeddedGraphStore();
    store.adopt(state);
    store.dataFile = options.dataFile;
    return store;
  }

  /** An in-memory store of `dataset`, for tests and benchmarks. */
  static override fromDataset(dataset: Dataset): EmbeddedGraphStore {
    return EmbeddedGraphStore.open({ dataFile: null, initial: () => dataset });
  }

  transaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const run = async () => {
      const draft = GraphState.fromSnapshot(this.toSnapshot());
      const result = await work(draft);
      if (this.dataFile !== null) {
        try {
          await writeSnapshot(this.dataFile, draft.toSnapshot());
        } catch (error) {
          throw new StoreUnavailableError({ cause: error });
        }
      }
      this.adopt(draft);
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async ping(): Promise<StoreStatus> {
    // In process: if this code runs, the store answers.
    return { store: 'embedded', serverVersion: null };
  }

  async close(): Promise<void> {
    // Let a write in progress finish and reach the disk.
    await this.queue;
  }

  protected override adopt(other: GraphState): void {
    const { dataFile, queue } = this;
    super.adopt(other);
    // adopt copies every field of `other`; keep this store's own.
    this.dataFile = dataFile;
    this.queue = queue;
  }
}
