import { Ctx, Query, Resolver } from 'type-graphql';

import type { Context } from '../request-context';
import { DatasetInfoType } from '../types/dataset-info.type';

@Resolver(() => DatasetInfoType)
export class DatasetResolver {
  @Query(() => DatasetInfoType, {
    nullable: true,
    description: 'The edition of the content, the edits accepted since, and how big the graph is.',
  })
  dataset(@Ctx() { skillGraph }: Context) {
    return skillGraph.datasetInfo();
  }
}
