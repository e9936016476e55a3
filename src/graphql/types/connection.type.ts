import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', {
  simpleResolvers: true,
  description: 'Relay page information.',
})
export class PageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor!: string | null;
}

/**
 * A Relay connection type for `Node`: `<Name>Connection { edges { cursor node } pageInfo totalCount }`.
 * One factory, so every connection has the same shape.
 */
export function connectionType<Node extends object>(
  name: string,
  nodeType: ClassType<Node>,
  order: 'slug order' | 'newest first' = 'slug order',
) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field({ description: 'Opaque position of this node; valid as long as the node exists.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: Node;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} nodes, ${order}.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfoType)
    pageInfo!: PageInfoType;

    @Field(() => Int, { description: 'Every match for the filter, across all pages.' })
    totalCount!: number;
  }

  return ConnectionType;
}
