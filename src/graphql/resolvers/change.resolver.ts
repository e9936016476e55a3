import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Change } from '../../domain/model/editing.types';
import type { Context } from '../request-context';
import { ConnectionArgs } from '../inputs/connection.args';
import { connectionType } from '../types/connection.type';
import { ChangeType } from '../types/editing.type';

export const ChangeConnectionType = connectionType('Change', ChangeType, 'newest first');

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
