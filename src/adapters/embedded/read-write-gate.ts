/**
 * Keeps readers out of a change in progress. Any number of reads run together; a write waits
 * until the reads already running finish, and reads that arrive meanwhile wait for the write.
 * Writers come one at a time (the store queues them), so a write waits for at most one batch of
 * reads, and reads for at most one write.
 */
export class ReadWriteGate {
  private readers = 0;
  private writing: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async read<T>(work: () => Promise<T>): Promise<T> {
    while (this.writing !== null) await this.writing;
    this.readers += 1;
    try {
      return await work();
    } finally {
      this.readers -= 1;
      if (this.readers === 0) this.drained?.();
    }
  }

  async write<T>(work: () => Promise<T>): Promise<T> {
    let done = () => undefined as void;
    this.writing = new Promise<void>((resolve) => (done = resolve));
    try {
      if (this.readers > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.writing = null;
      done();
    }
  }
}
