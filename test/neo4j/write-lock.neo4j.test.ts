import { findCycle } from '../../src/domain/graph/prerequisite-graph';
import { ALICE, BOB, EDITOR_ENV } from '../http/editing-suite';
import { describeOnNeo4j, reseed, startOnNeo4j } from '../support/neo4j';
import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';

// API instances are stateless in front of Neo4j, so only the database can serialise writers.
// These writes are split across two API servers, as behind a load balancer: nothing in one
// Node.js process can order them, only the graph-wide lock in Neo4j.

describeOnNeo4j('the Neo4j write lock, with two API instances', (config) => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    await reseed(config);
    // Twenty writers queue on one lock, the last behind nineteen others; on a cold Neo4j (each
    // statement planned the first time) that can pass the 2.5 s default bound. These tests are
    // about order, not speed, so the bound is generous here; slow-neo4j tests the bound itself.
    const env = { ...EDITOR_ENV, NEO4J_TIMEOUT_MS: '30000' };
    [first, second] = await Promise.all([startOnNeo4j(config, env), startOnNeo4j(config, env)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  const instance = (i: number) => (i % 2 === 0 ? first : second);
  const slugOf = (prefix: string, i: number) => `${prefix}-${i}`;

  const CREATE = 'mutation($input: CreateSkillInput!) { createSkill(input: $input) { slug } }';
  const skillInput = (slug: string) => ({
    slug,
    name: `Lock test ${slug}`,
    description: `A skill that the write-lock tests create in order to race writers against each other: ${slug}.`,
    estimatedHours: 2,
    area: 'system-design',
    level: 'senior',
  });
  const ADD =
    'mutation($s: String!, $r: String!, $why: String!) { addPrerequisite(skill: $s, requires: $r, reason: $why) { slug } }';

  it('lets exactly one of 20 simultaneous additions that together close a ring be refused, leaving no cycle', async () => {
    const ring = Array.from({ length: 20 }, (_, i) => slugOf('ring', i));
    for (const slug of ring) {
      expect((await execute(first.clientWithToken(ALICE), CREATE, { input: skillInput(slug) })).errors).toEqual([]);
    }
    const results = await Promise.all(
      ring.map((skill, i) =>
        execute(instance(i).clientWithToken(i % 4 < 2 ? ALICE : BOB), ADD, {
          s: skill,
          r: ring[(i + 1) % ring.length],
          why: `${skill} builds on the next skill of the ring`,
        }),
      ),
    );
    const refused = results.flatMap((r, i) => (r.errors.length > 0 ? [{ i, code: r.errors[0].extensions?.code }] : []));
    expect(refused).toEqual([{ i: expect.any(Number), code: 'PREREQUISITE_CYCLE' }]);

    // Read back through the other instance: every accepted edge is there, and they form no cycle.
    const edges = [];
    for (const skill of ring) {
      const { data } = await execute<any>(
        second.client,
        `{ skill(slug: "${skill}") { prerequisites { skill { slug } } } }`,
      );
      for (const p of data.skill.prerequisites) edges.push({ skill, requires: p.skill.slug, reason: '' });
    }
    expect(edges).toHaveLength(19);
    expect(findCycle(edges)).toBeNull();
    const closing = { skill: ring[refused[0].i], requires: ring[(refused[0].i + 1) % 20], reason: '' };
    expect(findCycle([...edges, closing])).not.toBeNull();
  });

  it('lets exactly one of ten simultaneous creations of one slug succeed; the other nine get CONFLICT', async () => {
    const slug = 'contested-slug';
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        execute(instance(i).clientWithToken(ALICE), CREATE, { input: skillInput(slug) }),
      ),
    );
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors.map((e) => e.extensions?.code))).toEqual(Array(9).fill('CONFLICT'));
    const { data } = await execute<any>(
      first.clientWithToken(ALICE),
      '{ changes(first: 100) { edges { node { operation subject } } } }',
    );
    const creations = data.changes.edges.filter((e: any) => e.node.subject === slug);
    expect(creations).toHaveLength(1);
  });

  it('numbers the changes of both instances in one sequence, with no gaps and no repeats', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        execute(instance(i).clientWithToken(BOB), CREATE, { input: skillInput(slugOf('numbered', i)) }),
      ),
    );
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const { data } = await execute<any>(
      second.clientWithToken(BOB),
      '{ changes(first: 100) { totalCount edges { node { sequence } } } }',
    );
    const sequences = data.changes.edges.map((e: any) => e.node.sequence);
    expect(sequences.length).toBeGreaterThanOrEqual(10);
    expect(sequences).toEqual(Array.from({ length: data.changes.totalCount }, (_, i) => data.changes.totalCount - i));
  });
});
