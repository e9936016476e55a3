import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Resource } from '../../domain/model/skill-graph.types';
import { slugOf } from '../../domain/model/slug';
import type { Context } from '../request-context';
import { globalId } from '../global-id';
import { ResourcesArgs } from '../inputs/resources.args';
import { ResourceConnectionType, ResourceType } from '../types/resource.type';
import { SkillType } from '../types/skill.type';

@Resolver(() => ResourceType)
export class ResourceResolver {
  @Query(() => ResourceType, { nullable: true, description: 'A resource by slug, or null when there is none.' })
  resource(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context) {
    return loaders.resource.load(slugOf(slug));
  }

  @Query(() => ResourceConnectionType, {
    nullable: true,
    description: 'Learning resources in slug order, filtered and paginated.',
  })
  resources(@Args(() => ResourcesArgs) { filter, first, after }: ResourcesArgs, @Ctx() { skillGraph }: Context) {
    return skillGraph.listResources(filter ?? {}, { first, after });
  }

  @FieldResolver(() => ID)
  id(@Root() resource: Resource) {
    return globalId('Resource', resource.slug);
  }

  @FieldResolver(() => [SkillType])
  skills(@Root() resource: Resource, @Ctx() { loaders }: Context) {
    return loaders.skillsOfResource.load(resource.slug);
  }
}
