import type { RawDataset } from '../../src/dataset/load-dataset';
import type {
  Area,
  PrerequisiteEdge,
  PrerequisiteStrength,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
} from '../../src/domain/model/skill-graph.types';

// Small, readable datasets for unit and contract tests. Each factory fills the required fields
// so a test only states what matters to it.
//
// The build* factories are typed by the domain's shapes, so `{ slgu: 'x' }` does not compile.
// The raw* ones take any fields, for the tests that want a record the loader must refuse.

/** An area as data/areas.json holds it: its position is its place in the file. */
type AreaRecord = Omit<Area, 'position'>;

/** A resource as data/resources.json holds it: with the skills it teaches; authors and year may be left out. */
type ResourceRecord = Omit<Resource, 'authors' | 'year'> &
  Partial<Pick<Resource, 'authors' | 'year'>> & { readonly skills: readonly string[] };

/** A responsibility as data/responsibilities.json holds it: with the skills it needs, placed by the file's order. */
type ResponsibilityRecord = Omit<Responsibility, 'position'> & { readonly skills: readonly string[] };

export function buildArea(overrides: Partial<AreaRecord> = {}): AreaRecord {
  return { slug: 'area-a', name: 'Area A', description: 'An area for tests.', ...overrides };
}

export function buildLevel(overrides: Partial<SeniorityLevel> = {}): SeniorityLevel {
  return { slug: 'junior', name: 'Junior', rank: 1, description: 'The first level.', ...overrides };
}

export function buildSkill(overrides: Partial<Skill> & Pick<Skill, 'slug'>): Skill {
  return rawSkill(overrides) as Skill;
}

export function buildResource(
  overrides: Partial<ResourceRecord> & Pick<ResourceRecord, 'slug' | 'skills'>,
): ResourceRecord {
  return rawResource(overrides) as ResourceRecord;
}

export function buildResponsibility(
  overrides: Partial<ResponsibilityRecord> & Pick<ResponsibilityRecord, 'slug' | 'skills'>,
): ResponsibilityRecord {
  return rawResponsibility(overrides) as ResponsibilityRecord;
}

/** A skill record with any fields, valid or not. */
export function rawSkill(fields: Record<string, unknown> & { slug: string }) {
  return {
    name: `Skill ${fields.slug}`,
    aliases: [],
    area: 'area-a',
    level: 'junior',
    parent: null,
    estimatedHours: 5,
    description: `A test skill called ${fields.slug}, with a description long enough to pass validation of the dataset.`,
    ...fields,
  };
}

/** A resource record with any fields, valid or not; its access follows `free` unless given. */
export function rawResource(fields: Record<string, unknown> & { slug: string; skills: unknown }) {
  return {
    title: `Resource ${fields.slug}`,
    kind: 'ARTICLE',
    url: `https://example.org/${fields.slug}`,
    free: true,
    estimatedHours: 2,
    ...fields,
    access: fields.access ?? (fields.free === false ? 'PAID' : 'FREE'),
  };
}

/** A responsibility record with any fields, valid or not. */
function rawResponsibility(fields: Record<string, unknown> & { slug: string; skills: unknown }) {
  return {
    name: `Responsibility ${fields.slug}`,
    category: 'TECHNICAL',
    level: 'junior',
    description: 'A responsibility for tests.',
    ...fields,
  };
}

export function requires(
  skill: string,
  prerequisite: string,
  reason = `${skill} needs ${prerequisite}`,
  strength: PrerequisiteStrength = 'ESSENTIAL',
): PrerequisiteEdge {
  return { skill, requires: prerequisite, reason, strength };
}

/** A valid raw dataset; pass fields to replace whole files. */
export function buildRawDataset(files: Partial<Record<keyof RawDataset, unknown[]>> = {}): RawDataset {
  return {
    areas: [buildArea()],
    levels: [buildLevel(), buildLevel({ slug: 'senior', name: 'Senior', rank: 2 })],
    skills: [buildSkill({ slug: 'a' }), buildSkill({ slug: 'b' })],
    prerequisites: [requires('b', 'a')],
    related: [],
    responsibilities: [buildResponsibility({ slug: 'r', skills: ['a'] })],
    resources: [buildResource({ slug: 'res', skills: ['a'] })],
    ...files,
  };
}
