import { z } from 'zod';

import { RESOURCE_KINDS, RESPONSIBILITY_CATEGORIES } from '../domain/skill-graph.types';

// The shape of one record in each file of data/. Strict objects, so a misspelt key is an error
// instead of a silently missing field.

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug such as "domain-driven-design"');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const hours = z.number().int().min(1).max(1000);

export const areaRecord = z.strictObject({ slug, name: text(80), description: text(1000) });

export const levelRecord = z.strictObject({
  slug,
  name: text(40),
  rank: z.number().int().min(1),
  description: text(1000),
});

export const skillRecord = z.strictObject({
  slug,
  name: text(120),
  area: slug,
  level: slug,
  parent: slug.nullable(),
  estimatedHours: hours,
  description: z.string().trim().min(80, 'must be a paragraph of at least 80 characters').max(2000),
});

export const prerequisiteRecord = z.strictObject({ skill: slug, requires: slug, reason: text(200) });

export const relatedRecord = z.strictObject({ skill: slug, related: slug });

export const responsibilityRecord = z.strictObject({
  slug,
  name: text(160),
  category: z.enum(RESPONSIBILITY_CATEGORIES),
  level: slug,
  description: text(1000),
  skills: z.array(slug).min(1),
});

export const resourceRecord = z
  .strictObject({
    slug,
    title: text(200),
    kind: z.enum(RESOURCE_KINDS),
    url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
    authors: z.array(text(120)).optional(),
    year: z.number().int().min(1950).max(2100).optional(),
    free: z.boolean(),
    estimatedHours: hours,
    skills: z.array(slug).min(1),
  })
  .refine((r) => r.kind !== 'BOOK' || (r.authors !== undefined && r.authors.length > 0 && r.year !== undefined), {
    message: 'a BOOK needs authors and year',
  });

export type AreaRecord = z.infer<typeof areaRecord>;
export type LevelRecord = z.infer<typeof levelRecord>;
export type SkillRecord = z.infer<typeof skillRecord>;
export type PrerequisiteRecord = z.infer<typeof prerequisiteRecord>;
export type RelatedRecord = z.infer<typeof relatedRecord>;
export type ResponsibilityRecord = z.infer<typeof responsibilityRecord>;
export type ResourceRecord = z.infer<typeof resourceRecord>;
