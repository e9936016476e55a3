import neo4j, { Node, Record as Neo4jRecord, Relationship } from 'neo4j-driver';

import {
  RecordMappingError,
  toArea,
  toNumber,
  toPrerequisiteEdge,
  toResource,
  toResponsibility,
  toSkill,
  toSkillLink,
} from '../../src/adapters/neo4j/neo4j-record.mapper';

// Records built exactly as the driver hands them over: Integers for whole numbers (the driver's
// default, lossless mode), Node and Relationship objects, and maps from map projections.

const node = (label: string, properties: Record<string, unknown>) =>
  new Node(neo4j.int(7), [label], properties, `4:db:${String(properties.slug)}`);

const skillMap = (slug: string, parent: string | null = null) => ({
  slug,
  name: `Skill ${slug}`,
  description: 'A skill.',
  estimatedHours: neo4j.int(12),
  area: 'system-design',
  level: 'senior',
  parent,
});

describe('Neo4j record mapping', () => {
  it('maps an Area node with an Integer position', () => {
    const record = new Neo4jRecord(
      ['area'],
      [node('Area', { slug: 'ops', name: 'Ops', description: 'Run it.', position: neo4j.int(5) })],
    );
    expect(toArea(record.get('area'))).toEqual({ slug: 'ops', name: 'Ops', description: 'Run it.', position: 5 });
  });

  it('maps a skill projection with Integer hours, a null parent and no aliases stored', () => {
    const record = new Neo4jRecord(['skill'], [skillMap('caching')]);
    expect(toSkill(record.get('skill'))).toEqual({
      slug: 'caching',
      name: 'Skill caching',
      aliases: [],
      description: 'A skill.',
      estimatedHours: 12,
      area: 'system-design',
      level: 'senior',
      parent: null,
    });
  });

  it("maps a skill's stored aliases, and refuses aliases that are not a list of strings", () => {
    const withAliases = { ...skillMap('caching'), aliases: ['Redis', 'memoization'] };
    expect(toSkill(new Neo4jRecord(['skill'], [withAliases]).get('skill')).aliases).toEqual(['Redis', 'memoization']);
    expect(() => toSkill({ ...skillMap('caching'), aliases: 'Redis' })).toThrow(
      new RecordMappingError('aliases should be a list of strings, got string "Redis"'),
    );
  });

  it('takes a prerequisite’s reason and strength from the REQUIRES relationship', () => {
    const requires = new Relationship(neo4j.int(1), neo4j.int(2), neo4j.int(3), 'REQUIRES', {
      reason: 'Learn HTTP first',
      strength: 'HELPFUL',
    });
    const record = new Neo4jRecord(
      ['key', 'items'],
      ['caching', [{ skill: skillMap('http', 'computer-networking'), requires }]],
    );
    const [link] = (record.get('items') as unknown[]).map(toSkillLink);
    expect(link).toEqual({
      skill: expect.objectContaining({ slug: 'http', parent: 'computer-networking' }),
      reason: 'Learn HTTP first',
      strength: 'HELPFUL',
    });
  });

  it('refuses a prerequisite without a strength: the import always writes one', () => {
    const requires = new Relationship(neo4j.int(1), neo4j.int(2), neo4j.int(3), 'REQUIRES', { reason: 'Old edge' });
    const record = new Neo4jRecord(['items'], [[{ skill: skillMap('http', null), requires }]]);
    expect(() => (record.get('items') as unknown[]).map(toSkillLink)).toThrow(RecordMappingError);
  });

  it('maps a Resource node, keeping authors and access, and turning a missing year or difficulty into null', () => {
    const book = node('Resource', {
      slug: 'ddia',
      title: 'DDIA',
      kind: 'BOOK',
      url: 'https://dataintensive.net/',
      authors: ['Martin Kleppmann'],
      year: neo4j.int(2017),
      free: false,
      access: 'PAID',
      difficulty: 'INTERMEDIATE',
      estimatedHours: neo4j.int(40),
    });
    expect(toResource(book)).toEqual({
      slug: 'ddia',
      title: 'DDIA',
      kind: 'BOOK',
      url: 'https://dataintensive.net/',
      authors: ['Martin Kleppmann'],
      year: 2017,
      free: false,
      access: 'PAID',
      difficulty: 'INTERMEDIATE',
      estimatedHours: 40,
    });
    const guide = node('Resource', {
      slug: 'g',
      title: 'G',
      kind: 'GUIDE',
      url: 'https://g.dev/',
      free: true,
      access: 'FREE_WITH_REGISTRATION',
      estimatedHours: neo4j.int(2),
    });
    expect(toResource(guide)).toMatchObject({
      authors: [],
      year: null,
      access: 'FREE_WITH_REGISTRATION',
      difficulty: null,
    });
  });

  it('maps responsibilities and closure edges from map projections', () => {
    expect(
      toResponsibility({
        slug: 'r',
        name: 'R',
        description: 'D',
        category: 'BUSINESS',
        position: neo4j.int(3),
        level: 'senior',
      }),
    ).toEqual({ slug: 'r', name: 'R', description: 'D', category: 'BUSINESS', position: 3, level: 'senior' });
    expect(toPrerequisiteEdge({ skill: 'a', requires: 'b', reason: 'because', strength: 'ESSENTIAL' })).toEqual({
      skill: 'a',
      requires: 'b',
      reason: 'because',
      strength: 'ESSENTIAL',
    });
  });

  it('refuses an Integer a JS number cannot hold exactly', () => {
    expect(() => toNumber(neo4j.int('9007199254740993'), 'estimatedHours')).toThrow(RecordMappingError);
    expect(() => toNumber(neo4j.int('9007199254740993'), 'estimatedHours')).toThrow(
      /estimatedHours = 9007199254740993 is outside/,
    );
  });

  it('accepts a float that was stored by a careless write, and rejects non-numbers with the field named', () => {
    expect(toNumber(5, 'rank')).toBe(5);
    expect(() => toSkill({ ...skillMap('x'), estimatedHours: 'many' })).toThrow(
      'estimatedHours should be a number, got string "many"',
    );
    expect(() => toArea(null)).toThrow(RecordMappingError);
  });
});
