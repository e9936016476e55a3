import { ArgsType, Field, InputType } from 'type-graphql';

import type { ResourceAccess, ResourceKind } from '../../domain/model/skill-graph.types';
import { ResourceAccessEnum, ResourceKindEnum } from '../types/enums';
import { ConnectionArgs } from './connection.args';

@InputType('ResourceFilter')
export class ResourceFilterInput {
  @Field(() => ResourceKindEnum, { nullable: true })
  kind?: ResourceKind;

  @Field({ nullable: true, description: 'Only resources that teach this skill (slug).' })
  skill?: string;

  @Field({ nullable: true })
  free?: boolean;

  @Field(() => ResourceAccessEnum, { nullable: true })
  access?: ResourceAccess;
}

@ArgsType()
export class ResourcesArgs extends ConnectionArgs {
  @Field(() => ResourceFilterInput, { nullable: true })
  filter?: ResourceFilterInput;
}
