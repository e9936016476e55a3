import type { FieldProblem } from './domain-error';
import { InvalidInputError } from './domain-error';
import type { ResourcePatch, SkillInput, SkillPatch } from './editing.types';
import { LIMITS, SLUG_MAX, SLUG_PATTERN, isHttpsUrl } from './rules';
import { RESOURCE_KINDS } from './skill-graph.types';

// Field checks for editors' input, with the rules of rules.ts. Each returns every problem found,
// so a client can fix a form in one go.

type Check = (field: string, value: unknown) => string | null;

const slug: Check = (_f, v) =>
  typeof v === 'string' && v.length <= SLUG_MAX && SLUG_PATTERN.test(v)
    ? null
    : `must be a kebab-case slug of at most ${SLUG_MAX} characters, such as "domain-driven-design"`;

const text =
  (min: number, max: number): Check =>
  (_f, v) =>
    typeof v === 'string' && v.trim().length >= min && v.length <= max ? null : `must be ${min} to ${max} characters`;

const integer =
  (min: number, max: number): Check =>
  (_f, v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `must be a whole number from ${min} to ${max}`;

const hours = integer(LIMITS.hoursMin, LIMITS.hoursMax);

function check(problems: FieldProblem[], field: string, value: unknown, rule: Check): void {
  const message = rule(field, value);
  if (message !== null) problems.push({ field, message });
}

function fail(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new InvalidInputError(problems);
}

export function validateSlugArgument(field: string, value: string): void {
  const problems: FieldProblem[] = [];
  check(problems, field, value, slug);
  fail(problems);
}

export function validateSkill(input: SkillPatch & { slug?: string }, prefix = 'input'): void {
  const problems: FieldProblem[] = [];
  const at = (name: string) => `${prefix}.${name}`;
  if (input.slug !== undefined) check(problems, at('slug'), input.slug, slug);
  if (input.name !== undefined) check(problems, at('name'), input.name, text(1, LIMITS.skillName));
  if (input.description !== undefined) {
    check(problems, at('description'), input.description, text(LIMITS.skillDescriptionMin, LIMITS.skillDescriptionMax));
  }
  if (input.estimatedHours !== undefined) check(problems, at('estimatedHours'), input.estimatedHours, hours);
  if (input.area !== undefined) check(problems, at('area'), input.area, slug);
  if (input.level !== undefined) check(problems, at('level'), input.level, slug);
  if (input.parent != null) check(problems, at('parent'), input.parent, slug);
  if (input.parent != null && input.parent === input.slug)
    problems.push({ field: at('parent'), message: 'must not be the skill itself' });
  fail(problems);
}

export function validateNewSkill(input: SkillInput): void {
  validateSkill(input);
}

export function validateResource(input: ResourcePatch & { slug?: string }, prefix = 'input'): void {
  const problems: FieldProblem[] = [];
  const at = (name: string) => `${prefix}.${name}`;
  if (input.slug !== undefined) check(problems, at('slug'), input.slug, slug);
  if (input.title !== undefined) check(problems, at('title'), input.title, text(1, LIMITS.resourceTitle));
  if (input.kind !== undefined && !RESOURCE_KINDS.includes(input.kind)) {
    problems.push({ field: at('kind'), message: `must be one of ${RESOURCE_KINDS.join(', ')}` });
  }
  if (input.url !== undefined && !isHttpsUrl(input.url)) {
    problems.push({ field: at('url'), message: 'must be an absolute https URL' });
  }
  if (input.authors != null) {
    if (input.authors.length > LIMITS.authorsMax) {
      problems.push({ field: at('authors'), message: `must list at most ${LIMITS.authorsMax} authors` });
    }
    input.authors.forEach((author, i) => check(problems, `${at('authors')}.${i}`, author, text(1, LIMITS.author)));
  }
  if (input.year != null) check(problems, at('year'), input.year, integer(LIMITS.yearMin, LIMITS.yearMax));
  if (input.estimatedHours !== undefined) check(problems, at('estimatedHours'), input.estimatedHours, hours);
  if (input.skills !== undefined) {
    if (input.skills.length === 0) problems.push({ field: at('skills'), message: 'must name at least one skill' });
    input.skills.forEach((s, i) => check(problems, `${at('skills')}.${i}`, s, slug));
  }
  fail(problems);
}

/** Rules that need the whole resource, after a patch is applied. */
export function validateResourceWhole(resource: {
  kind: string;
  authors: readonly string[];
  year: number | null;
}): void {
  if (resource.kind === 'BOOK' && (resource.authors.length === 0 || resource.year === null)) {
    throw new InvalidInputError([{ field: 'input', message: 'a BOOK needs authors and year' }]);
  }
}

export function validateReason(field: string, value: string): void {
  const problems: FieldProblem[] = [];
  check(problems, field, value, text(1, LIMITS.reason));
  fail(problems);
}

export function validateText(field: string, value: string, min: number, max: number): void {
  const problems: FieldProblem[] = [];
  check(problems, field, value, text(min, max));
  fail(problems);
}
