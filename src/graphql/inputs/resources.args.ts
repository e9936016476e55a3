import { ArgsType, Field, InputType } from 'type-graphql';

import type { ResourceKind } from '../../domain/model/skill-graph.types';
import { ResourceKindEnum } from '../types/enums';
import { ConnectionArgs } from './connection.args';

@InputType('ResourceFilter')
export class ResourceFilterInput {
  @Field(() => ResourceKindEnum, { nullable: true })
  kind?: ResourceKind;

  @Field({ nullable: true, description: 'Only resources that teach this skill (slug).' })
  skill?: string;

  @Field({ nullable: true })
  free?: boolean;
}

@ArgsType()
export class ResourcesArgs extends ConnectionArgs {
  @Field(() => ResourceFilterInput, { nullable: true })
  filter?: ResourceFilterInput;
}
