import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Change } from '../../domain/model/editing.types';
import type { Context } from '../request-context';
import { ConnectionArgs } from '../inputs/connection.args';
import { ChangeConnectionType, ChangeType } from '../types/editing.type';

@Resolver(() => ChangeType)
export class ChangeResolver {
  @Query(() => ChangeConnectionType, {
    nullable: true,
    description: 'Accepted changes, newest first. Needs an editor token.',
  })
  changes(@Args(() => ConnectionArgs) { first, after }: ConnectionArgs, @Ctx() { editing, editor }: Context) {
    return editing.listChanges(editor, { first, after });
  }

  @FieldResolver(() => ID)
  id(@Root() change: Change) {
    return `Change:${change.sequence}`;
  }
}
