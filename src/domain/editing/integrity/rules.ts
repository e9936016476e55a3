import { MAX_CHAIN_DEPTH } from '../../model/limits';

// The graph's integrity rules, named once. The dataset loader checks all of them over the whole
// graph at start; every write checks them, inside its transaction, on the records it touches.
// Either way a broken rule is reported by this id, so a refused edit and a refused start say the
// same thing.

export const INTEGRITY_RULES = {
  // Rules of one field, or of one record on its own.
  required: 'a field without a default is given, and not null',
  'known-field': 'a record has no field its kind does not name',
  slug: 'a slug is kebab-case, at most 80 characters',
  'clean-text': 'text has no control characters and is well-formed Unicode',
  'text-length': 'text, once surrounding spaces are trimmed, has a length within its bounds',
  'whole-number': 'a number is whole and within its bounds',
  boolean: 'a flag is true or false',
  'https-url': 'a URL is an absolute https URL with a host, without credentials or spaces',
  'one-of': 'an enumerated value is one of its values',
  version: 'the edition of the content is a semantic version',
  date: 'a date is written YYYY-MM-DD and exists',
  'list-length': 'a list has a length within its bounds',
  distinct: "a list names each item once (a skill's aliases: ignoring case)",
  'not-itself': 'an edge or a parent does not point back at its own record',
  'book-details': 'a BOOK has authors and a year',
  'alias-not-name': "a skill's alias is not its own name, ignoring case",
  'free-matches-access': 'a resource is free exactly when its access is not PAID',
  normalised: 'a record is stored as the loader reads it back: text trimmed, left-out values empty',
  // Rules of records together.
  'resource-teaches-a-skill': 'every resource teaches at least one skill',
  'responsibility-needs-a-skill': 'every responsibility needs at least one skill',
  'unique-slug': 'each slug names one record of its kind',
  'unique-edge': 'each edge is listed once',
  'unique-rank': 'each seniority level has a rank of its own',
  'known-reference': 'every slug a record names exists',
  'acyclic-parents': 'no skill is a sub-topic of itself, at any depth',
  'acyclic-prerequisites': 'no skill requires itself, at any depth',
  'chain-length': `no prerequisite chain is longer than ${MAX_CHAIN_DEPTH} steps`,
} as const;

export type RuleId = keyof typeof INTEGRITY_RULES;
