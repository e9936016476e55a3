import type { FieldProblem } from '../../model/domain-error';
import { InvalidInputError } from '../../model/domain-error';
import {
  PREREQUISITE_STRENGTHS,
  RESOURCE_ACCESS,
  RESOURCE_DIFFICULTIES,
  RESOURCE_KINDS,
  isFreeAccess,
  RESPONSIBILITY_CATEGORIES,
  type PrerequisiteStrength,
  type ResourceAccess,
  type ResourceDifficulty,
  type ResourceKind,
  type ResponsibilityCategory,
} from '../../model/skill-graph.types';
import type { ValueIssue, ValueRule } from './field-rules';
import { boolean, calendarDate, httpsUrl, list, oneOf, semanticVersion, slug, text, wholeNumber } from './field-rules';

// The fields of every kind of record, for data/ and for editors alike. A record that passes here
// is stored exactly as returned: trimmed, with `[]` or `null` where an optional field was left out.

export const LIMITS = {
  areaName: 80,
  levelName: 40,
  skillName: 120,
  alias: 60,
  aliasesMax: 12,
  skillDescriptionMin: 80,
  skillDescriptionMax: 2000,
  responsibilityName: 160,
  description: 1000,
  resourceTitle: 200,
  author: 120,
  // Papers have many: the Spanner paper lists 26.
  authorsMax: 50,
  skillsMax: 100,
  reason: 200,
  hoursMin: 1,
  hoursMax: 1000,
  rankMax: 1000,
  yearMin: 1950,
  yearMax: 2100,
  problemMessageMin: 10,
  problemMessageMax: 2000,
  resolution: 1000,
} as const;

interface FieldSpec<T> {
  readonly rule: ValueRule<T>;
  /** What an absent or null value means. Without it the field is required and never null. */
  readonly empty?: { readonly value: T };
}

const required = <T>(rule: ValueRule<T>): FieldSpec<T> => ({ rule });
const optional = <T, E extends T>(rule: ValueRule<T>, empty: E): FieldSpec<T> => ({ rule, empty: { value: empty } });

type Fields = Readonly<Record<string, FieldSpec<unknown>>>;
type RecordOf<F extends Fields> = { -readonly [K in keyof F]: F[K] extends FieldSpec<infer T> ? T : never };

interface RecordSpec<F extends Fields> {
  readonly fields: F;
  /** Rules of the whole record, after its fields passed. */
  readonly whole?: (record: RecordOf<F>) => ValueIssue[];
}

const hours = wholeNumber(LIMITS.hoursMin, LIMITS.hoursMax);
const skillList = (rule: 'resource-teaches-a-skill' | 'responsibility-needs-a-skill') =>
  list(slug, {
    min: 1,
    max: LIMITS.skillsMax,
    minRule: rule,
    tooFew: 'must name at least one skill',
    tooMany: `must name at most ${LIMITS.skillsMax} skills`,
    distinct: true,
  });
const differs = (first: string, second: string, field: string, message: string): ValueIssue[] =>
  first === second ? [{ at: `.${field}`, rule: 'not-itself', message }] : [];

/** The message of a `free` flag that contradicts `access`. */
const freeMismatch = (access: ResourceAccess): string =>
  `must be ${isFreeAccess(access)} when access is ${access}: only PAID costs something`;

function spec<F extends Fields>(fields: F, whole?: (record: RecordOf<F>) => ValueIssue[]): RecordSpec<F> {
  return { fields, whole };
}

const RECORD_SPECS = {
  datasetVersion: spec({ version: required(semanticVersion), date: required(calendarDate) }),
  area: spec({
    slug: required(slug),
    name: required(text(1, LIMITS.areaName)),
    description: required(text(1, LIMITS.description)),
  }),
  level: spec({
    slug: required(slug),
    name: required(text(1, LIMITS.levelName)),
    rank: required(wholeNumber(1, LIMITS.rankMax)),
    description: required(text(1, LIMITS.description)),
  }),
  skill: spec(
    {
      slug: required(slug),
      name: required(text(1, LIMITS.skillName)),
      // Two skills may share one ("SSO" is authentication's and OpenID Connect's): search ranks both.
      aliases: optional(
        list(text(1, LIMITS.alias), {
          min: 0,
          max: LIMITS.aliasesMax,
          tooFew: '',
          tooMany: `must list at most ${LIMITS.aliasesMax} aliases`,
          distinct: 'ignoring-case',
        }),
        [],
      ),
      description: required(text(LIMITS.skillDescriptionMin, LIMITS.skillDescriptionMax)),
      estimatedHours: required(hours),
      area: required(slug),
      level: required(slug),
      parent: optional<string | null, null>(slug, null),
    },
    (skill) => [
      ...(skill.parent === null ? [] : differs(skill.parent, skill.slug, 'parent', 'must not be the skill itself')),
      // The name is matched already; an alias repeating it only says the same thing twice.
      ...skill.aliases.flatMap((alias, i) =>
        alias.toLowerCase() === skill.name.toLowerCase()
          ? [{ at: `.aliases.${i}`, rule: 'alias-not-name' as const, message: "must differ from the skill's name" }]
          : [],
      ),
    ],
  ),
  prerequisite: spec(
    {
      skill: required(slug),
      requires: required(slug),
      reason: required(text(1, LIMITS.reason)),
      strength: required(oneOf<PrerequisiteStrength>(PREREQUISITE_STRENGTHS)),
    },
    (edge) => differs(edge.requires, edge.skill, 'requires', 'must differ from skill'),
  ),
  related: spec({ skill: required(slug), related: required(slug) }, (edge) =>
    differs(edge.related, edge.skill, 'related', 'must differ from skill'),
  ),
  responsibility: spec({
    slug: required(slug),
    name: required(text(1, LIMITS.responsibilityName)),
    category: required(oneOf<ResponsibilityCategory>(RESPONSIBILITY_CATEGORIES)),
    level: required(slug),
    description: required(text(1, LIMITS.description)),
    skills: required(skillList('responsibility-needs-a-skill')),
  }),
  resource: spec(
    {
      slug: required(slug),
      title: required(text(1, LIMITS.resourceTitle)),
      kind: required(oneOf<ResourceKind>(RESOURCE_KINDS)),
      url: required(httpsUrl),
      authors: optional(
        list(text(1, LIMITS.author), {
          min: 0,
          max: LIMITS.authorsMax,
          tooFew: '',
          tooMany: `must list at most ${LIMITS.authorsMax} authors`,
        }),
        [],
      ),
      year: optional<number | null, null>(wholeNumber(LIMITS.yearMin, LIMITS.yearMax), null),
      free: required(boolean),
      access: required(oneOf<ResourceAccess>(RESOURCE_ACCESS)),
      difficulty: optional<ResourceDifficulty | null, null>(oneOf<ResourceDifficulty>(RESOURCE_DIFFICULTIES), null),
      estimatedHours: required(hours),
      skills: required(skillList('resource-teaches-a-skill')),
    },
    (resource): ValueIssue[] => [
      ...(resource.kind === 'BOOK' && (resource.authors.length === 0 || resource.year === null)
        ? [{ at: '', rule: 'book-details' as const, message: 'a BOOK needs authors and year' }]
        : []),
      ...(resource.free === isFreeAccess(resource.access)
        ? []
        : [{ at: '.free', rule: 'free-matches-access' as const, message: freeMismatch(resource.access) }]),
    ],
  ),
};

type Specs = typeof RECORD_SPECS;
export type RecordKind = keyof Specs;
/** A record of `kind` as data/ holds it, normalised: what a store keeps. */
export type RecordOfKind<K extends RecordKind> = RecordOf<Specs[K]['fields']>;

export type RecordCheck<T> =
  { readonly ok: true; readonly record: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const join = (prefix: string, at: string) => (prefix === '' ? at.replace(/^\./, '') : `${prefix}${at}`);

/**
 * Checks a whole record of `kind` (from a data file, or an editor's new record) and returns it
 * normalised. Problems name the field under `prefix` ("input.name"; "name" when it is empty).
 */
export function checkRecord<K extends RecordKind>(kind: K, value: unknown, prefix = ''): RecordCheck<RecordOfKind<K>> {
  const checked = checkFields(kind, value, prefix, 'whole');
  if (!checked.ok) return checked;
  const problems = wholeProblems(kind, checked.record as RecordOfKind<K>, prefix);
  return problems.length > 0 ? { ok: false, problems } : (checked as RecordCheck<RecordOfKind<K>>);
}

/**
 * Checks the fields a patch gives and returns them normalised. Left-out fields stay out; null
 * means the field's empty value where it has one ("parent: null" removes the parent) and is
 * refused elsewhere, since a null flag or title is not a value any record may hold.
 */
function checkPatch<K extends RecordKind>(kind: K, patch: object, prefix = ''): RecordCheck<Partial<RecordOfKind<K>>> {
  return checkFields(kind, patch, prefix, 'patch') as RecordCheck<Partial<RecordOfKind<K>>>;
}

/** The rules of a whole record of `kind` (a BOOK has authors and a year), for a patched record. */
export function wholeProblems<K extends RecordKind>(kind: K, record: RecordOfKind<K>, prefix = ''): FieldProblem[] {
  const whole = RECORD_SPECS[kind].whole as ((record: RecordOfKind<K>) => ValueIssue[]) | undefined;
  return (whole?.(record) ?? []).map((issue) => ({
    field: join(prefix, issue.at) || prefix,
    rule: issue.rule,
    message: issue.message,
  }));
}

/** checkRecord, throwing InvalidInputError (BAD_USER_INPUT) with every problem. */
export function requireRecord<K extends RecordKind>(kind: K, value: unknown, prefix = ''): RecordOfKind<K> {
  return orThrow(checkRecord(kind, value, prefix));
}

/** checkPatch, throwing InvalidInputError (BAD_USER_INPUT) with every problem. */
export function requirePatch<K extends RecordKind>(kind: K, patch: object, prefix = ''): Partial<RecordOfKind<K>> {
  return orThrow(checkPatch(kind, patch, prefix));
}

/** One value under one rule, as an argument named `field`: throws InvalidInputError when it breaks it. */
export function requireValue<T>(field: string, value: unknown, rule: ValueRule<T>): T {
  const checked = rule(value);
  if (checked.ok) return checked.value;
  throw new InvalidInputError(
    checked.issues.map((issue) => ({ field: `${field}${issue.at}`, rule: issue.rule, message: issue.message })),
  );
}

function orThrow<T>(checked: RecordCheck<T>): T {
  if (!checked.ok) throw new InvalidInputError(checked.problems);
  return checked.record;
}

function checkFields(
  kind: RecordKind,
  value: unknown,
  prefix: string,
  mode: 'whole' | 'patch',
): RecordCheck<Record<string, unknown>> {
  const fields: Fields = RECORD_SPECS[kind].fields;
  const at = (name: string) => join(prefix, `.${name}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ field: prefix, rule: 'required', message: `must be a ${kind} record` }] };
  }
  const given = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const record: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    if (given[name] === undefined) continue;
    if (!Object.hasOwn(fields, name)) {
      problems.push({ field: at(name), rule: 'known-field', message: `is not a field of a ${kind}` });
    } else if (mode === 'patch' && name === 'slug') {
      // A slug is the record's identity: changing it is a new record, not a patch.
      problems.push({ field: at(name), rule: 'known-field', message: 'cannot be changed' });
    }
  }
  for (const [name, field] of Object.entries(fields)) {
    const raw = given[name];
    if (raw === undefined && mode === 'patch') continue;
    if (raw === undefined || raw === null) {
      if (field.empty !== undefined) record[name] = field.empty.value;
      else
        problems.push({
          field: at(name),
          rule: 'required',
          message: raw === null ? 'must not be null' : 'is required',
        });
      continue;
    }
    const checked = field.rule(raw);
    if (checked.ok) record[name] = checked.value;
    else {
      for (const issue of checked.issues) {
        problems.push({ field: join(at(name), issue.at), rule: issue.rule, message: issue.message });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, record };
}
