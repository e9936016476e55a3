import type { GraphStore } from '../domain/ports/graph-store.port';

export type GraphStoreMethod = Exclude<keyof GraphStore, 'close'>;

export interface StoreCall {
  readonly method: GraphStoreMethod;
  readonly durationMs: number;
  readonly failed: boolean;
}

/**
 * Wraps any store so every port call is reported: how the N+1 test counts calls and how
 * metrics time them. Works for every adapter because it only sees the port.
 */
export function instrumentGraphStore(store: GraphStore, onCall: (call: StoreCall) => void): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        let failed = false;
        try {
          return await value.apply(target, args);
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          onCall({ method: property as GraphStoreMethod, durationMs: performance.now() - started, failed });
        }
      };
    },
  });
}
