import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { InvalidDatasetError } from '../domain/model/domain-error';
import type { ClaimedSlugs } from '../domain/editing/integrity/graph-rules';
import { graphProblems } from '../domain/editing/integrity/graph-rules';
import type { RecordKind, RecordOfKind } from '../domain/editing/integrity/record-rules';
import { checkRecord } from '../domain/editing/integrity/record-rules';
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

/** The edition of the content: `{ "version": "2.0.0", "date": "2026-12-01" }`. */
export const DATASET_VERSION_FILE = 'dataset.json';

/** A dataset and the fingerprint of the files it was read from. */
export interface ReadDataset {
  readonly dataset: Dataset;
  /**
   * sha256 over every file's name and bytes: what the embedded store's journal records as the
   * data/ its changes were made on. Hashing the bytes as read costs tens of milliseconds at
   * 100,000 skills; serialising the parsed dataset again to hash it cost most of a second.
   */
  readonly fingerprint: string;
}

export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  return readDataset(dir).dataset;
}

/** Beside data/ while data:export swaps it for its new version (replaceDatasetFolder). */
export const STAGED_SUFFIX = '.export-new';
export const OLD_SUFFIX = '.export-old';

export function readDataset(dir: string = DEFAULT_DATA_DIR): ReadDataset {
  dir = recoverInterruptedExport(dir);
  const hash = createHash('sha256');
  const read = (file: string): unknown => {
    const path = join(dir, file);
    try {
      const bytes = readFileSync(path);
      hash.update(`${file}\u0000${bytes.length}\u0000`).update(bytes);
      return JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new InvalidDatasetError([`${path}: ${(error as Error).message}`]);
    }
  };
  const raw = Object.fromEntries(Object.entries(DATASET_FILES).map(([key, file]) => [key, read(file)])) as RawDataset;
  // Optional: a folder without it (a test's, a generated graph's) has no edition to report.
  if (!existsSync(join(dir, DATASET_VERSION_FILE))) {
    const dataset = parseDataset(raw);
    return { dataset, fingerprint: `files:${hash.digest('hex')}` };
  }
  const version = checkRecord('datasetVersion', read(DATASET_VERSION_FILE));
  if (!version.ok) {
    throw new InvalidDatasetError(
      version.problems.map(
        ({ field, message }) => `${DATASET_VERSION_FILE}: ${field === '' ? '' : `${field}: `}${message}`,
      ),
    );
  }
  const dataset = { version: version.record, ...parseDataset(raw) };
  return { dataset, fingerprint: `files:${hash.digest('hex')}` };
}

/**
 * Where to read data/ from after a crash in the middle of data:export's folder swap, tidying up
 * when the disk allows. The swap took effect once the new folder has data/'s name: before that
 * the old folder is data/, so a missing data/ beside `<dir>.export-old` is renamed back. A
 * staged copy beside an intact data/ never took effect and is removed.
 */
function recoverInterruptedExport(given: string): string {
  const dir = resolve(given);
  const staged = `${dir}${STAGED_SUFFIX}`;
  const old = `${dir}${OLD_SUFFIX}`;
  const tidy = (folder: string) => {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // A read-only disk: harmless, tidied at a later start.
    }
  };
  if (!existsSync(dir) && existsSync(old)) {
    try {
      renameSync(old, dir);
    } catch {
      return old;
    }
  }
  if (existsSync(dir) && existsSync(staged)) tidy(staged);
  if (existsSync(dir) && existsSync(old)) tidy(old);
  return dir;
}

/**
 * Validates a raw dataset with the graph's integrity rules (domain/editing/integrity, the rules every
 * edit obeys too) and returns it in domain shape, normalised as an edit would be. Every problem
 * found is reported at once, each naming its file, index and slug, so a contributor can fix them
 * in one pass.
 */
export function parseDataset(raw: RawDataset): Dataset {
  const problems: string[] = [];
  const parse = <K extends RecordKind>(file: keyof RawDataset, kind: K): RecordOfKind<K>[] => {
    const records = raw[file];
    if (!Array.isArray(records)) {
      problems.push(`${DATASET_FILES[file]}: must be a JSON array`);
      return [];
    }
    const valid: RecordOfKind<K>[] = [];
    records.forEach((record: unknown, index) => {
      const result = checkRecord(kind, record);
      if (result.ok) {
        valid.push(result.record);
        return;
      }
      const name = nameOf(record);
      for (const { field, message } of result.problems) {
        problems.push(`${file}[${index}]${name}: ${field === '' ? '' : `${field}: `}${message}`);
      }
    });
    return valid;
  };

  const areas = parse('areas', 'area');
  const levels = parse('levels', 'level');
  const skills = parse('skills', 'skill');
  const prerequisites = parse('prerequisites', 'prerequisite');
  const related = parse('related', 'related');
  const responsibilities = parse('responsibilities', 'responsibility');
  const resources = parse('resources', 'resource');

  const claimed: ClaimedSlugs = { areas: slugsIn(raw.areas), levels: slugsIn(raw.levels), skills: slugsIn(raw.skills) };
  const graph = { areas, levels, skills, prerequisites, related, responsibilities, resources };
  for (const problem of graphProblems(graph, claimed)) problems.push(problem.message);

  if (problems.length > 0) throw new InvalidDatasetError(problems);

  return {
    areas: areas.map((a, i) => ({ ...a, position: i + 1 })),
    levels: [...levels].sort((a, b) => a.rank - b.rank),
    skills,
    prerequisites,
    // Undirected: stored once, with its two ends in slug order.
    related: related.map(({ skill, related: other }) =>
      skill < other ? { skill, related: other } : { skill: other, related: skill },
    ),
    responsibilities: responsibilities.map(({ skills: _skills, ...r }, i) => ({ ...r, position: i + 1 })),
    responsibilitySkills: responsibilities.flatMap((r) => r.skills.map((skill) => ({ from: r.slug, skill }))),
    resources: resources.map(({ skills: _skills, ...r }) => r),
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
