import type { DiagramFormat } from '../reading/diagram';
import { renderDiagram } from '../reading/diagram';
import { InvalidArgumentError, NotFoundError } from '../model/domain-error';
import type { LearningPath, ResourceFilter } from './learning-plan';
import { recommendResources, weeklySchedule } from './learning-plan';
import { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH, MAX_SEARCH_TEXT } from '../model/limits';
import type { GraphStore, SearchHit } from '../ports/graph-store.port';
import type {
  EdgeScope,
  PrerequisiteEdge,
  RankedSkill,
  Responsibility,
  SeniorityLevel,
  Skill,
} from '../model/skill-graph.types';
import { inScope } from '../model/skill-graph.types';
import { compareSlugs, depthsFrom, learningOrder, shortestPrerequisitePath } from '../graph/prerequisite-graph';
import { requireIntegerIn, requireSlugList, requireText } from '../model/validation';
import type { ChainEdge, SkillGraphService } from '../reading/skill-graph.service';

export const MAX_TARGETS = 50;
export const MAX_KNOWN = 500;
export const MAX_RESULTS = 100;
export const MAX_SEARCH_RESULTS = 50;

export interface LearningPathRequest {
  readonly targets: readonly string[];
  readonly known?: readonly string[] | null;
  readonly hoursPerWeek?: number | null;
  readonly resourceFilter?: ResourceFilter | null;
  /** Plan the helpful prerequisites too, not only the essential ones. */
  readonly includeHelpful?: boolean | null;
}

/** The prerequisites a learning answer follows: essential ones unless helpful ones are asked for. */
const scopeOf = (includeHelpful: boolean | null | undefined): EdgeScope => (includeHelpful ? 'all' : 'essential');

export interface UnlockedSkill extends RankedSkill {
  /** Fewest REQUIRES hops from the skill asked about. */
  readonly distance: number;
}

export interface ResponsibilityGap {
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

export interface PrerequisiteDiagram {
  readonly skill: Skill;
  readonly format: DiagramFormat;
  readonly source: string;
}

/**
 * The questions learners ask: what to learn and in which order, what they can learn now, what
 * a skill unlocks, what they lack for a level, and why one skill needs another. All of it is
 * computed here from a few batch store calls, so every store gives the same answers.
 */
export class LearningService {
  constructor(
    private readonly store: GraphStore,
    private readonly skillGraph: SkillGraphService,
  ) {}

  async learningPath(request: LearningPathRequest): Promise<LearningPath> {
    const targets = requireSlugList('targets', request.targets, 1, MAX_TARGETS);
    const known = requireSlugList('known', request.known ?? [], 0, MAX_KNOWN);
    const hoursPerWeek =
      request.hoursPerWeek == null ? null : requireIntegerIn('hoursPerWeek', request.hoursPerWeek, 1, 168);
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
    skillSlug: string,
    maxDepth: number = DEFAULT_CHAIN_DEPTH,
    includeHelpful = false,
  ): Promise<UnlockedSkill[]> {
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

  async gapAnalysis(levelSlug: string, knownSlugs: readonly string[], includeHelpful = false): Promise<GapAnalysis> {
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
    const missingSkills = [...missing.values()].sort((a, b) => compareSlugs(a.slug, b.slug));
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
    skillSlug: string,
    requiresSlug: string,
    includeHelpful = false,
  ): Promise<PrerequisitePath | null> {
    if (skillSlug === requiresSlug) {
      throw new InvalidArgumentError('requires', 'a different skill from `skill`', requiresSlug);
    }
    await this.existingSkills([skillSlug, requiresSlug]);
    const { edges } = await this.store.prerequisiteClosure([skillSlug], MAX_CHAIN_DEPTH, scopeOf(includeHelpful));
    const path = shortestPrerequisitePath(skillSlug, requiresSlug, edges);
    if (path === null) return null;
    const skills = bySlug(await this.store.findSkillsBySlugs(path));
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

  async search(text: string, first: number): Promise<readonly SearchHit[]> {
    const query = requireText('text', text, MAX_SEARCH_TEXT);
    requireIntegerIn('first', first, 1, MAX_SEARCH_RESULTS);
    return this.store.search(query, first);
  }

  async prerequisiteDiagram(
    skillSlug: string,
    format: DiagramFormat,
    maxDepth?: number,
    includeHelpful = false,
  ): Promise<PrerequisiteDiagram> {
    const chain = await this.skillGraph.prerequisiteChain(skillSlug, maxDepth, includeHelpful);
    return { skill: chain.skill, format, source: renderDiagram(chain, format) };
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
    const needed = new Set<string>();
    for (const slug of [...targets, ...edges.flatMap((e) => [e.skill, e.requires])]) {
      if (!knownClosure.has(slug)) needed.add(slug);
    }
    const inside = edges.filter((e) => needed.has(e.skill) && needed.has(e.requires));
    const order = learningOrder(needed, inside);

    const unloaded = order.filter((slug) => !skills.has(slug));
    (await this.store.findSkillsBySlugs(unloaded)).forEach((skill) => skill && skills.set(skill.slug, skill));
    const resources = order.length === 0 ? [] : await this.store.resourcesOfSkills(order);
    const targetSet = new Set(targets);
    const neededFor = new Map<string, PrerequisiteEdge[]>();
    for (const edge of inside) neededFor.set(edge.requires, [...(neededFor.get(edge.requires) ?? []), edge]);

    const steps = order.map((slug, i) => {
      const skill = skills.get(slug) as Skill;
      return {
        position: i + 1,
        skill,
        hours: skill.estimatedHours,
        isTarget: targetSet.has(slug),
        neededFor: (neededFor.get(slug) ?? [])
          .map((edge) => ({ skill: skills.get(edge.skill) as Skill, reason: edge.reason, strength: edge.strength }))
          .sort((a, b) => compareSlugs(a.skill.slug, b.skill.slug)),
        resources: recommendResources(resources[i], filter),
      };
    });
    const totalHours = steps.reduce((sum, step) => sum + step.hours, 0);
    const schedule = hoursPerWeek === null ? null : weeklySchedule(steps, hoursPerWeek);
    return {
      targets: targets.map((slug) => skills.get(slug)).filter((s): s is Skill => s !== undefined),
      steps,
      totalHours,
      hoursPerWeek,
      weeks: schedule === null ? null : schedule.length,
      schedule,
    };
  }

  /** The skills of `slugs`, by slug; NOT_FOUND naming every slug that does not exist. */
  private async existingSkills(slugs: readonly string[]): Promise<Map<string, Skill>> {
    if (slugs.length === 0) return new Map();
    const found = await this.store.findSkillsBySlugs(slugs);
    const missing = slugs.filter((_, i) => found[i] === null);
    if (missing.length > 0) throw new NotFoundError('Skill', missing);
    return bySlug(found);
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

function bySlug(skills: readonly (Skill | null)[]): Map<string, Skill> {
  return new Map(skills.filter((s): s is Skill => s !== null).map((s) => [s.slug, s]));
}

function validFilter(filter: ResourceFilter): ResourceFilter {
  if (filter.maxHours != null) requireIntegerIn('resourceFilter.maxHours', filter.maxHours, 1, 1000);
  return filter;
}
