import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadDataset } from '../../src/dataset/load-dataset';
import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import { execute, startTestServer } from '../support/test-server';

// The errors suite itself runs on both stores from store-suites.ts; these faults are injected
// into the embedded store only.

describe('unexpected faults', () => {
  /** The real store with one method broken, to stand for a bug or an outage. */
  function withFault(store: GraphStore, method: keyof GraphStore, message: string): GraphStore {
    return new Proxy(store, {
      get: (target, property, receiver) =>
        property === method ? async () => Promise.reject(new Error(message)) : Reflect.get(target, property, receiver),
    });
  }

  const secret = 'connection to 10.0.0.7 failed: password=hunter2';

  /** Runs `{ areas }` on a server whose store fails with `secret`, in the given environment. */
  async function areasWithFault(nodeEnv: string) {
    const faulty = await startTestServer(
      { NODE_ENV: nodeEnv },
      { store: withFault(EmbeddedGraphStore.fromDataset(loadDataset()), 'listAreas', secret) },
    );
    try {
      return (await execute(faulty.client, '{ areas { slug } }')).errors;
    } finally {
      await faulty.close();
    }
  }

  it('are masked outside development: no message detail, no stack trace', async () => {
    expect(await areasWithFault('production')).toEqual([
      {
        message: 'Internal server error',
        locations: expect.any(Array),
        path: ['areas'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      },
    ]);
  });

  it('are shown with their stack trace in development only', async () => {
    const [error] = await areasWithFault('development');
    expect(error.message).toBe(secret);
    expect(error.extensions?.stacktrace).toEqual(expect.any(Array));
  });
});
