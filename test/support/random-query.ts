import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
} from 'graphql';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

import { mulberry32 } from '../../bench/support/generate-dataset';

// Random queries over any schema, for properties that must hold whatever a client asks: every
// field of the schema can be picked, with arguments drawn from the values the canonical graph
// holds (and a few that it does not), nested up to a depth, with inline fragments and named
// fragments. Driven by one integer seed, so a failing query is reproduced by its seed.

export interface ArgumentValues {
  readonly skills: readonly string[];
  readonly areas: readonly string[];
  readonly levels: readonly string[];
  readonly resources: readonly string[];
  readonly texts: readonly string[];
}

export interface RandomQueryOptions {
  /** Objects nested at most this deep below the root. */
  readonly maxDepth: number;
  /** Root fields to leave out (mutations are never picked). */
  readonly skipRootFields?: readonly string[];
}

export function randomQuery(
  schema: GraphQLSchema,
  values: ArgumentValues,
  seed: number,
  { maxDepth, skipRootFields = [] }: RandomQueryOptions,
): string {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const fragments: string[] = [];

  const slugsFor = (argument: string, field: string): readonly string[] => {
    if (field === 'area') return values.areas;
    if (field === 'level' || argument === 'level') return values.levels;
    if (field === 'resource') return values.resources;
    return values.skills;
  };

  const literal = (type: GraphQLInputType, argument: string, field: string): string | null => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const list = Array.from({ length: int(argument === 'targets' ? 1 : 0, 3) }, () =>
        literal(nullable.ofType, argument, field),
      );
      return `[${list.join(', ')}]`;
    }
    if (isEnumType(nullable)) return pick(nullable.getValues()).name;
    if (!isScalarType(nullable)) return null; // input objects: optional everywhere, left out
    switch (nullable.name) {
      case 'Boolean':
        return String(chance(0.5));
      case 'Int':
        if (argument === 'first') return String(pick([0, 1, 5, 20, 50, 100]));
        if (argument === 'maxDepth') return String(int(0, 25));
        if (argument === 'hoursPerWeek') return String(pick([1, 2, 5, 10, 40]));
        return String(int(0, 10));
      case 'String':
      case 'ID':
        if (argument === 'text') return JSON.stringify(pick(values.texts));
        if (argument === 'after') return null;
        return JSON.stringify(chance(0.05) ? 'no-such-slug' : pick(slugsFor(argument, field)));
      default:
        return null;
    }
  };

  const argumentsOf = (field: GraphQLField<unknown, unknown>): string => {
    const given = field.args.flatMap((argument: GraphQLArgument) => {
      const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
      if (!required && !chance(0.4)) return [];
      const value = literal(argument.type, argument.name, field.name);
      return value === null ? [] : [`${argument.name}: ${value}`];
    });
    return given.length === 0 ? '' : `(${given.join(', ')})`;
  };

  const canSelect = (field: GraphQLField<unknown, unknown>) =>
    field.args.every(
      (argument) =>
        !isNonNullType(argument.type) ||
        argument.defaultValue !== undefined ||
        literal(argument.type, argument.name, field.name) !== null,
    );

  const selectionOf = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type)) {
      const members = type.getTypes().filter(() => chance(0.7));
      const chosen = members.length === 0 ? [pick(type.getTypes())] : members;
      return ['__typename', ...chosen.map((member) => `... on ${member.name} { ${selectionOf(member, depth)} }`)].join(
        ' ',
      );
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields()).filter(canSelect);
    const leaves = fields.filter((field) => !isCompositeType(getNamedType(field.type)));
    const branches = depth < maxDepth ? fields.filter((field) => isCompositeType(getNamedType(field.type))) : [];
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const wanted = int(1, 4);
    for (let i = 0; i < wanted * 2 && chosen.size < wanted; i++) {
      const pool = branches.length > 0 && chance(0.6) ? branches : leaves.length > 0 ? leaves : branches;
      if (pool.length > 0) chosen.add(pick(pool));
    }
    if (chosen.size === 0) return '__typename';
    const parts = [...chosen].map((field) => {
      const named = getNamedType(field.type);
      const inner = isCompositeType(named) ? ` { ${selectionOf(named, depth + 1)} }` : '';
      return `${field.name}${argumentsOf(field)}${inner}`;
    });
    // Some of the fields through an inline fragment or a named one, none selected twice.
    if (parts.length > 1 && chance(0.3)) {
      const moved = parts.splice(0, int(1, parts.length - 1));
      if (chance(0.5)) parts.push(`... on ${object.name} { ${moved.join(' ')} }`);
      else {
        const name = `F${fragments.length}`;
        fragments.push(`fragment ${name} on ${object.name} { ${moved.join(' ')} }`);
        parts.push(`...${name}`);
      }
    }
    return parts.join(' ');
  };

  const query = schema.getQueryType()!;
  const roots = Object.values(query.getFields()).filter(
    (field) => canSelect(field) && !skipRootFields.includes(field.name),
  );
  const count = int(1, 3);
  const chosen = Array.from({ length: count }, (_, i) => {
    const field = pick(roots);
    const named = getNamedType(field.type);
    const inner = isObjectType(named) || isUnionType(named) ? ` { ${selectionOf(named, 1)} }` : '';
    return `r${i}: ${field.name}${argumentsOf(field)}${inner}`;
  });
  return [`query Random { ${chosen.join(' ')} }`, ...fragments].join('\n');
}
