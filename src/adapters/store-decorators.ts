import type { GraphStore, GraphTransaction } from '../domain/ports/graph-store.port';
import { GRAPH_READS, GRAPH_WRITES, STORE_LIFECYCLE } from '../domain/ports/graph-store.port';

// The one way a store is decorated (the embedded store's gate, the call counter, the commit
// hook): a class whose port methods, named by the port's own lists, each hand their arguments
// and the instance's context to a function made once per method.

type Method = (...args: unknown[]) => unknown;

const CONTEXT = Symbol('context');

/**
 * A class implementing the methods `names` of `T`: each calls `methodFor(name)` with the
 * instance's context and its arguments. Built once per decoration; an instance is one small
 * object, so a view made per request costs no closure per method call.
 */
export function delegatingClass<T, K extends keyof T & string, C>(
  names: readonly K[],
  methodFor: (name: K) => (context: C, args: unknown[]) => unknown,
): new (context: C) => Pick<T, K> {
  class Delegating {
    readonly [CONTEXT]: C;
    constructor(context: C) {
      this[CONTEXT] = context;
    }
  }
  for (const name of names) {
    const method = methodFor(name);
    Object.defineProperty(Delegating.prototype, name, {
      value: function (this: Delegating, ...args: unknown[]) {
        return method(this[CONTEXT], args);
      },
      writable: true,
      configurable: true,
    });
  }
  return Delegating as unknown as new (context: C) => Pick<T, K>;
}

/** Calls `object[name]` with `args`, `this` being the object (its own private fields stay reachable). */
export function forward<T>(object: T, name: keyof T, args: unknown[]): unknown {
  return (object[name] as Method).apply(object, args);
}

export type GraphStoreMethod = Exclude<keyof GraphStore, 'close'>;

interface StoreCall {
  readonly method: GraphStoreMethod;
  readonly failed: boolean;
}

const COUNTED = [...GRAPH_READS, 'transaction', 'ping'] as const satisfies readonly GraphStoreMethod[];

/**
 * Counts every port call of a store: how the N+1 tests count calls, how each request's log
 * line says how many it made, and how metrics count them. Works for every adapter because it
 * only sees the port.
 *
 * Made once per store: the result makes a counting view for one `state` (a request's stats)
 * at the cost of one small object, where a Proxy per request cost a closure per method call.
 */
export function storeCallCounter<S>(
  store: GraphStore,
  onCall: (state: S, method: GraphStoreMethod, failed: boolean) => void,
): (state: S) => GraphStore {
  const View = delegatingClass<GraphStore, keyof GraphStore, S>([...COUNTED, 'close'], (method) => {
    if (method === 'close') return () => store.close();
    const call = (store[method] as Method).bind(store);
    return (state, args) => {
      let result: unknown;
      try {
        result = call(...args);
      } catch (error) {
        onCall(state, method, true);
        throw error;
      }
      if (!(result instanceof Promise)) {
        onCall(state, method, false);
        return result;
      }
      return result.then(
        (value) => {
          onCall(state, method, false);
          return value;
        },
        (error: unknown) => {
          onCall(state, method, true);
          throw error;
        },
      );
    };
  });
  return (state) => new View(state);
}

/** A store that reports each call to `onCall` (tests count calls with it). */
export function instrumentGraphStore(store: GraphStore, onCall: (call: StoreCall) => void): GraphStore {
  return storeCallCounter<null>(store, (_state, method, failed) => onCall({ method, failed }))(null);
}

interface Recording {
  readonly tx: GraphTransaction;
  readonly called: Set<string>;
}

const RecordingTransaction = delegatingClass<GraphTransaction, keyof GraphTransaction, Recording>(
  [...GRAPH_READS, ...GRAPH_WRITES],
  (name) =>
    ({ tx, called }, args) => {
      called.add(name);
      return forward(tx, name, args);
    },
);

/** The store, calling `onCommit` with the methods a transaction called, after it committed. */
export function afterCommit(store: GraphStore, onCommit: (called: ReadonlySet<string>) => void): GraphStore {
  const View = delegatingClass<GraphStore, keyof GraphStore, GraphStore>(
    [...GRAPH_READS, ...STORE_LIFECYCLE],
    (name) => {
      if (name !== 'transaction') return (target, args) => forward(target, name, args);
      return async (target, [work]) => {
        const called = new Set<string>();
        const run = work as Parameters<GraphStore['transaction']>[0];
        const result = await target.transaction((tx) => run(new RecordingTransaction({ tx, called })));
        onCommit(called);
        return result;
      };
    },
  );
  return new View(store);
}
