import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';

import { ClearLoadersAfterWrite } from '../clear-loaders.middleware';
import type { Context } from '../request-context';
import { CreateResourceInput, UpdateResourceInput } from '../inputs/editing.input';
import { DeletedResourceType } from '../types/editing.type';
import { ResourceType } from '../types/resource.type';

const EDITORS = 'Needs an editor token.';

@Resolver(() => ResourceType)
@UseMiddleware(ClearLoadersAfterWrite)
export class ResourceEditingResolver {
  @Mutation(() => ResourceType, { nullable: true, description: `Adds a learning resource. ${EDITORS}` })
  createResource(
    @Arg('input', () => CreateResourceInput) input: CreateResourceInput,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.createResource(editor, input);
  }

  @Mutation(() => ResourceType, { nullable: true, description: `Changes the given fields of a resource. ${EDITORS}` })
  updateResource(
    @Arg('slug', () => String) slug: string,
    @Arg('input', () => UpdateResourceInput) input: UpdateResourceInput,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.updateResource(editor, slug, input);
  }

  @Mutation(() => DeletedResourceType, {
    nullable: true,
    description: `Deletes a resource, a dead link for example. ${EDITORS}`,
  })
  deleteResource(@Arg('slug', () => String) slug: string, @Ctx() { editing, editor }: Context) {
    return editing.deleteResource(editor, slug);
  }

  @Mutation(() => ResourceType, { nullable: true, description: `Records that a resource teaches a skill. ${EDITORS}` })
  linkResource(
    @Arg('resource', () => String) resource: string,
    @Arg('skill', () => String) skill: string,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.linkResource(editor, resource, skill);
  }

  @Mutation(() => ResourceType, {
    nullable: true,
    description: `Removes a resource-to-skill link; refused (CONFLICT) for the last skill a resource teaches. ${EDITORS}`,
  })
  unlinkResource(
    @Arg('resource', () => String) resource: string,
    @Arg('skill', () => String) skill: string,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.unlinkResource(editor, resource, skill);
  }
}
