import { ConflictError, NotFoundError, RateLimitedError } from '../model/domain-error';
import type { Editor, Problem, ProblemStatus } from '../model/editing.types';
import type { Connection } from '../model/pagination';
import { sequenceKey, toConnection, toSequencePageRequest } from '../model/pagination';
import type { Clock } from '../ports/clock.port';
import type { CatalogueReader, StoreLifecycle } from '../ports/graph-store.port';
import type { RateLimiter } from '../ports/rate-limiter.port';
import { requireSkill } from '../reading/require-records';
import { slug as slugRule, text } from './integrity/field-rules';
import { LIMITS, requireValue } from './integrity/record-rules';
import { recordedWrite, requireEditor } from './recorded-write';

/** What problem reports ask of a store. */
type ProblemReportStore = Pick<CatalogueReader, 'listProblems'> & Pick<StoreLifecycle, 'transaction'>;

/**
 * Reports that something about a skill is wrong or missing: anyone may send one (limited per
 * client), editors list and resolve them. A report is not an edit of the graph, so it is not a
 * Change; resolving one is, and is recorded like every edit.
 */
export class ProblemReportService {
  constructor(
    private readonly store: ProblemReportStore,
    private readonly clock: Clock,
    private readonly reportLimiter: RateLimiter,
  ) {}

  async reportProblem(client: string, skill: string, message: string): Promise<Problem> {
    requireValue('skill', skill, slugRule);
    const cleaned = requireValue('message', message, text(LIMITS.problemMessageMin, LIMITS.problemMessageMax));
    const wait = await this.reportLimiter.consume(client);
    if (wait > 0) throw new RateLimitedError(wait);
    return this.store.transaction(async (tx) => {
      await requireSkill(tx, skill);
      const sequence = await tx.nextSequence();
      const problem: Problem = {
        id: String(sequence),
        sequence,
        skill,
        message: cleaned,
        status: 'OPEN',
        reportedAt: this.clock.now().toISOString(),
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      };
      await tx.putProblem(problem);
      return problem;
    });
  }

  resolveProblem(editor: Editor | null, id: string, resolution: string): Promise<Problem> {
    const who = requireEditor(editor);
    const cleaned = requireValue('resolution', resolution, text(1, LIMITS.resolution));
    const change = { editor: who, operation: 'resolveProblem', subject: id, details: { resolution: cleaned } };
    return recordedWrite(this.store, this.clock, change, async (tx) => {
      const [problem] = await tx.findProblemsByIds([id]);
      if (problem === null) throw new NotFoundError('Problem', id);
      if (problem.status === 'RESOLVED') throw new ConflictError('Problem', id, `Problem ${id} is already resolved`);
      const resolved: Problem = {
        ...problem,
        status: 'RESOLVED',
        resolvedAt: this.clock.now().toISOString(),
        resolvedBy: who.name,
        resolution: cleaned,
      };
      await tx.putProblem(resolved);
      return resolved;
    });
  }

  async listProblems(
    editor: Editor | null,
    status: ProblemStatus | null | undefined,
    page: { first: number; after?: string | null },
  ): Promise<Connection<Problem>> {
    requireEditor(editor);
    const request = toSequencePageRequest('problem', page);
    const problems = await this.store.listProblems({ status: status ?? undefined }, request);
    return toConnection('problem', problems, sequenceKey);
  }
}
