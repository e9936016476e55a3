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
  return new RandomQuery(values, seed, maxDepth).of(schema, skipRootFields);
}

/** One query's drawing: every choice comes from one seeded sequence, in the order made. */
class RandomQuery {
  private readonly random: () => number;
  private readonly fragments: string[] = [];

  constructor(
    private readonly values: ArgumentValues,
    seed: number,
    private readonly maxDepth: number,
  ) {
    this.random = mulberry32(seed);
  }

  of(schema: GraphQLSchema, skipRootFields: readonly string[]): string {
    const query = schema.getQueryType()!;
    const roots = Object.values(query.getFields()).filter(
      (field) => this.canSelect(field) && !skipRootFields.includes(field.name),
    );
    const count = this.int(1, 3);
    const chosen = Array.from({ length: count }, (_, i) => {
      const field = this.pick(roots);
      const named = getNamedType(field.type);
      const inner = isObjectType(named) || isUnionType(named) ? ` { ${this.selectionOf(named, 1)} }` : '';
      return `r${i}: ${field.name}${this.argumentsOf(field)}${inner}`;
    });
    return [`query Random { ${chosen.join(' ')} }`, ...this.fragments].join('\n');
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private slugsFor(argument: string, field: string): readonly string[] {
    if (field === 'area') return this.values.areas;
    if (field === 'level' || argument === 'level') return this.values.levels;
    if (field === 'resource') return this.values.resources;
    return this.values.skills;
  }

  private literal(type: GraphQLInputType, argument: string, field: string): string | null {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const list = Array.from({ length: this.int(argument === 'targets' ? 1 : 0, 3) }, () =>
        this.literal(nullable.ofType, argument, field),
      );
      return `[${list.join(', ')}]`;
    }
    if (isEnumType(nullable)) return this.pick(nullable.getValues()).name;
    if (!isScalarType(nullable)) return null; // input objects: optional everywhere, left out
    switch (nullable.name) {
      case 'Boolean':
        return String(this.chance(0.5));
      case 'Int':
        if (argument === 'first') return String(this.pick([0, 1, 5, 20, 50, 100]));
        if (argument === 'maxDepth') return String(this.int(0, 25));
        if (argument === 'hoursPerWeek') return String(this.pick([1, 2, 5, 10, 40]));
        return String(this.int(0, 10));
      case 'String':
      case 'ID':
        if (argument === 'text') return JSON.stringify(this.pick(this.values.texts));
        if (argument === 'after') return null;
        return JSON.stringify(this.chance(0.05) ? 'no-such-slug' : this.pick(this.slugsFor(argument, field)));
      default:
        return null;
    }
  }

  private argumentsOf(field: GraphQLField<unknown, unknown>): string {
    const given = field.args.flatMap((argument: GraphQLArgument) => {
      const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
      if (!required && !this.chance(0.4)) return [];
      const value = this.literal(argument.type, argument.name, field.name);
      return value === null ? [] : [`${argument.name}: ${value}`];
    });
    return given.length === 0 ? '' : `(${given.join(', ')})`;
  }

  private canSelect(field: GraphQLField<unknown, unknown>): boolean {
    return field.args.every(
      (argument) =>
        !isNonNullType(argument.type) ||
        argument.defaultValue !== undefined ||
        this.literal(argument.type, argument.name, field.name) !== null,
    );
  }

  private selectionOf(type: GraphQLNamedType, depth: number): string {
    if (isUnionType(type)) {
      const members = type.getTypes().filter(() => this.chance(0.7));
      const chosen = members.length === 0 ? [this.pick(type.getTypes())] : members;
      return [
        '__typename',
        ...chosen.map((member) => `... on ${member.name} { ${this.selectionOf(member, depth)} }`),
      ].join(' ');
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields()).filter((field) => this.canSelect(field));
    const leaves = fields.filter((field) => !isCompositeType(getNamedType(field.type)));
    const branches = depth < this.maxDepth ? fields.filter((field) => isCompositeType(getNamedType(field.type))) : [];
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const wanted = this.int(1, 4);
    for (let i = 0; i < wanted * 2 && chosen.size < wanted; i++) {
      const pool = branches.length > 0 && this.chance(0.6) ? branches : leaves.length > 0 ? leaves : branches;
      if (pool.length > 0) chosen.add(this.pick(pool));
    }
    if (chosen.size === 0) return '__typename';
    const parts = [...chosen].map((field) => {
      const named = getNamedType(field.type);
      const inner = isCompositeType(named) ? ` { ${this.selectionOf(named, depth + 1)} }` : '';
      return `${field.name}${this.argumentsOf(field)}${inner}`;
    });
    return this.someThroughFragments(object, parts).join(' ');
  }

  /** Some of the fields through an inline fragment or a named one, none selected twice. */
  private someThroughFragments(object: GraphQLObjectType, parts: string[]): string[] {
    if (parts.length > 1 && this.chance(0.3)) {
      const moved = parts.splice(0, this.int(1, parts.length - 1));
      if (this.chance(0.5)) parts.push(`... on ${object.name} { ${moved.join(' ')} }`);
      else {
        const name = `F${this.fragments.length}`;
        this.fragments.push(`fragment ${name} on ${object.name} { ${moved.join(' ')} }`);
        parts.push(`...${name}`);
      }
    }
    return parts;
  }
}
