import type { FastifyBaseLogger } from 'fastify';

import type { Editor } from '../domain/editing.types';
import type { GraphStore } from '../domain/ports/graph-store.port';
import type { Clock, RateLimiter } from '../domain/services/editing.service';
import { EditingService } from '../domain/services/editing.service';
import { LearningService } from '../domain/services/learning.service';
import { SkillGraphService } from '../domain/services/skill-graph.service';
import type { RequestStats } from '../observability/request-stats';
import type { Loaders } from './loaders';
import { createLoaders } from './loaders';

export interface Context {
  readonly skillGraph: SkillGraphService;
  readonly learning: LearningService;
  readonly editing: EditingService;
  readonly loaders: Loaders;
  /** The authenticated editor, or null for an anonymous caller. */
  readonly editor: Editor | null;
  /** Who is calling, for per-client limits: the client's address. */
  readonly client: string;
  readonly requestId: string;
  readonly log: FastifyBaseLogger;
  readonly stats: RequestStats;
}

export interface ContextDependencies {
  readonly store: GraphStore;
  readonly clock: Clock;
  readonly reportLimiter: RateLimiter;
}

/** Called by Apollo once per request. */
export function createContext(
  { store, clock, reportLimiter }: ContextDependencies,
  request: {
    readonly editor: Editor | null;
    readonly client: string;
    readonly requestId: string;
    readonly log: FastifyBaseLogger;
    readonly stats: RequestStats;
  },
): Context {
  const skillGraph = new SkillGraphService(store);
  return {
    skillGraph,
    learning: new LearningService(store, skillGraph),
    editing: new EditingService(store, clock, reportLimiter),
    loaders: createLoaders(store, skillGraph),
    ...request,
  };
}
