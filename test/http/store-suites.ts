import type { Dataset } from '../../src/dataset/dataset.types';
import type { GraphStore } from '../../src/domain/ports/graph-store.port';
import { defineGraphStoreContract } from '../contract/graph-store.contract';
import type { TestServer } from '../support/test-server';
import { defineBatchingSuite } from './batching-suite';
import { defineEditingSuite } from './editing-suite';
import { defineErrorsSuite } from './errors-suite';
import { type IntegrityTarget, defineIntegritySuite } from './integrity-suite';
import { defineLearningSuite } from './learning-suite';
import { defineQuerySuite } from './query-suite';

// Every suite a store must pass, run by both store runners (test/http/embedded-store.http.test.ts
// and test/neo4j/neo4j-store.neo4j.test.ts) from this one list, so that a new suite cannot be
// forgotten on one side.

/** How a store runner serves each suite. */
export interface StoreUnderTest {
  /** The store's name in the HTTP suites' titles. */
  readonly name: string;
  /** The store's name in the contract suite's title. */
  readonly contractName: string;
  /** A fresh store over `dataset`, for the contract suite. */
  contractStore(dataset: Dataset): Promise<GraphStore>;
  /** A store over the canonical dataset, whose calls the batching suite counts. */
  openStore(): Promise<GraphStore>;
  /** The API over the canonical dataset. */
  start(env?: Record<string, string>): Promise<TestServer>;
  /** The API over a graph of its own, and a restart on what it kept. */
  readonly ownGraph: IntegrityTarget;
  /**
   * Wraps the suites of one kind of data: Neo4j reseeds the canonical dataset before those
   * that read it, and groups them under a title.
   */
  group(data: SuiteData, define: () => void): void;
}

/** What a suite runs on: stores it makes itself, a graph of its own, or the canonical dataset. */
export type SuiteData = 'own stores' | 'own graph' | 'canonical dataset';

interface StoreSuite {
  readonly data: SuiteData;
  define(store: StoreUnderTest): void;
}

const STORE_SUITES: readonly StoreSuite[] = [
  {
    data: 'own stores',
    define: (s) => defineGraphStoreContract(s.contractName, (dataset) => s.contractStore(dataset)),
  },
  { data: 'own graph', define: (s) => defineIntegritySuite(s.name, s.ownGraph) },
  { data: 'canonical dataset', define: (s) => defineQuerySuite(s.name, () => s.start()) },
  { data: 'canonical dataset', define: (s) => defineLearningSuite(s.name, () => s.start()) },
  { data: 'canonical dataset', define: (s) => defineErrorsSuite(s.name, () => s.start()) },
  { data: 'canonical dataset', define: (s) => defineBatchingSuite(s.name, () => s.openStore()) },
  // Last: it adds skills of its own (uniquely named) to the canonical graph.
  { data: 'canonical dataset', define: (s) => defineEditingSuite(s.name, (env) => s.start(env)) },
];

/** Defines every suite of STORE_SUITES on one store, grouped by the data they run on. */
export function defineStoreSuites(store: StoreUnderTest): void {
  const kinds: readonly SuiteData[] = ['own stores', 'own graph', 'canonical dataset'];
  for (const data of kinds) {
    store.group(data, () => {
      for (const suite of STORE_SUITES) if (suite.data === data) suite.define(store);
    });
  }
}
