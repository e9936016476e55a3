import { NotFoundError } from '../model/domain-error';
import type { Resource, Skill } from '../model/skill-graph.types';
import type { EntityReader } from '../ports/graph-store.port';

// Lookups that a use case cannot go on without: every slug exists, or NOT_FOUND names them all.

/** The skills of `slugs`, in order; NOT_FOUND naming every slug that does not exist. */
export async function requireSkills(
  reader: Pick<EntityReader, 'findSkillsBySlugs'>,
  slugs: readonly string[],
): Promise<Skill[]> {
  if (slugs.length === 0) return [];
  const found = await reader.findSkillsBySlugs(slugs);
  const missing = slugs.filter((_, i) => found[i] === null);
  if (missing.length > 0) throw new NotFoundError('Skill', missing);
  return found as Skill[];
}

export async function requireSkill(reader: Pick<EntityReader, 'findSkillsBySlugs'>, slug: string): Promise<Skill> {
  const [skill] = await reader.findSkillsBySlugs([slug]);
  if (skill === null) throw new NotFoundError('Skill', slug);
  return skill;
}

export async function requireResource(
  reader: Pick<EntityReader, 'findResourcesBySlugs'>,
  slug: string,
): Promise<Resource> {
  const [resource] = await reader.findResourcesBySlugs([slug]);
  if (resource === null) throw new NotFoundError('Resource', slug);
  return resource;
}

/** Records by slug, leaving out the nulls of a batch read. */
export function indexBySlug<T extends { readonly slug: string }>(records: readonly (T | null)[]): Map<string, T> {
  return new Map(records.filter((r): r is T => r !== null).map((r) => [r.slug, r]));
}
