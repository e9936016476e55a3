import type { PrerequisiteStrength } from '../../src/domain/model/skill-graph.types';
import type { RawDataset } from '../../src/dataset/load-dataset';

// Small, readable datasets for unit and contract tests. Each factory fills the required fields
// so a test only states what matters to it.

export function buildArea(fields: Partial<Record<string, unknown>> = {}) {
  return { slug: 'area-a', name: 'Area A', description: 'An area for tests.', ...fields };
}

export function buildLevel(fields: Partial<Record<string, unknown>> = {}) {
  return { slug: 'junior', name: 'Junior', rank: 1, description: 'The first level.', ...fields };
}

export function buildSkill(fields: Partial<Record<string, unknown>> & { slug: string }) {
  return {
    name: `Skill ${fields.slug}`,
    area: 'area-a',
    level: 'junior',
    parent: null,
    estimatedHours: 5,
    description: `A test skill called ${fields.slug}, with a description long enough to pass validation of the dataset.`,
    ...fields,
  };
}

export function buildResource(fields: Partial<Record<string, unknown>> & { slug: string; skills: string[] }) {
  return {
    title: `Resource ${fields.slug}`,
    kind: 'ARTICLE',
    url: `https://example.org/${fields.slug}`,
    free: true,
    estimatedHours: 2,
    ...fields,
  };
}

export function buildResponsibility(fields: Partial<Record<string, unknown>> & { slug: string; skills: string[] }) {
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
) {
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
