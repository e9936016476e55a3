import { InvalidArgumentError, NotFoundError } from '../model/domain-error';
import {
  DEFAULT_CHAIN_DEPTH,
  MAX_CHAIN_DEPTH,
  MAX_HOURS_PER_WEEK,
  MAX_KNOWN,
  MAX_RESOURCE_HOURS,
  MAX_RESULTS,
  MAX_TARGETS,
} from '../model/limits';
import type { ChainEdge } from '../model/prerequisite-chain.types';
import type {
  EdgeScope,
  PrerequisiteEdge,
  RankedSkill,
  Responsibility,
  SeniorityLevel,
  Skill,
} from '../model/skill-graph.types';
import { inScope, scopeOf } from '../model/skill-graph.types';
import { compareBySlug, compareSlugs, slugOf } from '../model/slug';
import { requireIntegerIn, requireSlugList } from '../model/validation';
import { depthsFrom, shortestPrerequisitePath } from '../graph/prerequisite-graph';
import type { EntityReader, RelationReader, TraversalReader } from '../ports/graph-store.port';
import { indexBySlug, requireSkills } from '../reading/require-records';
import type { SkillGraphService } from '../reading/skill-graph.service';
import type { LearningPath, ResourceFilter } from './learning-plan';
import { buildLearningPath, planOrder } from './learning-plan';

export interface LearningPathRequest {
  readonly targets: readonly string[];
  readonly known?: readonly string[] | null;
  readonly hoursPerWeek?: number | null;
  readonly resourceFilter?: ResourceFilter | null;
  /** Plan the helpful prerequisites too, not only the essential ones. */
  readonly includeHelpful?: boolean | null;
}

export interface UnlockedSkill extends RankedSkill {
  /** Fewest REQUIRES hops from the skill asked about. */
  readonly distance: number;
}

interface ResponsibilityGap {
  readonly responsibility: Responsibility;
  readonly missingSkills: readonly Skill[];
  /** Nothing is missing for it. */
  readonly covered: boolean;
}

export interface GapAnalysis {
  readonly level: SeniorityLevel;
  readonly responsibilities: readonly ResponsibilityGap[];
  readonly missingSkills: readonly Skill[];
  readonly learningPath: LearningPath;
}

export interface PrerequisitePath {
  readonly skill: Skill;
  readonly requires: Skill;
  readonly length: number;
  /** The REQUIRES edges from `skill` down to `requires`, in order. */
  readonly edges: readonly ChainEdge[];
}

/** What the learning use cases ask of a store. */
type LearningReads = Pick<EntityReader, 'findSkillsBySlugs' | 'findLevelsBySlugs'> &
  Pick<
    RelationReader,
    'dependentsOfSkills' | 'prerequisitesOfSkills' | 'resourcesOfSkills' | 'skillsOfResponsibilities'
  > &
  TraversalReader;

/**
 * The questions learners ask: what to learn and in which order, what they can learn now, what
 * a skill unlocks, what they lack for a level, and why one skill needs another. All of it is
 * computed here from a few batch store calls, so every store gives the same answers.
 */
export class LearningService {
  constructor(
    private readonly store: LearningReads,
    private readonly skillGraph: SkillGraphService,
  ) {}

  async learningPath(request: LearningPathRequest): Promise<LearningPath> {
    const targets = requireSlugList('targets', request.targets, 1, MAX_TARGETS);
    const known = requireSlugList('known', request.known ?? [], 0, MAX_KNOWN);
    const hoursPerWeek =
      request.hoursPerWeek == null
        ? null
        : requireIntegerIn('hoursPerWeek', request.hoursPerWeek, 1, MAX_HOURS_PER_WEEK);
    const filter = validFilter(request.resourceFilter ?? {});
    const found = await this.existingSkills([...targets, ...known]);
    const knownClosure = await this.knownClosure(known);
    return this.plan(targets, knownClosure, found, hoursPerWeek, filter, scopeOf(request.includeHelpful));
  }

  /**
   * What a learner can start now: foundations, and skills whose prerequisites (within the scope)
   * are all known; most unlocking first.
   */
  async readyToLearn(knownSlugs: readonly string[], first: number, includeHelpful = false): Promise<RankedSkill[]> {
    const scope = scopeOf(includeHelpful);
    const known = requireSlugList('known', knownSlugs, 0, MAX_KNOWN);
    requireIntegerIn('first', first, 1, MAX_RESULTS);
    await this.existingSkills(known);
    const knownClosure = await this.knownClosure(known);

    // Known skills can hide at most |knownClosure| foundations, so this many always suffice.
    const foundations = (await this.store.rankedFoundations(first + knownClosure.size, scope)).filter(
      ({ skill }) => !knownClosure.has(skill.slug),
    );
    // Skills next to what is known become ready once every one of their prerequisites is known.
    const next = new Map<string, Skill>();
    const dependents = knownClosure.size === 0 ? [] : await this.store.dependentsOfSkills([...knownClosure]);
    for (const links of dependents) {
      for (const { skill } of links) if (!knownClosure.has(skill.slug)) next.set(skill.slug, skill);
    }
    const nextSlugs = [...next.keys()];
    const ready: Skill[] = [];
    const prerequisiteLists = nextSlugs.length === 0 ? [] : await this.store.prerequisitesOfSkills(nextSlugs);
    prerequisiteLists.forEach((prerequisites, i) => {
      const blocking = prerequisites.filter(({ strength }) => inScope(strength, scope));
      // A skill next to what is known only through edges outside the scope is not "next" here.
      if (blocking.length > 0 && blocking.every(({ skill }) => knownClosure.has(skill.slug))) {
        ready.push(next.get(nextSlugs[i]) as Skill);
      }
    });
    return [...foundations, ...(await this.ranked(ready, scope))].sort(byImpact).slice(0, first);
  }

  async unlocks(
    typedSkillSlug: string,
    maxDepth: number = DEFAULT_CHAIN_DEPTH,
    includeHelpful = false,
  ): Promise<UnlockedSkill[]> {
    const skillSlug = slugOf(typedSkillSlug);
    requireIntegerIn('maxDepth', maxDepth, 1, MAX_CHAIN_DEPTH);
    const scope = scopeOf(includeHelpful);
    await this.existingSkills([skillSlug]);
    const { edges } = await this.store.dependentClosure([skillSlug], maxDepth, scope);
    const distances = depthsFrom([skillSlug], edges, 'dependents');
    distances.delete(skillSlug);
    const slugs = [...distances.keys()];
    const skills = await this.store.findSkillsBySlugs(slugs);
    const ranked = await this.ranked(
      skills.filter((s): s is Skill => s !== null),
      scope,
    );
    return ranked
      .map((r) => ({ ...r, distance: distances.get(r.skill.slug) as number }))
      .sort(
        (a, b) => b.unlockCount - a.unlockCount || a.distance - b.distance || compareSlugs(a.skill.slug, b.skill.slug),
      );
  }

  async gapAnalysis(
    typedLevelSlug: string,
    knownSlugs: readonly string[],
    includeHelpful = false,
  ): Promise<GapAnalysis> {
    const levelSlug = slugOf(typedLevelSlug);
    const known = requireSlugList('known', knownSlugs, 0, MAX_KNOWN);
    const [level] = await this.store.findLevelsBySlugs([levelSlug]);
    if (!level) throw new NotFoundError('SeniorityLevel', levelSlug);
    const found = await this.existingSkills(known);
    const knownClosure = await this.knownClosure(known);

    const responsibilities = await this.skillGraph.listResponsibilities({ level: levelSlug, includeLowerLevels: true });
    const needed = await this.store.skillsOfResponsibilities(responsibilities.map((r) => r.slug));
    const gaps = responsibilities.map((responsibility, i) => {
      const missingSkills = needed[i].filter((skill) => !knownClosure.has(skill.slug));
      return { responsibility, missingSkills, covered: missingSkills.length === 0 };
    });
    const missing = new Map<string, Skill>();
    for (const gap of gaps) for (const skill of gap.missingSkills) missing.set(skill.slug, skill);
    for (const [slug, skill] of missing) found.set(slug, skill);
    const missingSkills = [...missing.values()].sort(compareBySlug);
    const learningPath = await this.plan(
      missingSkills.map((s) => s.slug),
      knownClosure,
      found,
      null,
      {},
      scopeOf(includeHelpful),
    );
    return { level, responsibilities: gaps, missingSkills, learningPath };
  }

  async explainPrerequisite(
    typedSkillSlug: string,
    typedRequiresSlug: string,
    includeHelpful = false,
  ): Promise<PrerequisitePath | null> {
    const skillSlug = slugOf(typedSkillSlug);
    const requiresSlug = slugOf(typedRequiresSlug);
    if (skillSlug === requiresSlug) {
      throw new InvalidArgumentError('requires', 'a different skill from `skill`', requiresSlug);
    }
    await this.existingSkills([skillSlug, requiresSlug]);
    const { edges } = await this.store.prerequisiteClosure([skillSlug], MAX_CHAIN_DEPTH, scopeOf(includeHelpful));
    const path = shortestPrerequisitePath(skillSlug, requiresSlug, edges);
    if (path === null) return null;
    const skills = indexBySlug(await this.store.findSkillsBySlugs(path));
    const byPair = new Map(edges.map((e) => [`${e.skill}\u0000${e.requires}`, e]));
    const pathEdges = path.slice(1).map((to, i) => {
      const edge = byPair.get(`${path[i]}\u0000${to}`) as PrerequisiteEdge;
      return {
        from: skills.get(path[i]) as Skill,
        to: skills.get(to) as Skill,
        reason: edge.reason,
        strength: edge.strength,
      };
    });
    return {
      skill: skills.get(skillSlug) as Skill,
      requires: skills.get(requiresSlug) as Skill,
      length: pathEdges.length,
      edges: pathEdges,
    };
  }

  /** The learning path to `targets` for someone who knows `knownClosure`; `skills` holds any already loaded. */
  private async plan(
    targets: readonly string[],
    knownClosure: ReadonlySet<string>,
    skills: Map<string, Skill>,
    hoursPerWeek: number | null,
    filter: ResourceFilter,
    scope: EdgeScope,
  ): Promise<LearningPath> {
    const { edges } = await this.store.prerequisiteClosure(targets, MAX_CHAIN_DEPTH, scope);
    const plan = planOrder(targets, knownClosure, edges);
    const unloaded = plan.order.filter((slug) => !skills.has(slug));
    (await this.store.findSkillsBySlugs(unloaded)).forEach((skill) => skill && skills.set(skill.slug, skill));
    const resources = plan.order.length === 0 ? [] : await this.store.resourcesOfSkills(plan.order);
    return buildLearningPath({ targets, plan, skills, resources, hoursPerWeek, filter });
  }

  /** The skills of `slugs`, by slug; NOT_FOUND naming every slug that does not exist. */
  private async existingSkills(slugs: readonly string[]): Promise<Map<string, Skill>> {
    return indexBySlug(await requireSkills(this.store, slugs));
  }

  /**
   * Known skills and everything they essentially require: knowing a skill implies knowing what it
   * cannot be followed without, not the background that would deepen it.
   */
  private async knownClosure(known: readonly string[]): Promise<Set<string>> {
    if (known.length === 0) return new Set();
    const { edges } = await this.store.prerequisiteClosure(known, MAX_CHAIN_DEPTH, 'essential');
    return new Set([...known, ...edges.flatMap((e) => [e.skill, e.requires])]);
  }

  /** By how many skills each unlocks (most first), then by slug. */
  private async ranked(skills: readonly Skill[], scope: EdgeScope): Promise<RankedSkill[]> {
    if (skills.length === 0) return [];
    const counts = await this.store.unlockCounts(
      skills.map((s) => s.slug),
      scope,
    );
    return skills.map((skill, i) => ({ skill, unlockCount: counts[i] })).sort(byImpact);
  }
}

/** Most unlocking first, then by slug: the order of every ranked answer. */
function byImpact(a: RankedSkill, b: RankedSkill): number {
  return b.unlockCount - a.unlockCount || compareSlugs(a.skill.slug, b.skill.slug);
}

function validFilter(filter: ResourceFilter): ResourceFilter {
  if (filter.maxHours != null) requireIntegerIn('resourceFilter.maxHours', filter.maxHours, 1, MAX_RESOURCE_HOURS);
  return filter;
}
