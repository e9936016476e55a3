import { parse } from 'graphql';

import { selectedFields } from '../../src/graphql/execution/compiled-executor';

// A compiled query's weight in its cache is by the fields it has code for.

describe('selectedFields', () => {
  it('counts every field of the operations, nested ones included', () => {
    expect(selectedFields(parse('{ skill(slug: "http") { slug area { slug name } } levels { slug } }'))).toBe(7);
  });

  it('counts a fragment once for each place it is spread, inline fragments as their fields', () => {
    const document = parse(`
      query { a: skill(slug: "a") { ...S } b: skill(slug: "b") { ...S ... on Skill { name } } }
      fragment S on Skill { slug area { slug } }
    `);
    expect(selectedFields(document)).toBe(2 + 3 + 3 + 1);
  });

  it('stays finite on a fragment cycle (which validation refuses first)', () => {
    expect(selectedFields(parse('{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }'))).toBe(
      1,
    );
  });
});
