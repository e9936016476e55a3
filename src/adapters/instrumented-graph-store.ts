import type { GraphStore } from '../domain/ports/graph-store.port';

export type GraphStoreMethod = Exclude<keyof GraphStore, 'close'>;

export interface StoreCall {
  readonly method: GraphStoreMethod;
  readonly failed: boolean;
}

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
  const prototype: Record<string, unknown> = { close: () => store.close() };
  for (const name of portMethods(store)) {
    const method = name as GraphStoreMethod;
    const call = (store[method] as (...args: unknown[]) => unknown).bind(store);
    prototype[name] = function (this: { readonly state: S }, ...args: unknown[]): unknown {
      const state = this.state;
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
  }
  return (state) => Object.assign(Object.create(prototype) as object, { state }) as unknown as GraphStore;
}

/** A store that reports each call to `onCall` (tests count calls with it). */
export function instrumentGraphStore(store: GraphStore, onCall: (call: StoreCall) => void): GraphStore {
  return storeCallCounter<null>(store, (_state, method, failed) => onCall({ method, failed }))(null);
}

/** The functions a store offers, its own and its classes', except construction and close. */
function portMethods(store: GraphStore): string[] {
  const names = new Set<string>();
  for (
    let object: object | null = store;
    object !== null && object !== Object.prototype;
    object = Object.getPrototypeOf(object)
  ) {
    for (const name of Object.getOwnPropertyNames(object)) {
      if (
        name !== 'constructor' &&
        name !== 'close' &&
        typeof (store as unknown as Record<string, unknown>)[name] === 'function'
      ) {
        names.add(name);
      }
    }
  }
  return [...names];
}
