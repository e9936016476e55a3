import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InvalidDatasetError } from '../../src/domain/model/domain-error';
import { generateDataset } from '../../bench/support/generate-dataset';
import { DEFAULT_DATA_DIR, parseDataset, readDataset } from '../../src/dataset/load-dataset';
import { serializeDataset } from '../../src/dataset/serialize-dataset';
import {
  buildRawDataset,
  buildResource,
  buildResponsibility,
  buildSkill,
  rawResource,
  rawSkill,
  requires,
} from '../support/factories';

function problemsOf(files: Parameters<typeof buildRawDataset>[0]): readonly string[] {
  try {
    parseDataset(buildRawDataset(files));
  } catch (error) {
    if (error instanceof InvalidDatasetError) return error.details.problems;
    throw error;
  }
  throw new Error('expected the dataset to be rejected');
}

describe('parseDataset', () => {
  it('accepts a valid dataset and returns it in domain shape', () => {
    const dataset = parseDataset(buildRawDataset());
    expect(dataset.skills.map((s) => s.slug)).toEqual(['a', 'b']);
    expect(dataset.prerequisites).toEqual([requires('b', 'a')]);
    expect(dataset.resources[0]).toMatchObject({ slug: 'res', authors: [], year: null });
    expect(dataset.resourceSkills).toEqual([{ from: 'res', skill: 'a' }]);
    expect(dataset.areas[0].position).toBe(1);
  });

  it('names the file, index and slug of a record with a bad field', () => {
    const problems = problemsOf({ skills: [buildSkill({ slug: 'a' }), buildSkill({ slug: 'b', estimatedHours: -3 })] });
    expect(problems).toEqual([expect.stringMatching(/^skills\[1\] "b": estimatedHours: /)]);
  });

  it('rejects unknown keys, so a misspelt field is not silently dropped', () => {
    const problems = problemsOf({ skills: [buildSkill({ slug: 'a' }), rawSkill({ slug: 'b', estimatedHour: 3 })] });
    expect(problems.join('\n')).toMatch(/skills\[1\] "b": .*estimatedHour/);
  });

  it('prints a prerequisite cycle in order', () => {
    const problems = problemsOf({
      skills: ['a', 'b', 'c'].map((slug) => buildSkill({ slug })),
      prerequisites: [requires('a', 'b'), requires('b', 'c'), requires('c', 'a')],
    });
    expect(problems).toContain('prerequisites: cycle a → b → c → a');
  });

  it('refuses a prerequisite chain longer than the 25 hops every traversal covers', () => {
    const skills = Array.from({ length: 27 }, (_, i) => buildSkill({ slug: `s${String(i).padStart(2, '0')}` }));
    const chain = skills.slice(1).map((s, i) => requires(s.slug, skills[i].slug));
    const problems = problemsOf({
      skills,
      prerequisites: chain,
      resources: [buildResource({ slug: 'r', skills: ['s00'] })],
      responsibilities: [],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^prerequisites: a chain of 26 steps is longer than 25: s26 → s25 → .* → s00$/),
    ]);
    expect(() =>
      parseDataset(
        buildRawDataset({
          skills: skills.slice(0, 26),
          prerequisites: chain.slice(0, 25),
          responsibilities: [],
          resources: [],
        }),
      ),
    ).not.toThrow();
  });

  it('reports references to unknown records, naming both ends', () => {
    const problems = problemsOf({
      skills: [buildSkill({ slug: 'a', area: 'nowhere' }), buildSkill({ slug: 'b', parent: 'ghost' })],
      prerequisites: [requires('b', 'missing')],
      resources: [buildResource({ slug: 'res', skills: ['nope'] })],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'skills "a": unknown area "nowhere"',
        'skills "b" parent: unknown skill "ghost"',
        'prerequisites "b" → "missing": unknown skill "missing"',
        'resources "res": unknown skill "nope"',
      ]),
    );
  });

  it('reports duplicate slugs, duplicate edges and self-references', () => {
    const problems = problemsOf({
      skills: [buildSkill({ slug: 'a' }), buildSkill({ slug: 'a' }), buildSkill({ slug: 'b' })],
      prerequisites: [requires('b', 'a'), requires('b', 'a'), requires('a', 'a')],
      related: [
        { skill: 'a', related: 'b' },
        { skill: 'b', related: 'a' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'skills "a": slug is used twice',
        'prerequisites "b" → "a": listed twice',
        'prerequisites[2] "a": requires: must differ from skill',
        'related "b" ↔ "a": listed twice',
      ]),
    );
  });

  it('requires authors and a year for books, and https URLs for everything', () => {
    const problems = problemsOf({
      resources: [
        buildResource({ slug: 'book', kind: 'BOOK', skills: ['a'] }),
        buildResource({ slug: 'plain', url: 'http://example.org/x', skills: ['a'] }),
      ],
    });
    expect(problems).toEqual([
      'resources[0] "book": a BOOK needs authors and year',
      'resources[1] "plain": url: must be an absolute https URL',
    ]);
  });

  it('requires an access level, refuses a free flag that contradicts it, and takes a difficulty only from the three', () => {
    const { access: _access, ...noAccess } = rawResource({ slug: 'no-access', skills: ['a'] });
    const problems = problemsOf({
      resources: [
        noAccess,
        rawResource({ slug: 'paid-but-free', free: true, access: 'PAID', skills: ['a'] }),
        rawResource({ slug: 'walled-not-free', free: false, access: 'FREE_WITH_REGISTRATION', skills: ['a'] }),
        rawResource({ slug: 'odd-access', access: 'CHEAP', difficulty: 'EASY', skills: ['a'] }),
        rawResource({ slug: 'fine', access: 'FREE_WITH_REGISTRATION', difficulty: 'ADVANCED', skills: ['a'] }),
      ],
    });
    expect(problems).toEqual([
      'resources[0] "no-access": access: is required',
      'resources[1] "paid-but-free": free: must be false when access is PAID: only PAID costs something',
      'resources[2] "walled-not-free": free: must be true when access is FREE_WITH_REGISTRATION: only PAID costs something',
      'resources[3] "odd-access": access: must be one of FREE, FREE_WITH_REGISTRATION, PAID',
      'resources[3] "odd-access": difficulty: must be one of INTRODUCTORY, INTERMEDIATE, ADVANCED',
    ]);
  });

  it('refuses what no edit may store either: control characters, non-https or unclean URLs, non-boolean flags', () => {
    const problems = problemsOf({
      skills: [buildSkill({ slug: 'a', name: 'Bad\u0000name' }), buildSkill({ slug: 'b' })],
      resources: [
        buildResource({ slug: 'nul-url', url: '\u0000https://example.org/x', skills: ['a'] }),
        buildResource({ slug: 'spaced-url', url: 'https://exa mple.org/x', skills: ['a'] }),
        buildResource({ slug: 'credentials', url: 'https://user:secret@example.org/x', skills: ['a'] }),
        rawResource({ slug: 'null-free', free: null, skills: ['a'] }),
        rawResource({ slug: 'string-free', free: 'yes', skills: ['a'] }),
      ],
    });
    expect(problems).toEqual([
      'skills[0] "a": name: must not contain control characters (found U+0000)',
      'resources[0] "nul-url": url: must not contain control characters (found U+0000)',
      'resources[1] "spaced-url": url: must be an absolute https URL',
      'resources[2] "credentials": url: must not contain a user name or password',
      'resources[3] "null-free": free: must not be null',
      'resources[4] "string-free": free: must be true or false',
    ]);
  });

  it('refuses a resource that teaches no skill and a responsibility that needs none, or names one twice', () => {
    const problems = problemsOf({
      resources: [buildResource({ slug: 'res', skills: [] }), buildResource({ slug: 'twice', skills: ['a', 'a'] })],
      responsibilities: [buildResponsibility({ slug: 'r', skills: [] })],
    });
    expect(problems).toEqual([
      'responsibilities[0] "r": skills: must name at least one skill',
      'resources[0] "res": skills: must name at least one skill',
      'resources[1] "twice": skills.1: lists "a" twice',
    ]);
  });

  it("holds a skill's aliases to the rules every edit obeys, and reads a skill without any as having none", () => {
    const problems = problemsOf({
      skills: [
        buildSkill({ slug: 'a', aliases: ['SSO', ' sso ', '', 'y'.repeat(61), 'tab\there'] }),
        buildSkill({ slug: 'b', name: 'Message queues', aliases: ['pub/sub', 'MESSAGE QUEUES'] }),
        rawSkill({ slug: 'c', aliases: Array.from({ length: 13 }, (_, i) => `alias ${i}`) }),
        rawSkill({ slug: 'd', aliases: 'K8s' }),
      ],
      resources: [buildResource({ slug: 'res', skills: ['a', 'b', 'c', 'd'] })],
    });
    expect(problems).toEqual([
      'skills[0] "a": aliases.1: lists "sso" twice, ignoring case',
      'skills[0] "a": aliases.2: must be 1 to 60 characters',
      'skills[0] "a": aliases.3: must be 1 to 60 characters',
      'skills[0] "a": aliases.4: must not contain control characters (found U+0009)',
      'skills[1] "b": aliases.1: must differ from the skill\'s name',
      'skills[2] "c": aliases: must list at most 12 aliases',
      'skills[3] "d": aliases: must be a list',
    ]);
    const { aliases: _none, ...withoutAliases } = buildSkill({ slug: 'a' });
    const dataset = parseDataset(
      buildRawDataset({ skills: [withoutAliases as never, buildSkill({ slug: 'b', aliases: [' K8s ', 'kube'] })] }),
    );
    expect(dataset.skills.map((s) => s.aliases)).toEqual([[], ['K8s', 'kube']]);
  });

  it('trims surrounding spaces from text and URLs, as every edit does', () => {
    const dataset = parseDataset(
      buildRawDataset({
        skills: [buildSkill({ slug: 'a', name: '  Spaced name ' }), buildSkill({ slug: 'b' })],
        resources: [buildResource({ slug: 'res', title: ' Title ', url: ' https://example.org/x ', skills: ['a'] })],
      }),
    );
    expect(dataset.skills[0].name).toBe('Spaced name');
    expect(dataset.resources[0]).toMatchObject({ title: 'Title', url: 'https://example.org/x' });
  });

  it('reports a file that is not an array', () => {
    expect(problemsOf({ areas: { not: 'an array' } as unknown as unknown[] })).toContain(
      'areas.json: must be a JSON array',
    );
  });
});

describe('generated datasets', () => {
  it('obey the same rules as data/, so they can be written to a data file and loaded back', () => {
    const generated = generateDataset({ skills: 300, seed: 7, clusterSize: 30 });
    expect(parseDataset(serializeDataset(generated))).toEqual(generated);
  });
});

describe('readDataset', () => {
  const copyOf = (dir: string) => {
    const copy = mkdtempSync(join(tmpdir(), 'skill-graph-read-'));
    cpSync(dir, copy, { recursive: true });
    return copy;
  };

  it('fingerprints data/ by its files: the same bytes give the same name, any other byte another', () => {
    const first = copyOf(DEFAULT_DATA_DIR);
    const second = copyOf(DEFAULT_DATA_DIR);
    const original = readDataset(first);
    expect(original.fingerprint).toMatch(/^files:[0-9a-f]{64}$/);
    expect(readDataset(second).fingerprint).toBe(original.fingerprint);

    // Reformatted only: the same graph, but a different data/, whose journal is checked again.
    const areas = join(second, 'areas.json');
    writeFileSync(areas, JSON.stringify(JSON.parse(readFileSync(areas, 'utf8'))));
    const reformatted = readDataset(second);
    expect(reformatted.dataset).toEqual(original.dataset);
    expect(reformatted.fingerprint).not.toBe(original.fingerprint);
  });
});
