import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('DatasetCounts', { simpleResolvers: true, description: 'How big the graph is now.' })
export class DatasetCountsType {
  @Field(() => Int)
  areas!: number;

  @Field(() => Int)
  skills!: number;

  @Field(() => Int)
  essentialPrerequisites!: number;

  @Field(() => Int)
  helpfulPrerequisites!: number;

  @Field(() => Int)
  relatedTopics!: number;

  @Field(() => Int)
  responsibilities!: number;

  @Field(() => Int)
  resources!: number;

  @Field(() => Int)
  freeResources!: number;
}

@ObjectType('DatasetInfo', {
  simpleResolvers: true,
  description:
    'Which graph this is: the edition of the content and the edits accepted since. A frontend can cache ' +
    'everything it read under `version` and `revision`, and read again when either changes.',
})
export class DatasetInfoType {
  @Field(() => String, {
    nullable: true,
    description: 'Semantic version of the content (data/dataset.json); null for a graph without one.',
  })
  version!: string | null;

  @Field(() => String, { nullable: true, description: 'When this edition was published, YYYY-MM-DD.' })
  date!: string | null;

  @Field(() => Int, { description: 'The sequence number of the latest accepted change; 0 when there is none.' })
  revision!: number;

  @Field(() => DatasetCountsType)
  counts!: DatasetCountsType;
}
