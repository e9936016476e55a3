import type { RawDataset } from './load-dataset';
import type { Dataset } from './dataset.types';

/**
 * The inverse of parseDataset: the JSON records of data/, from a validated dataset. The embedded
 * store's data file is written in this form, so it reads like data/ and is validated by the
 * same rules when loaded.
 */
export function serializeDataset(dataset: Dataset): RawDataset {
  // Grouped once: filtering the links for every record was quadratic, and this runs at every
  // start (the journal's fingerprint of data/), 10 s of a 100,000-skill start.
  const grouped = (links: Dataset['resourceSkills']) => {
    const bySlug = new Map<string, string[]>();
    for (const link of links) {
      const skills = bySlug.get(link.from);
      if (skills === undefined) bySlug.set(link.from, [link.skill]);
      else skills.push(link.skill);
    }
    return (slug: string) => bySlug.get(slug) ?? [];
  };
  const responsibilitySkills = grouped(dataset.responsibilitySkills);
  const resourceSkills = grouped(dataset.resourceSkills);
  return {
    areas: dataset.areas.map(({ slug, name, description }) => ({ slug, name, description })),
    levels: dataset.levels,
    skills: dataset.skills,
    prerequisites: dataset.prerequisites,
    related: dataset.related,
    responsibilities: dataset.responsibilities.map(({ position: _position, ...r }) => ({
      ...r,
      skills: responsibilitySkills(r.slug),
    })),
    resources: dataset.resources.map(({ authors, year, difficulty, ...r }) => ({
      ...r,
      ...(authors.length > 0 ? { authors } : {}),
      ...(year === null ? {} : { year }),
      ...(difficulty === null ? {} : { difficulty }),
      skills: resourceSkills(r.slug),
    })),
  };
}
