import type { GraphStore } from '../domain/ports/graph-store.port';
import { SkillGraphService } from '../domain/services/skill-graph.service';
import type { Loaders } from './loaders';
import { createLoaders } from './loaders';

export interface Context {
  readonly skillGraph: SkillGraphService;
  readonly loaders: Loaders;
}

/** Called by Apollo once per request. */
export function createContext(store: GraphStore): Context {
  const skillGraph = new SkillGraphService(store);
  return { skillGraph, loaders: createLoaders(store, skillGraph) };
}
