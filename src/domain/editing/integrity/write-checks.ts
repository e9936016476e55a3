import type { EntityKind, RecordRef } from '../../model/domain-error';
import {
  ChainTooLongError,
  IntegrityViolationError,
  InvalidInputError,
  PrerequisiteCycleError,
} from '../../model/domain-error';
import { MAX_CHAIN_DEPTH } from '../../model/limits';
import type { EntityReader, RelationReader, TraversalReader } from '../../ports/graph-store.port';
import { longestPathFrom, shortestPrerequisitePath } from '../../graph/prerequisite-graph';
import type { RecordKind } from './record-rules';
import { checkRecord } from './record-rules';
import type { RuleId } from './rules';
import { INTEGRITY_RULES } from './rules';

// The graph's rules, checked inside a write transaction on what the write touches, against the
// data as the transaction sees it. The loader checks the same rules over the whole graph
// (record-rules.ts for each record, graph-rules.ts for records together); checking only the
// touched records keeps a write's cost independent of the graph's size.

/** What a write changed, and so what must still obey every rule when it is done. */
export interface Touched {
  readonly skills?: readonly string[];
  readonly resources?: readonly string[];
  readonly responsibilities?: readonly string[];
  readonly prerequisites?: readonly { readonly skill: string; readonly requires: string }[];
}

const LINK_RULES = new Set<RuleId>(['resource-teaches-a-skill', 'responsibility-needs-a-skill']);

interface Violation {
  readonly rule: RuleId;
  readonly record: RecordRef;
  readonly detail: string;
}

/** What checking the touched records reads. */
type TouchedReader = Omit<EntityReader, 'findProblemsByIds'> &
  Pick<RelationReader, 'skillsOfResources' | 'skillsOfResponsibilities' | 'prerequisitesOfSkills'>;

/** Checks one stored record with the loader's rules, adding what it breaks to `violations`. */
type CheckRecord = (kind: RecordKind, entity: EntityKind, slug: string, stored: Record<string, unknown>) => void;

/**
 * Re-reads every touched record that still exists, in the transaction, as the dataset would
 * hold it, and checks it with the loader's rules: its fields (already normalised, as the loader
 * would read them), its links (a resource teaches a skill, a responsibility needs one) and its
 * references. Throws IntegrityViolationError (CONFLICT) naming the first broken rule and every
 * record breaking it, so the transaction writes nothing.
 */
export async function verifyTouched(reader: TouchedReader, touched: Touched): Promise<void> {
  const violations: Violation[] = [];
  const check = recordChecker(violations);
  await checkSkills(reader, distinct(touched.skills), check, violations);
  await checkResources(reader, distinct(touched.resources), check);
  await checkResponsibilities(reader, distinct(touched.responsibilities), check);
  await checkPrerequisites(reader, touched.prerequisites ?? [], check);
  if (violations.length > 0) throw violationError(violations);
}

function recordChecker(violations: Violation[]): CheckRecord {
  return (kind, entity, slug, stored) => {
    const checked = checkRecord(kind, stored);
    if (!checked.ok) {
      for (const p of checked.problems) {
        // A list too short breaks a rule whose description says it all ("every resource teaches...").
        const detail = LINK_RULES.has(p.rule) ? '' : `${p.field} ${p.message}`;
        violations.push({ rule: p.rule, record: { kind: entity, slug }, detail });
      }
      return;
    }
    // The loader would read back the normalised record; the store must already hold exactly that.
    for (const [field, value] of Object.entries(checked.record)) {
      if (!sameValue(value, stored[field])) {
        violations.push({
          rule: 'normalised',
          record: { kind: entity, slug },
          detail: `${field} is not stored normalised`,
        });
      }
    }
  };
}

/** Each skill's fields, and that its area, level and parent exist. */
async function checkSkills(
  reader: TouchedReader,
  skillSlugs: readonly string[],
  check: CheckRecord,
  violations: Violation[],
): Promise<void> {
  if (skillSlugs.length === 0) return;
  const skills = (await reader.findSkillsBySlugs(skillSlugs)).filter((s) => s !== null);
  for (const s of skills) {
    const { slug, name, aliases, area, level, parent, estimatedHours, description } = s;
    check('skill', 'Skill', slug, { slug, name, aliases, area, level, parent, estimatedHours, description });
  }
  const noArea = await missing(distinct(skills.map((s) => s.area)), (x) => reader.findAreasBySlugs(x));
  const noLevel = await missing(distinct(skills.map((s) => s.level)), (x) => reader.findLevelsBySlugs(x));
  const parents = distinct(skills.flatMap((s) => (s.parent === null ? [] : [s.parent])));
  const noParent = await missing(parents, (x) => reader.findSkillsBySlugs(x));
  for (const s of skills) {
    const record = { kind: 'Skill' as const, slug: s.slug };
    if (noArea.has(s.area)) violations.push({ rule: 'known-reference', record, detail: `unknown area "${s.area}"` });
    if (noLevel.has(s.level))
      violations.push({ rule: 'known-reference', record, detail: `unknown level "${s.level}"` });
    if (s.parent !== null && noParent.has(s.parent)) {
      violations.push({ rule: 'known-reference', record, detail: `unknown parent "${s.parent}"` });
    }
  }
}

/** The slugs of `slugs` that `find` does not find. */
async function missing<T>(
  slugs: string[],
  find: (slugs: readonly string[]) => Promise<readonly (T | null)[]>,
): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const found = await find(slugs);
  return new Set(slugs.filter((_, i) => found[i] === null));
}

/** Each resource's fields, with the skills it teaches. */
async function checkResources(reader: TouchedReader, resourceSlugs: string[], check: CheckRecord): Promise<void> {
  if (resourceSlugs.length === 0) return;
  const resources = await reader.findResourcesBySlugs(resourceSlugs);
  const taught = await reader.skillsOfResources(resourceSlugs);
  resources.forEach((r, i) => {
    if (r === null) return;
    const { slug, title, kind, url, authors, year, free, access, difficulty, estimatedHours } = r;
    const skills = taught[i].map((s) => s.slug);
    check('resource', 'Resource', slug, {
      slug,
      title,
      kind,
      url,
      authors,
      year,
      free,
      access,
      difficulty,
      estimatedHours,
      skills,
    });
  });
}

/** Each responsibility's fields, with the skills it needs. */
async function checkResponsibilities(reader: TouchedReader, slugs: string[], check: CheckRecord): Promise<void> {
  if (slugs.length === 0) return;
  const responsibilities = await reader.findResponsibilitiesBySlugs(slugs);
  const needed = await reader.skillsOfResponsibilities(slugs);
  responsibilities.forEach((r, i) => {
    if (r === null) return;
    const { slug, name, category, level, description } = r;
    const skills = needed[i].map((s) => s.slug);
    check('responsibility', 'Responsibility', slug, { slug, name, category, level, description, skills });
  });
}

/** Each prerequisite edge that still exists, with its stored reason and strength. */
async function checkPrerequisites(
  reader: TouchedReader,
  edges: NonNullable<Touched['prerequisites']>,
  check: CheckRecord,
): Promise<void> {
  if (edges.length === 0) return;
  const links = await reader.prerequisitesOfSkills(edges.map((e) => e.skill));
  edges.forEach((edge, i) => {
    const link = links[i].find((l) => l.skill.slug === edge.requires);
    if (link === undefined) return;
    const subject = `${edge.skill} -> ${edge.requires}`;
    check('prerequisite', 'Prerequisite', subject, { ...edge, reason: link.reason, strength: link.strength });
  });
}

/**
 * Refuses a REQUIRES edge from `skill` to `requires` that would close a loop (with the shortest
 * loop, smallest slugs first) or make a chain longer than MAX_CHAIN_DEPTH (with that chain).
 * Both skills exist. Every chain is at most MAX_CHAIN_DEPTH long, so closures of that depth see
 * every path the new edge could join.
 */
export async function checkNewPrerequisite(
  reader: Pick<TraversalReader, 'prerequisiteClosure' | 'dependentClosure'>,
  skill: string,
  requires: string,
): Promise<void> {
  // The rules hold over every edge, helpful ones included.
  const below = (await reader.prerequisiteClosure([requires], MAX_CHAIN_DEPTH, 'all')).edges;
  const loop = shortestPrerequisitePath(requires, skill, below);
  if (loop !== null) throw new PrerequisiteCycleError([skill, ...loop]);
  const above = (await reader.dependentClosure([skill], MAX_CHAIN_DEPTH, 'all')).edges;
  const chain = [
    ...longestPathFrom(skill, above, 'dependents').reverse(),
    ...longestPathFrom(requires, below, 'prerequisites'),
  ];
  if (chain.length - 1 > MAX_CHAIN_DEPTH) throw new ChainTooLongError(chain, MAX_CHAIN_DEPTH);
}

/** Refuses `parent` for `slug` when it is the skill itself or one of its sub-topics, at any depth. */
export async function checkNewParent(
  reader: Pick<EntityReader, 'findSkillsBySlugs'>,
  slug: string,
  parent: string,
  field: string,
): Promise<void> {
  const seen = new Set<string>();
  for (let at: string | null = parent; at !== null && !seen.has(at);) {
    if (at === slug) {
      throw new InvalidInputError([
        { field, rule: 'acyclic-parents', message: `would make "${slug}" a sub-topic of itself` },
      ]);
    }
    seen.add(at);
    at = (await reader.findSkillsBySlugs([at]))[0]?.parent ?? null;
  }
}

function violationError(violations: readonly Violation[]): IntegrityViolationError {
  const order = Object.keys(INTEGRITY_RULES) as RuleId[];
  const rule = [...violations].sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule))[0].rule;
  const first = violations.filter((v) => v.rule === rule);
  const records = distinctBy(
    first.map((v) => v.record),
    (r) => `${r.kind}:${r.slug}`,
  );
  const others = violations.filter((v) => v.rule !== rule).map((v) => `${v.rule}: ${v.record.kind} "${v.record.slug}"`);
  const details = [...new Set(first.map((v) => v.detail).filter((d) => d !== ''))];
  if (others.length > 0) details.push(`also ${others.join(', ')}`);
  return new IntegrityViolationError(
    rule,
    INTEGRITY_RULES[rule],
    records,
    details.length > 0 ? details.join('; ') : undefined,
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}

function distinct(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}

function distinctBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const value of values) if (!byKey.has(key(value))) byKey.set(key(value), value);
  return [...byKey.values()];
}
