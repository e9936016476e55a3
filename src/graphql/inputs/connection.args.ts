import { ArgsType, Field, Int } from 'type-graphql';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../domain/model/limits';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 0 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}
