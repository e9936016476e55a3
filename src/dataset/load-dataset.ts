import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ZodType } from 'zod';

import { InvalidDatasetError } from '../domain/domain-error';
import { MAX_CHAIN_DEPTH } from '../domain/limits';
import { findCycle, longestChain } from '../domain/prerequisite-graph';
import type {
  AreaRecord,
  LevelRecord,
  PrerequisiteRecord,
  RelatedRecord,
  ResourceRecord,
  ResponsibilityRecord,
  SkillRecord,
} from './dataset.schema';
import {
  areaRecord,
  levelRecord,
  prerequisiteRecord,
  relatedRecord,
  resourceRecord,
  responsibilityRecord,
  skillRecord,
} from './dataset.schema';
import type { Dataset } from './dataset.types';
import { DATA_DIR } from '../project-paths';

export const DEFAULT_DATA_DIR = DATA_DIR;

export const DATASET_FILES = {
  areas: 'areas.json',
  levels: 'levels.json',
  skills: 'skills.json',
  prerequisites: 'prerequisites.json',
  related: 'related.json',
  responsibilities: 'responsibilities.json',
  resources: 'resources.json',
} as const;

/** The dataset as read from JSON, before validation: one array per file. */
export type RawDataset = { readonly [K in keyof typeof DATASET_FILES]: unknown };

export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  const raw = Object.fromEntries(
    Object.entries(DATASET_FILES).map(([key, file]) => {
      const path = join(dir, file);
      try {
        return [key, JSON.parse(readFileSync(path, 'utf8'))];
      } catch (error) {
        throw new InvalidDatasetError([`${path}: ${(error as Error).message}`]);
      }
    }),
  ) as RawDataset;
  return parseDataset(raw);
}

/**
 * Validates a raw dataset and returns it in domain shape. Every problem found is reported at
 * once, each naming its file, index and slug, so a contributor can fix them in one pass.
 */
export function parseDataset(raw: RawDataset): Dataset {
  const problems: string[] = [];
  const parse = <T>(file: keyof RawDataset, schema: ZodType<T>): T[] => {
    const records = raw[file];
    if (!Array.isArray(records)) {
      problems.push(`${DATASET_FILES[file]}: must be a JSON array`);
      return [];
    }
    const valid: T[] = [];
    records.forEach((record: unknown, index) => {
      const result = schema.safeParse(record);
      if (result.success) {
        valid.push(result.data);
        return;
      }
      const name = nameOf(record);
      for (const issue of result.error.issues) {
        const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        problems.push(`${file}[${index}]${name}: ${where}${issue.message}`);
      }
    });
    return valid;
  };

  const areas = parse<AreaRecord>('areas', areaRecord);
  const levels = parse<LevelRecord>('levels', levelRecord);
  const skills = parse<SkillRecord>('skills', skillRecord);
  const prerequisites = parse<PrerequisiteRecord>('prerequisites', prerequisiteRecord);
  const related = parse<RelatedRecord>('related', relatedRecord);
  const responsibilities = parse<ResponsibilityRecord>('responsibilities', responsibilityRecord);
  const resources = parse<ResourceRecord>('resources', resourceRecord);

  const files = { areas, levels, skills, responsibilities, resources };
  for (const [file, records] of Object.entries(files)) {
    for (const slug of repeated(records.map((r) => r.slug))) problems.push(`${file} "${slug}": slug is used twice`);
  }
  // References resolve against every record that names a slug, valid or not, so one bad
  // record gives one problem instead of one more for each edge that points at it.
  const areaSlugs = slugsIn(raw.areas);
  const levelSlugs = slugsIn(raw.levels);
  const skillSlugs = slugsIn(raw.skills);
  const ranks = new Set<number>();
  for (const level of levels) {
    if (ranks.has(level.rank)) problems.push(`levels "${level.slug}": rank ${level.rank} is used twice`);
    ranks.add(level.rank);
  }

  const expect = (where: string, kind: string, slugs: Set<string>, value: string) => {
    if (!slugs.has(value)) problems.push(`${where}: unknown ${kind} "${value}"`);
  };
  for (const skill of skills) {
    const where = `skills "${skill.slug}"`;
    expect(where, 'area', areaSlugs, skill.area);
    expect(where, 'level', levelSlugs, skill.level);
    if (skill.parent !== null) expect(`${where} parent`, 'skill', skillSlugs, skill.parent);
    if (skill.parent === skill.slug) problems.push(`${where}: a skill cannot be its own parent`);
  }
  const parentCycle = findCycle(
    skills.filter((s) => s.parent !== null).map((s) => ({ skill: s.slug, requires: s.parent as string, reason: '' })),
  );
  if (parentCycle) problems.push(`skills: parent cycle ${parentCycle.join(' → ')}`);

  const edgeKeys = new Set<string>();
  for (const edge of prerequisites) {
    const where = `prerequisites "${edge.skill}" → "${edge.requires}"`;
    expect(where, 'skill', skillSlugs, edge.skill);
    expect(where, 'skill', skillSlugs, edge.requires);
    if (edge.skill === edge.requires) problems.push(`${where}: a skill cannot require itself`);
    const key = `${edge.skill}\u0000${edge.requires}`;
    if (edgeKeys.has(key)) problems.push(`${where}: listed twice`);
    edgeKeys.add(key);
  }
  const cycle = findCycle(prerequisites);
  if (cycle) problems.push(`prerequisites: cycle ${cycle.join(' → ')}`);
  const chain = cycle || problems.length > 0 ? [] : longestChain(prerequisites);
  if (chain.length - 1 > MAX_CHAIN_DEPTH) {
    problems.push(
      `prerequisites: a chain of ${chain.length - 1} steps is longer than ${MAX_CHAIN_DEPTH}: ${chain.join(' → ')}`,
    );
  }

  const relatedKeys = new Set<string>();
  const relatedEdges = related.map(({ skill, related: other }) => {
    const where = `related "${skill}" ↔ "${other}"`;
    expect(where, 'skill', skillSlugs, skill);
    expect(where, 'skill', skillSlugs, other);
    if (skill === other) problems.push(`${where}: a skill cannot be related to itself`);
    const [a, b] = skill < other ? [skill, other] : [other, skill];
    if (relatedKeys.has(`${a}\u0000${b}`)) problems.push(`${where}: listed twice`);
    relatedKeys.add(`${a}\u0000${b}`);
    return { skill: a, related: b };
  });

  for (const r of responsibilities) {
    const where = `responsibilities "${r.slug}"`;
    expect(where, 'level', levelSlugs, r.level);
    for (const skill of r.skills) expect(where, 'skill', skillSlugs, skill);
    for (const skill of repeated(r.skills)) problems.push(`${where}: skill "${skill}" is listed twice`);
  }
  for (const r of resources) {
    const where = `resources "${r.slug}"`;
    for (const skill of r.skills) expect(where, 'skill', skillSlugs, skill);
    for (const skill of repeated(r.skills)) problems.push(`${where}: skill "${skill}" is listed twice`);
  }

  if (problems.length > 0) throw new InvalidDatasetError(problems);

  return {
    areas: areas.map((a, i) => ({ ...a, position: i + 1 })),
    levels: [...levels].sort((a, b) => a.rank - b.rank),
    skills,
    prerequisites,
    related: relatedEdges,
    responsibilities: responsibilities.map(({ skills: _skills, ...r }, i) => ({ ...r, position: i + 1 })),
    responsibilitySkills: responsibilities.flatMap((r) => r.skills.map((skill) => ({ from: r.slug, skill }))),
    resources: resources.map(({ skills: _skills, authors, year, ...r }) => ({
      ...r,
      authors: authors ?? [],
      year: year ?? null,
    })),
    resourceSkills: resources.flatMap((r) => r.skills.map((skill) => ({ from: r.slug, skill }))),
  };
}

function nameOf(record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const slug = (record as Record<string, unknown>).slug ?? (record as Record<string, unknown>).skill;
  return typeof slug === 'string' ? ` "${slug}"` : '';
}

function slugsIn(records: unknown): Set<string> {
  const slugs = new Set<string>();
  if (!Array.isArray(records)) return slugs;
  for (const record of records) {
    const slug = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).slug : undefined;
    if (typeof slug === 'string') slugs.add(slug);
  }
  return slugs;
}

/** Values that occur more than once, each reported once. */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeats = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeats.add(value);
    seen.add(value);
  }
  return [...repeats];
}
