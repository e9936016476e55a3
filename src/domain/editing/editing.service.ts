import { ConflictError, InvalidInputError, NotFoundError, SkillInUseError } from '../model/domain-error';
import type { Change, Editor, ResourceInput, ResourcePatch, SkillInput, SkillPatch } from '../model/editing.types';
import type { Connection } from '../model/pagination';
import { sequenceKey, toConnection, toSequencePageRequest } from '../model/pagination';
import type { PrerequisiteStrength, Resource, ResourceAccess, Skill } from '../model/skill-graph.types';
import { RESOURCE_ACCESS, accessOfFree, isFreeAccess } from '../model/skill-graph.types';
import type { Clock } from '../ports/clock.port';
import type { CatalogueReader, EntityReader, StoreLifecycle } from '../ports/graph-store.port';
import { requireResource, requireSkill, requireSkills } from '../reading/require-records';
import { slug as slugRule } from './integrity/field-rules';
import { requirePatch, requireRecord, requireValue, wholeProblems } from './integrity/record-rules';
import { checkNewParent, checkNewPrerequisite } from './integrity/write-checks';
import type { EditWork } from './recorded-write';
import { recordedWrite, requireEditor } from './recorded-write';

/** What the edits ask of a store: the transaction they run in, and the change log they read. */
type EditingStore = Pick<CatalogueReader, 'listChanges'> & Pick<StoreLifecycle, 'transaction'>;

export interface DeletedSkill {
  readonly slug: string;
  /** Skills that required it and lost that prerequisite (force only). */
  readonly requiredBy: readonly string[];
  /** Sub-topics that lost their parent (force only). */
  readonly children: readonly string[];
}

/**
 * Every edit of skills, resources and their edges, and the log of accepted edits (listChanges,
 * here because write() is what records them; problem reports are ProblemReportService's).
 * Each write checks the editor, then its input with the integrity rules the dataset loader uses
 * (integrity/), normalised exactly as the loader normalises. It then runs as one store
 * transaction that re-reads what it depends on, refuses what would break a rule of the graph
 * (a missing record, a duplicate, a cycle, a chain over MAX_CHAIN_DEPTH), writes, checks every
 * record it touched against the loader's rules once more, and records the change.
 * A broken rule throws inside the transaction, so nothing is written.
 */
export class EditingService {
  constructor(
    private readonly store: EditingStore,
    private readonly clock: Clock,
  ) {}

  createSkill(editor: Editor | null, input: SkillInput): Promise<Skill> {
    const who = requireEditor(editor);
    const skill: Skill = requireRecord('skill', input, 'input');
    return this.write(who, 'createSkill', skill.slug, skill, async (tx, touch) => {
      if ((await tx.findSkillsBySlugs([skill.slug]))[0] !== null) throw new ConflictError('Skill', skill.slug);
      await requireSkillLinks(tx, skill);
      await tx.putSkill(skill);
      touch({ skills: [skill.slug] });
      return skill;
    });
  }

  updateSkill(editor: Editor | null, slug: string, patch: SkillPatch): Promise<Skill> {
    const who = requireEditor(editor);
    requireValue('slug', slug, slugRule);
    const changes = requirePatch('skill', patch, 'input');
    return this.write(who, 'updateSkill', slug, changes, async (tx, touch) => {
      const current = await requireSkill(tx, slug);
      const updated: Skill = { ...current, ...changes };
      refuse(wholeProblems('skill', { ...updated, aliases: [...updated.aliases] }, 'input'));
      await requireSkillLinks(tx, updated);
      if (updated.parent !== null && updated.parent !== current.parent)
        await checkNewParent(tx, slug, updated.parent, 'input.parent');
      await tx.putSkill(updated);
      touch({ skills: [slug] });
      return updated;
    });
  }

  deleteSkill(editor: Editor | null, slug: string, force: boolean): Promise<DeletedSkill> {
    const who = requireEditor(editor);
    requireValue('slug', slug, slugRule);
    return this.write(who, 'deleteSkill', slug, { force }, async (tx, touch) => {
      await requireSkill(tx, slug);
      const [dependents] = await tx.dependentsOfSkills([slug]);
      const [children] = await tx.childrenOfSkills([slug]);
      const requiredBy = dependents.map((link) => link.skill.slug);
      const childSlugs = children.map((child) => child.slug);
      if (!force && (requiredBy.length > 0 || childSlugs.length > 0))
        throw new SkillInUseError(slug, requiredBy, childSlugs);
      // `force` removes links that only add knowledge; whatever needs the skill to be valid at
      // all (a resource teaching only it) must still obey the rules without it.
      const [resources] = await tx.resourcesOfSkills([slug]);
      const [responsibilities] = await tx.responsibilitiesOfSkills([slug]);
      await tx.deleteSkill(slug);
      touch({
        skills: childSlugs,
        resources: resources.map((r) => r.slug),
        responsibilities: responsibilities.map((r) => r.slug),
      });
      return { slug, requiredBy, children: childSlugs };
    });
  }

  createResource(editor: Editor | null, input: ResourceInput): Promise<Resource> {
    const who = requireEditor(editor);
    const record = requireRecord('resource', withDerivedCost(input), 'input');
    const { skills, ...resource } = record;
    return this.write(who, 'createResource', resource.slug, record, async (tx, touch) => {
      if ((await tx.findResourcesBySlugs([resource.slug]))[0] !== null)
        throw new ConflictError('Resource', resource.slug);
      await requireSkills(tx, skills);
      await tx.putResource(resource);
      for (const skill of skills) await tx.linkResource(resource.slug, skill);
      touch({ resources: [resource.slug] });
      return resource;
    });
  }

  updateResource(editor: Editor | null, slug: string, patch: ResourcePatch): Promise<Resource> {
    const who = requireEditor(editor);
    requireValue('slug', slug, slugRule);
    const changes = requirePatch('resource', patch, 'input');
    return this.write(who, 'updateResource', slug, changes, async (tx, touch) => {
      const [current] = await tx.findResourcesBySlugs([slug]);
      if (current === null) throw new NotFoundError('Resource', slug);
      const { skills: wanted, ...fields } = changes;
      const updated: Resource = { ...current, ...fields, ...derivedCost(current, fields) };
      const taught = (await tx.skillsOfResources([slug]))[0].map((s) => s.slug);
      refuse(
        wholeProblems('resource', { ...updated, authors: [...updated.authors], skills: wanted ?? taught }, 'input'),
      );
      await tx.putResource(updated);
      if (wanted !== undefined) {
        await requireSkills(tx, wanted);
        for (const skill of taught) if (!wanted.includes(skill)) await tx.unlinkResource(slug, skill);
        for (const skill of wanted) if (!taught.includes(skill)) await tx.linkResource(slug, skill);
      }
      touch({ resources: [slug] });
      return updated;
    });
  }

  deleteResource(editor: Editor | null, slug: string): Promise<{ slug: string }> {
    const who = requireEditor(editor);
    requireValue('slug', slug, slugRule);
    return this.write(who, 'deleteResource', slug, {}, async (tx) => {
      if ((await tx.findResourcesBySlugs([slug]))[0] === null) throw new NotFoundError('Resource', slug);
      await tx.deleteResource(slug);
      return { slug };
    });
  }

  addPrerequisite(
    editor: Editor | null,
    skill: string,
    requires: string,
    reason: string,
    strength: PrerequisiteStrength = 'ESSENTIAL',
  ): Promise<Skill> {
    const who = requireEditor(editor);
    const edge = requireRecord('prerequisite', { skill, requires, reason, strength });
    const details = { reason: edge.reason, strength: edge.strength };
    return this.write(who, 'addPrerequisite', `${skill} -> ${requires}`, details, async (tx, touch) => {
      const [dependent] = await requireSkills(tx, [skill, requires]);
      const [current] = await tx.prerequisitesOfSkills([skill]);
      if (current.some((link) => link.skill.slug === requires)) {
        throw new ConflictError('Prerequisite', `${skill} -> ${requires}`, `"${skill}" already requires "${requires}"`);
      }
      await checkNewPrerequisite(tx, skill, requires);
      await tx.putPrerequisite(edge);
      touch({ prerequisites: [edge] });
      return dependent;
    });
  }

  /** Changes the reason or the strength of an existing prerequisite; the graph's shape stays. */
  updatePrerequisite(
    editor: Editor | null,
    skill: string,
    requires: string,
    patch: { readonly reason?: string | null; readonly strength?: PrerequisiteStrength | null },
  ): Promise<Skill> {
    const who = requireEditor(editor);
    requirePair('skill', skill, 'requires', requires);
    // Both fields are required on an edge: null cannot clear them, and a call that changes
    // nothing is a client's mistake, not a change to record.
    const problems = (['reason', 'strength'] as const)
      .filter((field) => patch[field] === null)
      .map((field) => ({ field, message: 'must not be null (leave it out to keep it)', rule: 'required' as const }));
    if (patch.reason === undefined && patch.strength === undefined) {
      problems.push({ field: 'reason', message: 'give a reason or a strength to change', rule: 'required' });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.write(who, 'updatePrerequisite', `${skill} -> ${requires}`, patch, async (tx, touch) => {
      const [dependent] = await requireSkills(tx, [skill, requires]);
      const [current] = await tx.prerequisitesOfSkills([skill]);
      const link = current.find((l) => l.skill.slug === requires);
      if (link === undefined) throw new NotFoundError('Prerequisite', `${skill} -> ${requires}`);
      const edge = requireRecord('prerequisite', {
        skill,
        requires,
        reason: patch.reason ?? link.reason,
        strength: patch.strength ?? link.strength,
      });
      await tx.putPrerequisite(edge);
      touch({ prerequisites: [edge] });
      return dependent;
    });
  }

  removePrerequisite(editor: Editor | null, skill: string, requires: string): Promise<Skill> {
    const who = requireEditor(editor);
    requirePair('skill', skill, 'requires', requires);
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
    requireRecord('related', { skill, related });
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
    requirePair('skill', skill, 'related', related);
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
    requireValue('resource', resource, slugRule);
    requireValue('skill', skill, slugRule);
    return this.write(who, 'linkResource', `${resource} -> ${skill}`, {}, async (tx, touch) => {
      const found = await requireResource(tx, resource);
      await requireSkills(tx, [skill]);
      const [taught] = await tx.skillsOfResources([resource]);
      if (taught.some((s) => s.slug === skill)) {
        throw new ConflictError('ResourceLink', `${resource} -> ${skill}`, `"${resource}" already teaches "${skill}"`);
      }
      await tx.linkResource(resource, skill);
      touch({ resources: [resource] });
      return found;
    });
  }

  unlinkResource(editor: Editor | null, resource: string, skill: string): Promise<Resource> {
    const who = requireEditor(editor);
    requireValue('resource', resource, slugRule);
    requireValue('skill', skill, slugRule);
    return this.write(who, 'unlinkResource', `${resource} -> ${skill}`, {}, async (tx, touch) => {
      const found = await requireResource(tx, resource);
      const [taught] = await tx.skillsOfResources([resource]);
      if (!taught.some((s) => s.slug === skill)) throw new NotFoundError('ResourceLink', `${resource} -> ${skill}`);
      await tx.unlinkResource(resource, skill);
      touch({ resources: [resource] });
      return found;
    });
  }

  async listChanges(
    editor: Editor | null,
    page: { first: number; after?: string | null },
  ): Promise<Connection<Change>> {
    requireEditor(editor);
    return toConnection('change', await this.store.listChanges(toSequencePageRequest('change', page)), sequenceKey);
  }

  private write<T>(editor: Editor, operation: string, subject: string, details: unknown, work: EditWork<T>) {
    return recordedWrite(this.store, this.clock, { editor, operation, subject, details }, work);
  }
}

/**
 * Inputs written before `access` existed give only `free`; newer ones may give only `access`.
 * The one left out is derived; when both are given they are left for the record rule
 * (free-matches-access) to refuse if they disagree.
 */
function withDerivedCost<T extends { free?: unknown; access?: unknown }>(input: T): T {
  if (typeof input !== 'object' || input === null) return input;
  const { free, access } = input;
  if (access === undefined && typeof free === 'boolean') return { ...input, access: accessOfFree(free) };
  if (free === undefined && isAccess(access)) return { ...input, free: isFreeAccess(access) };
  return input;
}

/**
 * What a patch changes of `free` and `access` together. A `free` that keeps its value keeps the
 * access too (FREE_WITH_REGISTRATION stays); one that flips it implies FREE or PAID.
 */
function derivedCost(
  current: Resource,
  patch: { readonly free?: boolean; readonly access?: ResourceAccess },
): Partial<Pick<Resource, 'free' | 'access'>> {
  if (patch.access !== undefined && patch.free === undefined) return { free: isFreeAccess(patch.access) };
  if (patch.free !== undefined && patch.access === undefined && patch.free !== current.free) {
    return { access: accessOfFree(patch.free) };
  }
  return {};
}

const isAccess = (value: unknown): value is ResourceAccess =>
  typeof value === 'string' && (RESOURCE_ACCESS as readonly string[]).includes(value);

/** Two slug arguments naming different records of one kind. */
function requirePair(firstField: string, first: string, secondField: string, second: string): void {
  requireValue(firstField, first, slugRule);
  requireValue(secondField, second, slugRule);
  if (first === second) {
    throw new InvalidInputError([
      { field: secondField, rule: 'not-itself', message: `must differ from ${firstField}` },
    ]);
  }
}

function refuse(problems: ReturnType<typeof wholeProblems>): void {
  if (problems.length > 0) throw new InvalidInputError(problems);
}

async function requireSkillLinks(reader: EntityReader, skill: Skill): Promise<void> {
  const [area] = await reader.findAreasBySlugs([skill.area]);
  if (area === null) throw new NotFoundError('Area', skill.area);
  const [level] = await reader.findLevelsBySlugs([skill.level]);
  if (level === null) throw new NotFoundError('SeniorityLevel', skill.level);
  if (skill.parent !== null) await requireSkill(reader, skill.parent);
}
