import { skillCatalogue } from '../api/catalogue';
import { type ResultOf, queryOrProblem } from '../api/client';
import { LEARNING_PLAN } from '../api/operations';
import { checkboxField, helpfulField, learningForm, problemNote } from '../components/form';
import { resourceList } from '../components/resources';
import { knownSkillsField, skillPicker } from '../components/skill-picker';
import { h, link, plural } from '../dom';
import { type Route, hrefOf, skillHref } from '../routes';
import { badge, heading, hours, section, type View, type ViewContext } from './view';

export async function planView(route: Extract<Route, { view: 'plan' }>, context: ViewContext): Promise<View> {
  const catalogue = await skillCatalogue();
  const targets = skillPicker({
    id: 'targets',
    label: 'Skills to reach',
    hint: 'Type a skill’s name and press Enter, or pick a suggestion. Up to 50.',
    initial: route.targets,
    catalogue,
  });
  const known = knownSkillsField(route.known, catalogue, 'Their prerequisites count as known too.');
  const hoursInput = h('input', {
    id: 'hours',
    type: 'number',
    min: 1,
    max: 168,
    value: route.hoursPerWeek,
    required: true,
  });
  const free = checkboxField('free', ' Free resources only', route.freeOnly);
  const helpful = helpfulField('plan-helpful', route.helpful);
  const form = learningForm({
    label: 'Learning plan',
    submit: 'Make the plan',
    navigate: (href) => context.navigate(href),
    href: () =>
      hrefOf({
        view: 'plan',
        targets: targets.values(),
        known: known.values(),
        hoursPerWeek: Number(hoursInput.value) || route.hoursPerWeek,
        freeOnly: free.input.checked,
        helpful: helpful.input.checked,
      }),
    fields: [
      targets.element,
      known.element,
      h('div', { class: 'field' }, h('label', { for: 'hours' }, 'Hours per week'), hoursInput),
      free.element,
      helpful.element,
    ],
  });

  let result: Node | null = null;
  if (route.targets.length > 0) {
    const { data, problem } = await queryOrProblem(
      LEARNING_PLAN,
      {
        targets: route.targets,
        known: route.known,
        hoursPerWeek: route.hoursPerWeek,
        filter: route.freeOnly ? { free: true } : null,
        helpful: route.helpful,
      },
      context.signal,
    );
    // A slug that is not a skill, or too many targets: the form stays, with the API's words.
    if (problem !== null) result = problemNote(problem);
    else if (data.learningPath !== null) result = planResult(data.learningPath);
  }
  return {
    title:
      route.targets.length === 0
        ? 'Learning plan'
        : `Plan: ${route.targets.map((slug) => catalogue.get(slug) ?? slug).join(', ')}`,
    node: h(
      'div',
      { 'data-page': 'plan' },
      heading('Learning plan'),
      h(
        'p',
        { class: 'lead' },
        'Everything you still need for your targets, each skill after its prerequisites, with resources and a schedule.',
      ),
      form,
      result,
    ),
  };
}

function planResult(plan: NonNullable<ResultOf<'ExplorerLearningPlan'>['learningPath']>): HTMLElement {
  const weeks = plan.weeks === null ? '' : `, about ${plural(plan.weeks, 'week')} at ${plan.hoursPerWeek} h a week`;
  return h(
    'div',
    { class: 'plan-result', 'data-plan': true },
    h(
      'p',
      { role: 'status', class: 'summary' },
      plan.steps.length === 0
        ? 'You know everything these targets need.'
        : `${plural(plan.steps.length, 'step')}, ${hours(plan.totalHours)}${weeks}.`,
    ),
    plan.steps.length === 0
      ? null
      : section(
          'Steps',
          h(
            'ol',
            { class: 'steps' },
            plan.steps.map((step) =>
              h(
                'li',
                { 'data-step': step.skill.slug },
                h(
                  'div',
                  { class: 'step-head' },
                  link(skillHref(step.skill.slug), step.skill.name),
                  ' ',
                  step.isTarget ? badge('target', 'target') : null,
                  h('span', { class: 'muted' }, ` ${hours(step.hours)}`),
                ),
                step.neededFor.length === 0
                  ? null
                  : h(
                      'ul',
                      { class: 'needed-for' },
                      step.neededFor.map((need) =>
                        h(
                          'li',
                          null,
                          'for ',
                          link(skillHref(need.skill.slug), need.skill.name),
                          need.strength === 'HELPFUL' ? ' (helpful)' : '',
                          `: ${need.reason}`,
                        ),
                      ),
                    ),
                h(
                  'details',
                  null,
                  h('summary', null, `Resources (${step.resources.length})`),
                  resourceList(step.resources),
                ),
              ),
            ),
          ),
        ),
    plan.schedule === null || plan.schedule.length === 0
      ? null
      : section(
          'Week by week',
          h(
            'ol',
            { class: 'schedule' },
            plan.schedule.map((week) =>
              h(
                'li',
                { 'data-week': week.week },
                h('strong', null, `Week ${week.week}`),
                h('span', { class: 'muted' }, ` (${hours(week.hours)}): `),
                week.sessions.map((session, index) => [
                  index > 0 ? ', ' : '',
                  link(skillHref(session.skill.slug), session.skill.name),
                  ` ${hours(session.hours)}`,
                ]),
              ),
            ),
          ),
        ),
  );
}
