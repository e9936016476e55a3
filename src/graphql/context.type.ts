import type { GraphStore } from '../domain/ports/graph-store.port';
import { LearningService } from '../domain/services/learning.service';
import { SkillGraphService } from '../domain/services/skill-graph.service';
import type { Loaders } from './loaders';
import { createLoaders } from './loaders';

export interface Context {
  readonly skillGraph: SkillGraphService;
  readonly learning: LearningService;
  readonly loaders: Loaders;
}

/** Called by Apollo once per request. */
export function createContext(store: GraphStore): Context {
  const skillGraph = new SkillGraphService(store);
  return { skillGraph, learning: new LearningService(store, skillGraph), loaders: createLoaders(store, skillGraph) };
}
