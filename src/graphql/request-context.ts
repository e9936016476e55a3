import type { FastifyBaseLogger } from 'fastify';

import type { Editor } from '../domain/model/editing.types';
import type { Clock } from '../domain/ports/clock.port';
import type { GraphStore } from '../domain/ports/graph-store.port';
import type { RateLimiter } from '../domain/ports/rate-limiter.port';
import { EditingService } from '../domain/editing/editing.service';
import { ProblemReportService } from '../domain/editing/problem-report.service';
import { LearningService } from '../domain/learning/learning.service';
import { SkillGraphService } from '../domain/reading/skill-graph.service';
import type { RequestStats } from '../observability/request-stats';
import type { ResultLimits } from './execution/result-budget';
import { ResultBudget } from './execution/result-budget';
import { Loaders } from './loaders';

/** The services and loaders of one request, each made on first use. */
interface Services {
  readonly skillGraph: SkillGraphService;
  readonly learning: LearningService;
  readonly editing: EditingService;
  readonly problems: ProblemReportService;
  readonly loaders: Loaders;
}

export interface Context extends Services, RequestFacts {
  /** What the query's lists have returned so far, against the request's budget. */
  readonly budget: ResultBudget;
}

export interface ContextDependencies {
  readonly store: GraphStore;
  readonly clock: Clock;
  readonly reportLimiter: RateLimiter;
  readonly resultLimits: ResultLimits;
}

export interface RequestFacts {
  /** The authenticated editor, or null for an anonymous caller. */
  readonly editor: Editor | null;
  /** Who is calling, for per-client limits: the client's address. */
  readonly client: string;
  readonly requestId: string;
  readonly log: FastifyBaseLogger;
  readonly stats: RequestStats;
}

/**
 * One request's context. Services and loaders are made when a resolver first asks for them:
 * most requests use one service and a few loaders, and building all of them per request cost
 * more than some whole queries.
 */
export class RequestContext implements Context {
  private made: { -readonly [K in keyof Services]?: Services[K] } = {};
  readonly editor: Editor | null;
  readonly client: string;
  readonly requestId: string;
  readonly log: FastifyBaseLogger;
  readonly stats: RequestStats;
  readonly budget: ResultBudget;

  constructor(
    private readonly dependencies: ContextDependencies,
    facts: RequestFacts,
  ) {
    this.budget = new ResultBudget(dependencies.resultLimits);
    this.editor = facts.editor;
    this.client = facts.client;
    this.requestId = facts.requestId;
    this.log = facts.log;
    this.stats = facts.stats;
  }

  get skillGraph(): SkillGraphService {
    return (this.made.skillGraph ??= new SkillGraphService(this.dependencies.store));
  }
  get learning(): LearningService {
    return (this.made.learning ??= new LearningService(this.dependencies.store, this.skillGraph));
  }
  get editing(): EditingService {
    const { store, clock } = this.dependencies;
    return (this.made.editing ??= new EditingService(store, clock));
  }
  get problems(): ProblemReportService {
    const { store, clock, reportLimiter } = this.dependencies;
    return (this.made.problems ??= new ProblemReportService(store, clock, reportLimiter));
  }
  get loaders(): Loaders {
    return (this.made.loaders ??= new Loaders(this.dependencies.store, () => this.skillGraph));
  }

  /** The same request with nothing cached and another store (for a second, reference run). */
  fork(store: GraphStore): RequestContext {
    return new RequestContext({ ...this.dependencies, store }, this);
  }
}

/** Called by Apollo once per request. */
export function createContext(dependencies: ContextDependencies, facts: RequestFacts): Context {
  return new RequestContext(dependencies, facts);
}
