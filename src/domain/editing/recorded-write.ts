import { UnauthenticatedError } from '../model/domain-error';
import type { Editor } from '../model/editing.types';
import type { Clock } from '../ports/clock.port';
import type { GraphTransaction, StoreLifecycle } from '../ports/graph-store.port';
import type { Touched } from './integrity/write-checks';
import { verifyTouched } from './integrity/write-checks';

/** What an edit does inside its transaction; `touch` names the records it changed, to be checked. */
export type EditWork<T> = (tx: GraphTransaction, touch: (records: Touched) => void) => Promise<T>;

export function requireEditor(editor: Editor | null): Editor {
  if (editor === null) throw new UnauthenticatedError();
  return editor;
}

/**
 * One transaction: the work, the loader's rules on every record the work says it touched, then
 * the record of who changed what and when. `details` is the accepted input, normalised.
 */
export function recordedWrite<T>(
  store: Pick<StoreLifecycle, 'transaction'>,
  clock: Clock,
  change: { readonly editor: Editor; readonly operation: string; readonly subject: string; readonly details: unknown },
  work: EditWork<T>,
): Promise<T> {
  return store.transaction(async (tx) => {
    const touched: Touched[] = [];
    const result = await work(tx, (records) => touched.push(records));
    for (const records of touched) await verifyTouched(tx, records);
    const sequence = await tx.nextSequence();
    await tx.recordChange({
      sequence,
      at: clock.now().toISOString(),
      editor: change.editor.name,
      operation: change.operation,
      subject: change.subject,
      details: JSON.stringify(change.details),
    });
    return result;
  });
}
