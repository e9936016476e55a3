import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { loadDataset } from '../../src/dataset/load-dataset';
import { PROJECT_ROOT } from '../../src/project-paths';

// The learning-outcome drafts in content/ (content/README.md) are written against today's data/:
// these checks keep them consistent with it until the next edition folds them in, so that step
// starts from drafts that name only skills, edges and resources that exist.

interface DraftOutcome {
  readonly slug: string;
  readonly text: string;
  readonly hours: number;
  readonly level: string;
}
interface DraftLink {
  readonly resource: string;
  readonly core?: boolean;
  readonly location?: string;
  readonly outcomes: readonly string[];
  readonly new?: boolean;
}
interface DraftSkill {
  readonly slug: string;
  readonly aliases: readonly string[];
  readonly outcomes: readonly DraftOutcome[];
  readonly resourceLinks: readonly DraftLink[];
}
interface DraftFile {
  readonly skills: readonly DraftSkill[];
  readonly prerequisiteNeeds?: readonly { skill: string; requires: string; needs: readonly string[] }[];
}

const dataset = loadDataset();
const folder = join(PROJECT_ROOT, 'content', 'outcomes');
const drafts = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, draft: JSON.parse(readFileSync(join(folder, name), 'utf8')) as DraftFile }));
const skills = drafts.flatMap(({ draft }) => draft.skills);
const resourcesBySlug = new Map(dataset.resources.map((r) => [r.slug, r]));
const skillsOfResource = (slug: string) => dataset.resourceSkills.filter((l) => l.from === slug).map((l) => l.skill);
const LEVELS = new Set(dataset.levels.map((l) => l.slug));
const resourceDraft = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'content', 'resources', 'resources.json'), 'utf8'),
) as {
  resources: { slug: string; access: string; difficulty?: string }[];
  new: { slug: string; access: string; difficulty?: string; skills: string[] }[];
};
// Added to data/ after the outcome drafts were written: their links are described when those fold in.
const addedResources = new Set(resourceDraft.new.map((r) => r.slug));

describe('the learning-outcome drafts (content/outcomes)', () => {
  it('describe each skill of data/ exactly once', () => {
    expect(skills.map((s) => s.slug).sort()).toEqual(dataset.skills.map((s) => s.slug).sort());
  });

  it("are where data/ takes each skill's aliases from, less any that only repeat its name", () => {
    const names = new Map(dataset.skills.map((s) => [s.slug, s.name.toLowerCase()]));
    const drafted = skills.map((s) => [s.slug, s.aliases.filter((a) => a.toLowerCase() !== names.get(s.slug))]);
    expect(new Map(dataset.skills.map((s) => [s.slug, s.aliases]))).toEqual(new Map(drafted as [string, string[]][]));
  });

  it('give every skill 3 to 8 outcomes, each a goal starting with a verb, with whole hours and a level', () => {
    const problems = skills.flatMap((skill) => {
      const slugs = skill.outcomes.map((o) => o.slug);
      return [
        ...(skill.outcomes.length >= 3 && skill.outcomes.length <= 8
          ? []
          : [`${skill.slug}: ${skill.outcomes.length}`]),
        ...slugs.filter((slug, i) => slugs.indexOf(slug) !== i).map((slug) => `${skill.slug}/${slug} repeated`),
        ...skill.outcomes
          .filter(
            (o) =>
              !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.slug) ||
              !/^[A-Z][a-z]+\s/.test(o.text) ||
              !Number.isInteger(o.hours) ||
              o.hours < 1 ||
              !LEVELS.has(o.level),
          )
          .map((o) => `${skill.slug}/${o.slug}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('describe every resource link of a skill, with exactly one core link and a location in a book shared by many skills', () => {
    const problems = skills.flatMap((skill) => {
      const outcomes = new Set(skill.outcomes.map((o) => o.slug));
      const linked = dataset.resourceSkills
        .filter((l) => l.skill === skill.slug && !addedResources.has(l.from))
        .map((l) => l.from);
      const described = skill.resourceLinks.map((l) => l.resource);
      return [
        ...linked.filter((slug) => !described.includes(slug)).map((slug) => `${skill.slug}: ${slug} not described`),
        ...(skill.resourceLinks.filter((l) => l.core === true).length === 1 ? [] : [`${skill.slug}: core links`]),
        ...skill.resourceLinks.flatMap((link) => {
          const resource = resourcesBySlug.get(link.resource);
          if (resource === undefined) return [`${skill.slug}: ${link.resource} unknown`];
          return [
            ...(skillsOfResource(resource.slug).includes(skill.slug) || link.new === true
              ? []
              : [`${skill.slug}: ${link.resource} unlinked`]),
            ...(resource.kind === 'BOOK' && skillsOfResource(resource.slug).length > 3 && !link.location
              ? [`${skill.slug}: ${link.resource} without location`]
              : []),
            ...(link.outcomes.length > 0 && link.outcomes.every((o) => outcomes.has(o))
              ? []
              : [`${skill.slug}: ${link.resource} covers unknown outcomes`]),
          ];
        }),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('scope only essential edges that exist, to outcomes of the required skill', () => {
    const bySlug = new Map(skills.map((s) => [s.slug, s]));
    const problems = drafts.flatMap(({ draft }) =>
      (draft.prerequisiteNeeds ?? []).flatMap(({ skill, requires, needs }) => {
        const edge = dataset.prerequisites.find((e) => e.skill === skill && e.requires === requires);
        const outcomes = new Set(bySlug.get(requires)?.outcomes.map((o) => o.slug) ?? []);
        return edge === undefined || needs.length === 0 || !needs.every((o) => outcomes.has(o))
          ? [`${skill} -> ${requires}`]
          : [];
      }),
    );
    expect(problems).toEqual([]);
  });
});

describe('the resource draft (content/resources)', () => {
  const draft = resourceDraft;
  const ACCESS = ['FREE', 'FREE_WITH_REGISTRATION', 'PAID'];
  const DIFFICULTY = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'];

  it('gives every resource of data/ one access level, and a difficulty only from the three', () => {
    const all = [...draft.resources, ...draft.new];
    expect(all.map((r) => r.slug).sort()).toEqual(dataset.resources.map((r) => r.slug).sort());
    expect(
      all.filter(
        (r) => !ACCESS.includes(r.access) || (r.difficulty !== undefined && !DIFFICULTY.includes(r.difficulty)),
      ),
    ).toEqual([]);
  });

  it('is folded into data/: each resource has the access and difficulty the draft gives it', () => {
    expect(
      [...draft.resources, ...draft.new].filter((r) => {
        const resource = resourcesBySlug.get(r.slug)!;
        return resource.access !== r.access || resource.difficulty !== (r.difficulty ?? null);
      }),
    ).toEqual([]);
  });

  it('keeps paid and free apart as data/ says today', () => {
    expect(draft.resources.filter((r) => (r.access === 'PAID') === resourcesBySlug.get(r.slug)!.free)).toEqual([]);
  });

  it('adds its new resources to data/ with exactly the skills it names, none under a slug data/ had', () => {
    const existing = new Set(draft.resources.map((r) => r.slug));
    expect(
      draft.new.filter(
        (r) => existing.has(r.slug) || skillsOfResource(r.slug).sort().join() !== [...r.skills].sort().join(),
      ),
    ).toEqual([]);
  });
});
