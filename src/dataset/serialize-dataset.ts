import type { RawDataset } from './load-dataset';
import type { Dataset } from './dataset.types';

/**
 * The inverse of parseDataset: the JSON records of data/, from a validated dataset. The embedded
 * store's data file is written in this form, so it reads like data/ and is validated by the
 * same rules when loaded.
 */
export function serializeDataset(dataset: Dataset): RawDataset {
  const skillsOf = (links: Dataset['resourceSkills'], slug: string) =>
    links.filter((l) => l.from === slug).map((l) => l.skill);
  return {
    areas: dataset.areas.map(({ slug, name, description }) => ({ slug, name, description })),
    levels: dataset.levels,
    skills: dataset.skills,
    prerequisites: dataset.prerequisites,
    related: dataset.related,
    responsibilities: dataset.responsibilities.map(({ position: _position, ...r }) => ({
      ...r,
      skills: skillsOf(dataset.responsibilitySkills, r.slug),
    })),
    resources: dataset.resources.map(({ authors, year, ...r }) => ({
      ...r,
      ...(authors.length > 0 ? { authors } : {}),
      ...(year === null ? {} : { year }),
      skills: skillsOf(dataset.resourceSkills, r.slug),
    })),
  };
}
