import { ArgsType, Field, InputType } from 'type-graphql';

import { ConnectionArgs } from './connection.args';

@InputType('SkillFilter')
export class SkillFilterInput {
  @Field({ nullable: true, description: 'Area slug.' })
  area?: string;

  @Field({ nullable: true, description: 'Level slug: skills expected from exactly this level.' })
  level?: string;

  @Field({ nullable: true, description: 'Case-insensitive text in the name, an alias, the slug or the description.' })
  search?: string;
}

@ArgsType()
export class SkillsArgs extends ConnectionArgs {
  @Field(() => SkillFilterInput, { nullable: true })
  filter?: SkillFilterInput;
}
