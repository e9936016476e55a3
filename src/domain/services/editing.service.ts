import {
  ChainTooLongError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PrerequisiteCycleError,
  RateLimitedError,
  SkillInUseError,
  UnauthenticatedError,
} from '../domain-error';
import {
  validateNewSkill,
  validateReason,
  validateResource,
  validateResourceWhole,
  validateSkill,
  validateSlugArgument,
  validateText,
} from '../editing-validation';
import type {
  Change,
  Editor,
  Problem,
  ProblemStatus,
  ResourceInput,
  ResourcePatch,
  SkillInput,
  SkillPatch,
} from '../editing.types';
import { MAX_CHAIN_DEPTH } from '../limits';
import type { Connection } from '../pagination';
import { decodeSequenceCursor, toSequenceConnection } from '../pagination';
import type { GraphReader, GraphStore, GraphTransaction } from '../ports/graph-store.port';
import { longestPathFrom, shortestPrerequisitePath } from '../prerequisite-graph';
import { LIMITS } from '../rules';
import type { Resource, Skill } from '../skill-graph.types';
import { requireIntegerIn } from '../validation';

export interface Clock {
  now(): Date;
}

/** Limits how often one client may do something; the mechanism is an adapter's. */
export interface RateLimiter {
  /** Counts one attempt by `client`; the seconds to wait when over the limit, otherwise 0. */
  consume(client: string): Promise<number>;
}

export interface DeletedSkill {
  readonly slug: string;
  /** Skills that required it and lost that prerequisite (force only). */
  readonly requiredBy: readonly string[];
  /** Sub-topics that lost their parent (force only). */
  readonly children: readonly string[];
}

/**
 * Every change to the graph. Each write checks the editor, validates the input, then runs as one
 * store transaction that re-reads what it depends on, enforces the graph's rules (no cycles, no
 * chain longer than MAX_CHAIN_DEPTH, no dangling links, unique slugs), writes, and records the
 * change. A broken rule throws inside the transaction, so nothing is written.
 */
export class EditingService {
  constructor(
    private readonly store: GraphStore,
    private readonly clock: Clock,
    private readonly reportLimiter: RateLimiter,
  ) {}

  createSkill(editor: Editor | null, input: SkillInput): Promise<Skill> {
    const who = requireEditor(editor);
    validateNewSkill(input);
    const skill: Skill = { ...input, parent: input.parent ?? null };
    return this.write(who, 'createSkill', skill.slug, input, async (tx) => {
      if ((await tx.findSkillsBySlugs([skill.slug]))[0] !== null) throw new ConflictError('Skill', skill.slug);
      await requireSkillLinks(tx, skill);
      await tx.putSkill(skill);
      return skill;
    });
  }

  updateSkill(editor: Editor | null, slug: string, patch: SkillPatch): Promise<Skill> {
    const who = requireEditor(editor);
    validateSlugArgument('slug', slug);
    validateSkill({ ...patch, slug });
    return this.write(who, 'updateSkill', slug, patch, async (tx) => {
      const current = await requireSkill(tx, slug);
      const updated: Skill = {
        ...current,
        ...definedFields(patch),
        parent: patch.parent === undefined ? current.parent : patch.parent,
      };
      await requireSkillLinks(tx, updated);
      if (updated.parent !== null && updated.parent !== current.parent)
        await refuseParentLoop(tx, slug, updated.parent);
      await tx.putSkill(updated);
      return updated;
    });
  }

  deleteSkill(editor: Editor | null, slug: string, force: boolean): Promise<DeletedSkill> {
    const who = requireEditor(editor);
    validateSlugArgument('slug', slug);
    return this.write(who, 'deleteSkill', slug, { force }, async (tx) => {
      await requireSkill(tx, slug);
      const [dependents] = await tx.dependentsOfSkills([slug]);
      const [children] = await tx.childrenOfSkills([slug]);
      const requiredBy = dependents.map((link) => link.skill.slug);
      const childSlugs = children.map((child) => child.slug);
      if (!force && (requiredBy.length > 0 || childSlugs.length > 0))
        throw new SkillInUseError(slug, requiredBy, childSlugs);
      await tx.deleteSkill(slug);
      return { slug, requiredBy, children: childSlugs };
    });
  }

  createResource(editor: Editor | null, input: ResourceInput): Promise<Resource> {
    const who = requireEditor(editor);
    validateResource(input);
    const resource = toResource(input);
    validateResourceWhole(resource);
    return this.write(who, 'createResource', resource.slug, input, async (tx) => {
      if ((await tx.findResourcesBySlugs([resource.slug]))[0] !== null)
        throw new ConflictError('Resource', resource.slug);
      const skills = unique(input.skills);
      await requireSkills(tx, skills);
      await tx.putResource(resource);
      for (const skill of skills) await tx.linkResource(resource.slug, skill);
      return resource;
    });
  }

  updateResource(editor: Editor | null, slug: string, patch: ResourcePatch): Promise<Resource> {
    const who = requireEditor(editor);
    validateSlugArgument('slug', slug);
    validateResource(patch);
    return this.write(who, 'updateResource', slug, patch, async (tx) => {
      const [current] = await tx.findResourcesBySlugs([slug]);
      if (current === null) throw new NotFoundError('Resource', slug);
      const updated = toResource({ ...current, ...definedFields(patch), slug, skills: [] });
      validateResourceWhole(updated);
      await tx.putResource(updated);
      if (patch.skills != null) {
        const wanted = unique(patch.skills);
        await requireSkills(tx, wanted);
        const [taught] = await tx.skillsOfResources([slug]);
        for (const skill of taught) if (!wanted.includes(skill.slug)) await tx.unlinkResource(slug, skill.slug);
        for (const skill of wanted) await tx.linkResource(slug, skill);
      }
      return updated;
    });
  }

  deleteResource(editor: Editor | null, slug: string): Promise<{ slug: string }> {
    const who = requireEditor(editor);
    validateSlugArgument('slug', slug);
    return this.write(who, 'deleteResource', slug, {}, async (tx) => {
      if ((await tx.findResourcesBySlugs([slug]))[0] === null) throw new NotFoundError('Resource', slug);
      await tx.deleteResource(slug);
      return { slug };
    });
  }

  addPrerequisite(editor: Editor | null, skill: string, requires: string, reason: string): Promise<Skill> {
    const who = requireEditor(editor);
    validatePair('skill', skill, 'requires', requires);
    validateReason('reason', reason);
    return this.write(who, 'addPrerequisite', `${skill} -> ${requires}`, { reason }, async (tx) => {
      const [dependent] = await requireSkills(tx, [skill, requires]);
      const [current] = await tx.prerequisitesOfSkills([skill]);
      if (current.some((link) => link.skill.slug === requires)) {
        throw new ConflictError('Prerequisite', `${skill} -> ${requires}`, `"${skill}" already requires "${requires}"`);
      }
      // A path from `requires` down to `skill` would become a loop. Every chain is at most
      // MAX_CHAIN_DEPTH long, so a closure of that depth finds any such path.
      const below = (await tx.prerequisiteClosure([requires], MAX_CHAIN_DEPTH)).edges;
      const loop = shortestPrerequisitePath(requires, skill, below);
      if (loop !== null) throw new PrerequisiteCycleError([skill, ...loop]);
      const above = (await tx.dependentClosure([skill], MAX_CHAIN_DEPTH)).edges;
      const chain = [
        ...longestPathFrom(skill, above, 'dependents').reverse(),
        ...longestPathFrom(requires, below, 'prerequisites'),
      ];
      if (chain.length - 1 > MAX_CHAIN_DEPTH) throw new ChainTooLongError(chain, MAX_CHAIN_DEPTH);
      await tx.putPrerequisite({ skill, requires, reason: reason.trim() });
      return dependent;
    });
  }

  removePrerequisite(editor: Editor | null, skill: string, requires: string): Promise<Skill> {
    const who = requireEditor(editor);
    validatePair('skill', skill, 'requires', requires);
    return this.write(who, 'removePrerequisite', `${skill} -> ${requires}`, {}, async (tx) => {
      const [dependent] = await requireSkills(tx, [skill, requires]);
      const [current] = await tx.prerequisitesOfSkills([skill]);
      if (!current.some((link) => link.skill.slug === requires))
        throw new NotFoundError('Prerequisite', `${skill} -> ${requires}`);
      await tx.deletePrerequisite(skill, requires);
      return dependent;
    });
  }

  addRelated(editor: Editor | null, skill: string, related: string): Promise<Skill> {
    const who = requireEditor(editor);
    validatePair('skill', skill, 'related', related);
    return this.write(who, 'addRelated', `${skill} <-> ${related}`, {}, async (tx) => {
      const [first] = await requireSkills(tx, [skill, related]);
      const [current] = await tx.relatedOfSkills([skill]);
      if (current.some((s) => s.slug === related)) {
        throw new ConflictError(
          'RelatedTopic',
          `${skill} <-> ${related}`,
          `"${skill}" and "${related}" are already related`,
        );
      }
      await tx.putRelated(skill, related);
      return first;
    });
  }

  removeRelated(editor: Editor | null, skill: string, related: string): Promise<Skill> {
    const who = requireEditor(editor);
    validatePair('skill', skill, 'related', related);
    return this.write(who, 'removeRelated', `${skill} <-> ${related}`, {}, async (tx) => {
      const [first] = await requireSkills(tx, [skill, related]);
      const [current] = await tx.relatedOfSkills([skill]);
      if (!current.some((s) => s.slug === related)) throw new NotFoundError('RelatedTopic', `${skill} <-> ${related}`);
      await tx.deleteRelated(skill, related);
      return first;
    });
  }

  linkResource(editor: Editor | null, resource: string, skill: string): Promise<Resource> {
    const who = requireEditor(editor);
    validatePair('resource', resource, 'skill', skill);
    return this.write(who, 'linkResource', `${resource} -> ${skill}`, {}, async (tx) => {
      const found = await requireResource(tx, resource);
      await requireSkills(tx, [skill]);
      const [taught] = await tx.skillsOfResources([resource]);
      if (taught.some((s) => s.slug === skill)) {
        throw new ConflictError('ResourceLink', `${resource} -> ${skill}`, `"${resource}" already teaches "${skill}"`);
      }
      await tx.linkResource(resource, skill);
      return found;
    });
  }

  unlinkResource(editor: Editor | null, resource: string, skill: string): Promise<Resource> {
    const who = requireEditor(editor);
    validatePair('resource', resource, 'skill', skill);
    return this.write(who, 'unlinkResource', `${resource} -> ${skill}`, {}, async (tx) => {
      const found = await requireResource(tx, resource);
      const [taught] = await tx.skillsOfResources([resource]);
      if (!taught.some((s) => s.slug === skill)) throw new NotFoundError('ResourceLink', `${resource} -> ${skill}`);
      await tx.unlinkResource(resource, skill);
      return found;
    });
  }

  /** Open to everyone, but limited per client. Not an edit of the graph, so not a Change. */
  async reportProblem(client: string, skill: string, message: string): Promise<Problem> {
    validateSlugArgument('skill', skill);
    validateText('message', message, LIMITS.problemMessageMin, LIMITS.problemMessageMax);
    const wait = await this.reportLimiter.consume(client);
    if (wait > 0) throw new RateLimitedError(wait);
    return this.store.transaction(async (tx) => {
      await requireSkill(tx, skill);
      const sequence = await tx.nextSequence();
      const problem: Problem = {
        id: String(sequence),
        sequence,
        skill,
        message: message.trim(),
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
    validateText('resolution', resolution, 1, LIMITS.resolution);
    return this.write(who, 'resolveProblem', id, { resolution }, async (tx) => {
      const [problem] = await tx.findProblemsByIds([id]);
      if (problem === null) throw new NotFoundError('Problem', id);
      if (problem.status === 'RESOLVED') throw new ConflictError('Problem', id, `Problem ${id} is already resolved`);
      const resolved: Problem = {
        ...problem,
        status: 'RESOLVED',
        resolvedAt: this.clock.now().toISOString(),
        resolvedBy: who.name,
        resolution: resolution.trim(),
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
    const request = sequencePage('problem', page);
    return toSequenceConnection('problem', await this.store.listProblems({ status: status ?? undefined }, request));
  }

  async listChanges(
    editor: Editor | null,
    page: { first: number; after?: string | null },
  ): Promise<Connection<Change>> {
    requireEditor(editor);
    return toSequenceConnection('change', await this.store.listChanges(sequencePage('change', page)));
  }

  /** One transaction: the work, then the record of who changed what and when. */
  private write<T>(
    editor: Editor,
    operation: string,
    subject: string,
    details: unknown,
    work: (tx: GraphTransaction) => Promise<T>,
  ) {
    return this.store.transaction(async (tx) => {
      const result = await work(tx);
      const sequence = await tx.nextSequence();
      await tx.recordChange({
        sequence,
        at: this.clock.now().toISOString(),
        editor: editor.name,
        operation,
        subject,
        details: JSON.stringify(details),
      });
      return result;
    });
  }
}

function requireEditor(editor: Editor | null): Editor {
  if (editor === null) throw new UnauthenticatedError();
  return editor;
}

function validatePair(firstField: string, first: string, secondField: string, second: string): void {
  validateSlugArgument(firstField, first);
  validateSlugArgument(secondField, second);
  if (first === second)
    throw new InvalidInputError([{ field: secondField, message: `must differ from ${firstField}` }]);
}

async function requireSkill(reader: GraphReader, slug: string): Promise<Skill> {
  const [skill] = await reader.findSkillsBySlugs([slug]);
  if (skill === null) throw new NotFoundError('Skill', slug);
  return skill;
}

/** The skills of `slugs`, in order; NOT_FOUND naming every missing one. */
async function requireSkills(reader: GraphReader, slugs: readonly string[]): Promise<Skill[]> {
  const found = await reader.findSkillsBySlugs(slugs);
  const missing = slugs.filter((_, i) => found[i] === null);
  if (missing.length > 0) throw new NotFoundError('Skill', missing);
  return found as Skill[];
}

async function requireResource(reader: GraphReader, slug: string): Promise<Resource> {
  const [resource] = await reader.findResourcesBySlugs([slug]);
  if (resource === null) throw new NotFoundError('Resource', slug);
  return resource;
}

async function requireSkillLinks(reader: GraphReader, skill: Skill): Promise<void> {
  const [area] = await reader.findAreasBySlugs([skill.area]);
  if (area === null) throw new NotFoundError('Area', skill.area);
  const [level] = await reader.findLevelsBySlugs([skill.level]);
  if (level === null) throw new NotFoundError('SeniorityLevel', skill.level);
  if (skill.parent !== null) await requireSkill(reader, skill.parent);
}

/** Refuses a parent that is the skill itself or one of its sub-topics, at any depth. */
async function refuseParentLoop(reader: GraphReader, slug: string, parent: string): Promise<void> {
  const seen = new Set<string>();
  for (let at: string | null = parent; at !== null && !seen.has(at);) {
    if (at === slug)
      throw new InvalidInputError([{ field: 'input.parent', message: `would make "${slug}" a sub-topic of itself` }]);
    seen.add(at);
    at = (await requireSkill(reader, at)).parent;
  }
}

function toResource(input: ResourceInput | (Resource & { skills: readonly string[] })): Resource {
  return {
    slug: input.slug,
    title: input.title.trim(),
    kind: input.kind,
    url: input.url,
    authors: [...(input.authors ?? [])],
    year: input.year ?? null,
    free: input.free,
    estimatedHours: input.estimatedHours,
  };
}

/** The fields of a patch that were given (GraphQL sends absent fields as undefined). */
function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function sequencePage(kind: 'change' | 'problem', page: { first: number; after?: string | null }) {
  requireIntegerIn('first', page.first, 0, 100);
  return page.after == null
    ? { first: page.first }
    : { first: page.first, beforeSequence: decodeSequenceCursor(kind, page.after) };
}
