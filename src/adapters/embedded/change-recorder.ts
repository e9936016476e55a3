import type { JournalOp } from './journal-file';

/**
 * The open change of a GraphState: how to undo each primitive since begin(), and the journal
 * operations that repeat them. So a write edits the graph in place instead of a copy, and a
 * failed one is undone; outside a change nothing is recorded (loading, replaying a journal).
 */
export class ChangeRecorder {
  private undoLog: (() => unknown)[] | null = null;
  private operations: JournalOp[] | null = null;

  /** Starts recording: the primitives from here on are one change, kept or undone as a whole. */
  begin(): void {
    this.undoLog = [];
    this.operations = [];
  }

  /** What a journal needs to repeat the open change. */
  pending(): readonly JournalOp[] {
    return this.operations ?? [];
  }

  /** Ends the change, keeping it. */
  commit(): void {
    this.undoLog = null;
    this.operations = null;
  }

  /** Ends the change, undoing every primitive since begin(), newest first. */
  rollback(): void {
    const undo = this.undoLog ?? [];
    this.undoLog = null;
    this.operations = null;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  }

  /** Inside a change: remembers the undo and the journal operation. */
  record(op: JournalOp, undo: () => unknown): void {
    if (this.undoLog === null) return;
    this.undoLog.push(undo);
    this.operations?.push(op);
  }
}
