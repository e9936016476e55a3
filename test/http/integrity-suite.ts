import type { Dataset } from '../../src/dataset/dataset.types';
import { parseDataset } from '../../src/dataset/load-dataset';
import { buildRawDataset, buildResource, buildResponsibility, buildSkill } from '../support/factories';
import type { TestServer } from '../support/test-server';
import { execute } from '../support/test-server';
import { ALICE, EDITOR_ENV } from './editing-suite';

/**
 * A graph in which each test below has records of its own: resources and responsibilities that
 * hang on a single skill are what the defects need, and the canonical graph has no
 * responsibility with a single skill.
 */
function integrityDataset(): Dataset {
  const skills = [
    'unlink-only',
    'delete-only',
    'delete-shared',
    'delete-kept',
    'needed-only',
    'free-skill',
    'list-skill',
    'url-skill',
    'restart-only',
  ];
  return parseDataset(
    buildRawDataset({
      skills: skills.map((slug) => buildSkill({ slug })),
      prerequisites: [],
      resources: [
        buildResource({ slug: 'unlink-res', skills: ['unlink-only'] }),
        buildResource({ slug: 'delete-res', skills: ['delete-only'] }),
        buildResource({ slug: 'delete-shared-res', skills: ['delete-shared', 'delete-kept'] }),
        buildResource({ slug: 'free-res', free: true, skills: ['free-skill'] }),
        buildResource({ slug: 'list-res', skills: ['list-skill'] }),
        buildResource({ slug: 'url-res', skills: ['url-skill'] }),
        buildResource({ slug: 'restart-res', skills: ['restart-only'] }),
      ],
      responsibilities: [
        buildResponsibility({ slug: 'needs-one', skills: ['needed-only'] }),
        buildResponsibility({ slug: 'restart-resp', skills: ['restart-only'] }),
      ],
    }),
  );
}

export interface IntegrityTarget {
  /** The API with editing on, serving exactly `dataset`. */
  start(dataset: Dataset, env: Record<string, string>): Promise<TestServer>;
  /** Stops `api` and starts the API again on what the store kept: the next start an operator makes. */
  restart(api: TestServer, env: Record<string, string>): Promise<TestServer>;
}

/**
 * The defects of issue 11 that let an accepted edit break the next start or the reads: each was
 * answered with data and saved. Through the public API, on every store: each is now refused,
 * naming the rule and the records, and nothing changes, so the graph still loads.
 */
export function defineIntegritySuite(storeName: string, target: IntegrityTarget): void {
  describe(`integrity rules on every write (${storeName} store)`, () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await target.start(integrityDataset(), EDITOR_ENV);
    });
    afterAll(() => api?.close());

    const run = (query: string, variables?: Record<string, unknown>) =>
      execute<any>(api.clientWithToken(ALICE), query, variables);
    const read = async (query: string) => {
      const { data, errors } = await execute<any>(api.client, query);
      expect(errors).toEqual([]);
      return data;
    };
    const refused = async (query: string, variables?: Record<string, unknown>) => {
      const { data, errors } = await run(query, variables);
      expect(errors).toHaveLength(1);
      expect(Object.values(data ?? {})).toEqual([null]);
      return errors[0];
    };
    const changeCount = async () =>
      ((await run('{ changes(first: 0) { totalCount } }')).data as any).changes.totalCount as number;
    const taught = async (resource: string) =>
      (await read(`{ resource(slug: "${resource}") { skills { slug } } }`)).resource.skills.map((s: any) => s.slug);

    it('when unlinking the last skill a resource teaches, it is refused with CONFLICT naming the rule and the resource', async () => {
      const before = await changeCount();
      const error = await refused('mutation { unlinkResource(resource: "unlink-res", skill: "unlink-only") { slug } }');
      expect(error.extensions).toEqual({
        code: 'CONFLICT',
        rule: 'resource-teaches-a-skill',
        records: [{ kind: 'Resource', slug: 'unlink-res' }],
      });
      expect(error.message).toBe(
        'Every resource teaches at least one skill; this change would break that rule for Resource "unlink-res"',
      );
      expect(await taught('unlink-res')).toEqual(['unlink-only']);
      expect(await changeCount()).toBe(before);
    });

    it('when a forced deletion would leave a resource teaching nothing, it is refused and the skill stays', async () => {
      const error = await refused('mutation { deleteSkill(slug: "delete-only", force: true) { slug } }');
      expect(error.extensions).toEqual({
        code: 'CONFLICT',
        rule: 'resource-teaches-a-skill',
        records: [{ kind: 'Resource', slug: 'delete-res' }],
      });
      expect((await read('{ skill(slug: "delete-only") { slug } }')).skill).toEqual({ slug: 'delete-only' });
      expect(await taught('delete-res')).toEqual(['delete-only']);
    });

    it('when a forced deletion would leave a responsibility needing no skill, it is refused and the skill stays', async () => {
      const error = await refused('mutation { deleteSkill(slug: "needed-only", force: true) { slug } }');
      expect(error.extensions).toEqual({
        code: 'CONFLICT',
        rule: 'responsibility-needs-a-skill',
        records: [{ kind: 'Responsibility', slug: 'needs-one' }],
      });
      expect((await read('{ skill(slug: "needed-only") { responsibilities { slug } } }')).skill).toEqual({
        responsibilities: [{ slug: 'needs-one' }],
      });
    });

    it('still deletes a skill whose resources teach another one too', async () => {
      const { errors } = await run('mutation { deleteSkill(slug: "delete-shared", force: true) { slug } }');
      expect(errors).toEqual([]);
      expect(await taught('delete-shared-res')).toEqual(['delete-kept']);
    });

    it('when `free: null` is sent, it is refused with BAD_USER_INPUT and the flag stays readable', async () => {
      const error = await refused('mutation { updateResource(slug: "free-res", input: { free: null }) { free } }');
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.free', rule: 'required', message: 'must not be null' }],
      });
      expect((await read('{ resource(slug: "free-res") { free } }')).resource).toEqual({ free: true });
    });

    it('when `skills: null` is sent, it is refused with BAD_USER_INPUT, not an internal error', async () => {
      const error = await refused('mutation { updateResource(slug: "list-res", input: { skills: null }) { slug } }');
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.skills', rule: 'required', message: 'must not be null' }],
      });
      expect(await taught('list-res')).toEqual(['list-skill']);
    });

    it('when a URL begins with a NUL byte, or text holds a control character, it is refused and nothing is stored', async () => {
      const nul = await refused(
        'mutation($url: String!) { updateResource(slug: "url-res", input: { url: $url }) { url } }',
        {
          url: '\u0000https://example.org/x',
        },
      );
      expect(nul.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          { field: 'input.url', rule: 'clean-text', message: 'must not contain control characters (found U+0000)' },
        ],
      });
      const CREATE = 'mutation($input: CreateResourceInput!) { createResource(input: $input) { slug } }';
      const input = {
        slug: 'url-new',
        title: 'A title',
        kind: 'GUIDE',
        url: 'https://example.org/url-new',
        free: true,
        estimatedHours: 1,
        skills: ['url-skill'],
      };
      const escape = await refused(CREATE, { input: { ...input, title: 'Bell\u0007 title' } });
      expect(escape.extensions?.fields).toEqual([
        { field: 'input.title', rule: 'clean-text', message: 'must not contain control characters (found U+0007)' },
      ]);
      expect((await read('{ resource(slug: "url-res") { url } }')).resource).toEqual({
        url: 'https://example.org/url-res',
      });
      expect((await read('{ resource(slug: "url-new") { slug } }')).resource).toBeNull();
    });

    it('when names have surrounding spaces, they are stored trimmed at once, as the next start would read them', async () => {
      const { data, errors } = await run(
        'mutation($input: CreateSkillInput!) { createSkill(input: $input) { name description } }',
        {
          input: {
            slug: 'spaced-name',
            name: '  Spaced name  ',
            description: `  ${'A skill whose name and description came with surrounding spaces to trim. '.repeat(2)}  `,
            estimatedHours: 3,
            area: 'area-a',
            level: 'junior',
          },
        },
      );
      expect(errors).toEqual([]);
      expect(data.createSkill.name).toBe('Spaced name');
      expect(data.createSkill.description).toBe(
        'A skill whose name and description came with surrounding spaces to trim. '.repeat(2).trim(),
      );
      expect((await read('{ skill(slug: "spaced-name") { name } }')).skill).toEqual({ name: 'Spaced name' });
      const renamed = await run(
        'mutation { updateResource(slug: "restart-res", input: { title: " Trimmed " }) { title } }',
      );
      expect(renamed.data?.updateResource).toEqual({ title: 'Trimmed' });
    });

    it('after every attempt above, the next start loads the graph and answers the same', async () => {
      const QUERY = `{
        skill(slug: "restart-only") { slug name resources { slug } responsibilities { slug skills { slug } } }
        resource(slug: "restart-res") { slug title url free skills { slug } }
      }`;
      const before = await read(QUERY);
      // Each attempt that could have broken the graph, once more, just before the restart.
      await run('mutation { unlinkResource(resource: "restart-res", skill: "restart-only") { slug } }');
      await run('mutation { deleteSkill(slug: "restart-only", force: true) { slug } }');
      await run('mutation { updateResource(slug: "restart-res", input: { free: null, skills: null }) { slug } }');
      api = await target.restart(api, EDITOR_ENV);
      expect(await read(QUERY)).toEqual(before);
    });
  });
}
