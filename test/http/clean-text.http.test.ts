import { ALICE, EDITOR_ENV } from './editing-suite';
import type { TestServer } from '../support/test-server';
import { execute, startTestServer } from '../support/test-server';

// Text that looks like something other than what it is: invisible names, reordered titles.
// Refused through the API like any other broken rule, and nothing is written.

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(EDITOR_ENV);
});
afterAll(() => api.close());

const CREATE_SKILL = 'mutation($input: CreateSkillInput!) { createSkill(input: $input) { slug name } }';
const CREATE_RESOURCE = 'mutation($input: CreateResourceInput!) { createResource(input: $input) { slug title } }';
let counter = 0;
const skill = (name: string) => ({
  slug: `clean-text-${++counter}`,
  name,
  estimatedHours: 2,
  area: 'operations',
  level: 'junior',
  description: 'A skill made by the clean-text tests, long enough for the rule on descriptions to accept it.',
});

async function createSkill(name: string) {
  const input = skill(name);
  const { data, errors } = await execute<any>(api.clientWithToken(ALICE), CREATE_SKILL, { input });
  const stored = await execute<any>(api.client, '{ skill(slug: $slug) { name } }'.replace('$slug', `"${input.slug}"`));
  return { data, errors, stored: stored.data?.skill ?? null };
}

it.each([
  [
    'three zero-width spaces, which look empty',
    '\u200b\u200b\u200b',
    'must not contain invisible formatting characters (found U+200B)',
  ],
  ['a byte order mark', '\ufeffBOM skill', 'must not contain invisible formatting characters (found U+FEFF)'],
  [
    'a right-to-left override',
    'Intro \u202egnp.exe',
    'must not contain invisible formatting characters (found U+202E)',
  ],
  [
    'a first-strong isolate',
    'Isolated \u2068name\u2069',
    'must not contain invisible formatting characters (found U+2068)',
  ],
  [
    'a zero-width joiner between spaces',
    'Joined \u200d name',
    'must not contain invisible formatting characters (found U+200D)',
  ],
  ['a line separator', 'line\u2028separated', 'must not contain line or paragraph separators (found U+2028)'],
  ['a paragraph separator', 'paragraph\u2029separated', 'must not contain line or paragraph separators (found U+2029)'],
  ['only Hangul fillers, which render as nothing', '\u3164\u3164', 'must contain at least one visible character'],
])('refuses a skill name with %s, and writes nothing', async (_case, name, message) => {
  const { data, errors, stored } = await createSkill(name);
  expect(data?.createSkill ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors[0].extensions).toEqual({
    code: 'BAD_USER_INPUT',
    fields: [{ field: 'input.name', rule: 'clean-text', message }],
  });
  expect(stored).toBeNull();
});

it.each([
  ['an emoji sequence joined by ZWJ', 'On call \u{1F469}\u200d\u{1F4BB}'],
  ['an emoji with a skin tone and ZWJ', 'Pairing \u{1F469}\u{1F3FD}\u200d\u{1F4BB}'],
  ['Persian with a zero-width non-joiner', 'می\u200cخواهم'],
  ['Devanagari with a zero-width joiner', 'क्\u200dष'],
  ['combining accents', 'Cafe\u0301 caching'],
])('accepts a skill name with %s', async (_case, name) => {
  const { errors, stored } = await createSkill(name);
  expect(errors).toEqual([]);
  expect(stored).toEqual({ name });
});

it('applies the same rules to every text field: a resource title with a right-to-left override is refused', async () => {
  const input = {
    slug: 'clean-text-resource',
    title: '\u202egnp.exe',
    kind: 'GUIDE',
    url: 'https://example.org/clean-text',
    free: true,
    estimatedHours: 1,
    skills: ['http'],
  };
  const { errors } = await execute<any>(api.clientWithToken(ALICE), CREATE_RESOURCE, { input });
  expect(errors[0]?.extensions).toEqual({
    code: 'BAD_USER_INPUT',
    fields: [
      {
        field: 'input.title',
        rule: 'clean-text',
        message: 'must not contain invisible formatting characters (found U+202E)',
      },
    ],
  });
  expect(
    (await execute<any>(api.client, '{ resource(slug: "clean-text-resource") { slug } }')).data?.resource,
  ).toBeNull();
});
