import DataLoader from 'dataloader';

import type { EntityReader, RelationReader } from '../domain/ports/graph-store.port';
import type { SkillGraphService } from '../domain/reading/skill-graph.service';
import type {
  Area,
  Resource,
  Responsibility,
  SeniorityLevel,
  Skill,
  SkillLink,
} from '../domain/model/skill-graph.types';

type Batch<V> = (keys: readonly string[]) => Promise<readonly V[]>;

/**
 * Per request: a cache shared across requests would serve stale data after a write and leak
 * one caller's view to another. Every relationship field goes through one of these, so a
 * query costs one store call per field name, however many parents it has.
 *
 * Each loader is made the first time a resolver asks for it: a query touches two or three of
 * the eighteen, and making all of them for every request was measurable on the hot path.
 */
export class Loaders {
  private readonly made = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly store: EntityReader & RelationReader,
    private readonly skillGraph: () => SkillGraphService,
  ) {}

  private loader<V>(name: string, load: Batch<V>): DataLoader<string, V> {
    let loader = this.made.get(name) as DataLoader<string, V> | undefined;
    if (loader === undefined) {
      loader = new DataLoader<string, V>(async (keys) => load(keys));
      this.made.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  get area() {
    return this.loader<Area | null>('area', (slugs) => this.store.findAreasBySlugs(slugs));
  }
  get level() {
    return this.loader<SeniorityLevel | null>('level', (slugs) => this.store.findLevelsBySlugs(slugs));
  }
  get skill() {
    return this.loader<Skill | null>('skill', (slugs) => this.store.findSkillsBySlugs(slugs));
  }
  get resource() {
    return this.loader<Resource | null>('resource', (slugs) => this.store.findResourcesBySlugs(slugs));
  }
  get skillsOfArea() {
    return this.loader<readonly Skill[]>('skillsOfArea', (slugs) => this.store.skillsOfAreas(slugs));
  }
  get skillCountOfArea() {
    return this.loader<number>('skillCountOfArea', (slugs) => this.store.countSkillsOfAreas(slugs));
  }
  get childrenOfSkill() {
    return this.loader<readonly Skill[]>('childrenOfSkill', (slugs) => this.store.childrenOfSkills(slugs));
  }
  get prerequisitesOfSkill() {
    return this.loader<readonly SkillLink[]>('prerequisitesOfSkill', (slugs) =>
      this.store.prerequisitesOfSkills(slugs),
    );
  }
  get dependentsOfSkill() {
    return this.loader<readonly SkillLink[]>('dependentsOfSkill', (slugs) => this.store.dependentsOfSkills(slugs));
  }
  get relatedOfSkill() {
    return this.loader<readonly Skill[]>('relatedOfSkill', (slugs) => this.store.relatedOfSkills(slugs));
  }
  get resourcesOfSkill() {
    return this.loader<readonly Resource[]>('resourcesOfSkill', (slugs) => this.store.resourcesOfSkills(slugs));
  }
  get responsibilitiesOfSkill() {
    return this.loader<readonly Responsibility[]>('responsibilitiesOfSkill', (slugs) =>
      this.store.responsibilitiesOfSkills(slugs),
    );
  }
  get skillsOfResource() {
    return this.loader<readonly Skill[]>('skillsOfResource', (slugs) => this.store.skillsOfResources(slugs));
  }
  get skillsOfResponsibility() {
    return this.loader<readonly Skill[]>('skillsOfResponsibility', (slugs) =>
      this.store.skillsOfResponsibilities(slugs),
    );
  }
  get responsibilitiesOfLevel() {
    return this.loader<readonly Responsibility[]>('responsibilitiesOfLevel', (slugs) =>
      this.store.responsibilitiesOfLevels(slugs),
    );
  }
  get responsibilitiesUpToLevel() {
    return this.loader<readonly Responsibility[]>('responsibilitiesUpToLevel', (slugs) =>
      this.skillGraph().responsibilitiesUpToLevels(slugs),
    );
  }
  get skillsOfLevel() {
    return this.loader<readonly Skill[]>('skillsOfLevel', (slugs) => this.store.skillsOfLevels(slugs));
  }
  get skillsUpToLevel() {
    return this.loader<readonly Skill[]>('skillsUpToLevel', (slugs) => this.skillGraph().skillsUpToLevels(slugs));
  }

  /** Forgets everything cached so far (after a write in the same operation). */
  clearAll(): void {
    for (const loader of this.made.values()) loader.clearAll();
  }
}
