import type { Integer, Record as Neo4jRecord } from 'neo4j-driver';
import neo4j, { isDateTime, isInt, isNode, isRelationship } from 'neo4j-driver';

import type { Change, Problem, ProblemStatus } from '../../domain/model/editing.types';
import type { SearchHit } from '../../domain/ports/graph-store.port';

import type {
  Area,
  PrerequisiteEdge,
  PrerequisiteStrength,
  Resource,
  ResourceAccess,
  ResourceDifficulty,
  ResourceKind,
  Responsibility,
  ResponsibilityCategory,
  SeniorityLevel,
  Skill,
  SkillLink,
} from '../../domain/model/skill-graph.types';

// Both directions of the mapping. Driver values become domain values here and nowhere else: Nodes and Relationships are
// unwrapped to their properties, Neo4j Integers become numbers only when they fit exactly.

export class RecordMappingError extends Error {
  constructor(message: string) {
    super(`Unexpected Neo4j value: ${message}`);
    this.name = 'RecordMappingError';
  }
}

type Properties = Readonly<Record<string, unknown>>;

/** The properties of a Node or Relationship, or the map itself for a map projection. */
function propertiesOf(value: unknown): Properties {
  if (isNode(value as object) || isRelationship(value as object))
    return (value as { properties: Properties }).properties;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Properties;
  throw new RecordMappingError(`expected a node, relationship or map, got ${describe(value)}`);
}

/** A Neo4j Integer (or a float that holds an integer) as a JS number; refuses values a number cannot hold exactly. */
export function toNumber(value: unknown, field: string): number {
  if (isInt(value)) {
    if (!value.inSafeRange())
      throw new RecordMappingError(`${field} = ${value.toString()} is outside the safe integer range`);
    return value.toNumber();
  }
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new RecordMappingError(`${field} should be a number, got ${describe(value)}`);
}

function text(props: Properties, field: string): string {
  const value = props[field];
  if (typeof value !== 'string') throw new RecordMappingError(`${field} should be a string, got ${describe(value)}`);
  return value;
}

function optionalText(props: Properties, field: string): string | null {
  return props[field] === null || props[field] === undefined ? null : text(props, field);
}

/** A list of strings, [] when the property is absent. */
function textList(props: Properties, field: string): string[] {
  const value = props[field] ?? [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new RecordMappingError(`${field} should be a list of strings, got ${describe(value)}`);
  }
  return value as string[];
}

export function toArea(value: unknown): Area {
  const p = propertiesOf(value);
  return {
    slug: text(p, 'slug'),
    name: text(p, 'name'),
    description: text(p, 'description'),
    position: toNumber(p.position, 'position'),
  };
}

export function toLevel(value: unknown): SeniorityLevel {
  const p = propertiesOf(value);
  return {
    slug: text(p, 'slug'),
    name: text(p, 'name'),
    rank: toNumber(p.rank, 'rank'),
    description: text(p, 'description'),
  };
}

export function toSkill(value: unknown): Skill {
  const p = propertiesOf(value);
  return {
    slug: text(p, 'slug'),
    name: text(p, 'name'),
    // A skill written before aliases existed has none stored.
    aliases: textList(p, 'aliases'),
    description: text(p, 'description'),
    estimatedHours: toNumber(p.estimatedHours, 'estimatedHours'),
    area: text(p, 'area'),
    level: text(p, 'level'),
    parent: optionalText(p, 'parent'),
  };
}

export function toResponsibility(value: unknown): Responsibility {
  const p = propertiesOf(value);
  return {
    slug: text(p, 'slug'),
    name: text(p, 'name'),
    description: text(p, 'description'),
    category: text(p, 'category') as ResponsibilityCategory,
    level: text(p, 'level'),
    position: toNumber(p.position, 'position'),
  };
}

export function toResource(value: unknown): Resource {
  const p = propertiesOf(value);
  const authors = p.authors ?? [];
  if (!Array.isArray(authors) || authors.some((a) => typeof a !== 'string')) {
    throw new RecordMappingError(`authors should be a list of strings, got ${describe(authors)}`);
  }
  return {
    slug: text(p, 'slug'),
    title: text(p, 'title'),
    kind: text(p, 'kind') as ResourceKind,
    url: text(p, 'url'),
    authors: authors as string[],
    year: p.year === null || p.year === undefined ? null : toNumber(p.year, 'year'),
    free: p.free === true,
    access: text(p, 'access') as ResourceAccess,
    difficulty:
      p.difficulty === null || p.difficulty === undefined ? null : (text(p, 'difficulty') as ResourceDifficulty),
    estimatedHours: toNumber(p.estimatedHours, 'estimatedHours'),
  };
}

/** `{skill, requires}` where `requires` is the REQUIRES relationship holding the reason and strength. */
export function toSkillLink(value: unknown): SkillLink {
  const p = propertiesOf(value);
  const edge = propertiesOf(p.requires);
  return { skill: toSkill(p.skill), reason: text(edge, 'reason'), strength: toStrength(edge.strength) };
}

export function toPrerequisiteEdge(value: unknown): PrerequisiteEdge {
  const p = propertiesOf(value);
  return {
    skill: text(p, 'skill'),
    requires: text(p, 'requires'),
    reason: text(p, 'reason'),
    strength: toStrength(p.strength),
  };
}

function toStrength(value: unknown): PrerequisiteStrength {
  if (value === 'ESSENTIAL' || value === 'HELPFUL') return value;
  throw new RecordMappingError(`strength should be ESSENTIAL or HELPFUL, got ${describe(value)}`);
}

/** A Neo4j DateTime as the ISO 8601 string the domain uses (millisecond precision, UTC). */
function toIsoString(value: unknown, field: string): string {
  if (isDateTime(value as object)) return (value as { toStandardDate(): Date }).toStandardDate().toISOString();
  if (typeof value === 'string') return value;
  throw new RecordMappingError(`${field} should be a date-time, got ${describe(value)}`);
}

export function toChange(value: unknown): Change {
  const p = propertiesOf(value);
  return {
    sequence: toNumber(p.sequence, 'sequence'),
    at: toIsoString(p.at, 'at'),
    editor: text(p, 'editor'),
    operation: text(p, 'operation'),
    subject: text(p, 'subject'),
    details: text(p, 'details'),
  };
}

export function toProblem(value: unknown): Problem {
  const p = propertiesOf(value);
  return {
    id: text(p, 'id'),
    sequence: toNumber(p.sequence, 'sequence'),
    skill: text(p, 'skill'),
    message: text(p, 'message'),
    status: text(p, 'status') as ProblemStatus,
    reportedAt: toIsoString(p.reportedAt, 'reportedAt'),
    resolvedAt: p.resolvedAt == null ? null : toIsoString(p.resolvedAt, 'resolvedAt'),
    resolvedBy: optionalText(p, 'resolvedBy'),
    resolution: optionalText(p, 'resolution'),
  };
}

/** A row of search.cypher: score, kind, node, and the area, level and parent of a skill. */
export function toSearchHit(record: Neo4jRecord): SearchHit {
  const score = toNumber(record.get('score'), 'score');
  const node = record.get('node');
  switch (record.get('kind')) {
    case 'Skill': {
      const links = { area: record.get('area'), level: record.get('level'), parent: record.get('parent') };
      return { kind: 'Skill', score, node: toSkill({ ...propertiesOf(node), ...links }) };
    }
    case 'Resource':
      return { kind: 'Resource', score, node: toResource(node) };
    case 'Area':
      return { kind: 'Area', score, node: toArea(node) };
    default:
      throw new RecordMappingError(`unknown search hit kind ${describe(record.get('kind'))}`);
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object'
    ? (value.constructor?.name ?? 'an object')
    : `${typeof value} ${JSON.stringify(value)}`;
}

/** One row of an import statement's `$rows`. */
export type ImportRow = Readonly<Record<string, string | boolean | null | Integer | readonly string[]>>;

// The other direction: domain values as the `$rows` of the import statements (which the API's
// writes reuse). Whole numbers are sent as Neo4j Integers: a JS number would be stored as a
// float (5.0, not 5).

const int = (value: number) => neo4j.int(value);

/** Null counts keep those the node has (an API write; the store maintains them). */
export function skillRow(s: Skill, counts: { essential: number; all: number } | null): ImportRow {
  return {
    slug: s.slug,
    name: s.name,
    aliases: s.aliases,
    description: s.description,
    estimatedHours: int(s.estimatedHours),
    area: s.area,
    level: s.level,
    unlockCount: counts === null ? null : int(counts.essential),
    unlockCountAll: counts === null ? null : int(counts.all),
  };
}

export function skillParentRow(s: Skill): ImportRow {
  return { slug: s.slug, parent: s.parent };
}

export function resourceRow(r: Resource): ImportRow {
  return {
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    url: r.url,
    authors: r.authors,
    year: r.year === null ? null : int(r.year),
    free: r.free,
    access: r.access,
    difficulty: r.difficulty,
    estimatedHours: int(r.estimatedHours),
  };
}
