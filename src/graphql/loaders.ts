import DataLoader from 'dataloader';

import type { GraphStore } from '../domain/ports/graph-store.port';
import type { SkillGraphService } from '../domain/services/skill-graph.service';
import type { Area, Resource, Responsibility, SeniorityLevel, Skill, SkillLink } from '../domain/skill-graph.types';

/**
 * Per request: a cache shared across requests would serve stale data after a write and leak
 * one caller's view to another. Every relationship field goes through one of these, so a
 * query costs one store call per field name, however many parents it has.
 */
export function createLoaders(store: GraphStore, skillGraph: SkillGraphService) {
  const batch = <V>(load: (keys: readonly string[]) => Promise<readonly V[]>) =>
    new DataLoader<string, V>(async (keys) => load(keys));

  return {
    area: batch<Area | null>((slugs) => store.findAreasBySlugs(slugs)),
    level: batch<SeniorityLevel | null>((slugs) => store.findLevelsBySlugs(slugs)),
    skill: batch<Skill | null>((slugs) => store.findSkillsBySlugs(slugs)),
    resource: batch<Resource | null>((slugs) => store.findResourcesBySlugs(slugs)),

    skillsOfArea: batch<readonly Skill[]>((slugs) => store.skillsOfAreas(slugs)),
    skillCountOfArea: batch<number>((slugs) => store.countSkillsOfAreas(slugs)),
    childrenOfSkill: batch<readonly Skill[]>((slugs) => store.childrenOfSkills(slugs)),
    prerequisitesOfSkill: batch<readonly SkillLink[]>((slugs) => store.prerequisitesOfSkills(slugs)),
    dependentsOfSkill: batch<readonly SkillLink[]>((slugs) => store.dependentsOfSkills(slugs)),
    relatedOfSkill: batch<readonly Skill[]>((slugs) => store.relatedOfSkills(slugs)),
    resourcesOfSkill: batch<readonly Resource[]>((slugs) => store.resourcesOfSkills(slugs)),
    responsibilitiesOfSkill: batch<readonly Responsibility[]>((slugs) => store.responsibilitiesOfSkills(slugs)),
    skillsOfResource: batch<readonly Skill[]>((slugs) => store.skillsOfResources(slugs)),
    skillsOfResponsibility: batch<readonly Skill[]>((slugs) => store.skillsOfResponsibilities(slugs)),
    responsibilitiesOfLevel: batch<readonly Responsibility[]>((slugs) => store.responsibilitiesOfLevels(slugs)),
    responsibilitiesUpToLevel: batch<readonly Responsibility[]>((slugs) =>
      skillGraph.responsibilitiesUpToLevels(slugs),
    ),
    skillsOfLevel: batch<readonly Skill[]>((slugs) => store.skillsOfLevels(slugs)),
    skillsUpToLevel: batch<readonly Skill[]>((slugs) => skillGraph.skillsUpToLevels(slugs)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders)) loader.clearAll();
}
