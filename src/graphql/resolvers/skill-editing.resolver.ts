import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';

import type { PrerequisiteStrength } from '../../domain/model/skill-graph.types';
import { PrerequisiteStrengthEnum } from '../types/enums';
import { ClearLoadersAfterWrite } from '../clear-loaders.middleware';
import type { Context } from '../request-context';
import { CreateSkillInput, UpdateSkillInput } from '../inputs/editing.input';
import { DeletedSkillType } from '../types/editing.type';
import { SkillType } from '../types/skill.type';

const EDITORS = 'Needs an editor token.';

@Resolver(() => SkillType)
@UseMiddleware(ClearLoadersAfterWrite)
export class SkillEditingResolver {
  @Mutation(() => SkillType, {
    nullable: true,
    description: `Creates a skill. CONFLICT if the slug exists. ${EDITORS}`,
  })
  createSkill(@Arg('input', () => CreateSkillInput) input: CreateSkillInput, @Ctx() { editing, editor }: Context) {
    return editing.createSkill(editor, input);
  }

  @Mutation(() => SkillType, { nullable: true, description: `Changes the given fields of a skill. ${EDITORS}` })
  updateSkill(
    @Arg('slug', () => String) slug: string,
    @Arg('input', () => UpdateSkillInput) input: UpdateSkillInput,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.updateSkill(editor, slug, input);
  }

  @Mutation(() => DeletedSkillType, {
    nullable: true,
    description: `Deletes a skill. Refused (CONFLICT) while others require it or it has sub-topics, unless force removes those links too; refused even with force when it is the only skill of a resource or a responsibility. ${EDITORS}`,
  })
  deleteSkill(
    @Arg('slug', () => String) slug: string,
    @Arg('force', () => Boolean, { defaultValue: false }) force: boolean,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.deleteSkill(editor, slug, force);
  }

  @Mutation(() => SkillType, {
    nullable: true,
    description: `Makes \`skill\` require \`requires\`. PREREQUISITE_CYCLE (with extensions.cycle) if that would close a loop. Returns \`skill\`. ${EDITORS}`,
  })
  addPrerequisite(
    @Arg('skill', () => String) skill: string,
    @Arg('requires', () => String) requires: string,
    @Arg('reason', () => String, { description: 'One line a learner can read.' }) reason: string,
    @Arg('strength', () => PrerequisiteStrengthEnum, { defaultValue: 'ESSENTIAL' }) strength: PrerequisiteStrength,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.addPrerequisite(editor, skill, requires, reason, strength);
  }

  @Mutation(() => SkillType, {
    nullable: true,
    description: `Changes the reason or the strength of a prerequisite. NOT_FOUND if \`skill\` does not require \`requires\`. Returns \`skill\`. ${EDITORS}`,
  })
  updatePrerequisite(
    @Arg('skill', () => String) skill: string,
    @Arg('requires', () => String) requires: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Arg('strength', () => PrerequisiteStrengthEnum, { nullable: true }) strength: PrerequisiteStrength | null,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.updatePrerequisite(editor, skill, requires, { reason, strength });
  }

  @Mutation(() => SkillType, { nullable: true, description: `Removes a prerequisite. Returns \`skill\`. ${EDITORS}` })
  removePrerequisite(
    @Arg('skill', () => String) skill: string,
    @Arg('requires', () => String) requires: string,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.removePrerequisite(editor, skill, requires);
  }

  @Mutation(() => SkillType, { nullable: true, description: `Marks two skills as related topics. ${EDITORS}` })
  addRelated(
    @Arg('skill', () => String) skill: string,
    @Arg('related', () => String) related: string,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.addRelated(editor, skill, related);
  }

  @Mutation(() => SkillType, { nullable: true, description: `Removes a related-topic link. ${EDITORS}` })
  removeRelated(
    @Arg('skill', () => String) skill: string,
    @Arg('related', () => String) related: string,
    @Ctx() { editing, editor }: Context,
  ) {
    return editing.removeRelated(editor, skill, related);
  }
}
