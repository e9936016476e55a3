import { skillCatalogue } from '../api/catalogue';
import { queryOrProblem } from '../api/client';
import { GAP_ANALYSIS } from '../api/operations';
import { helpfulField, learningForm, problemNote } from '../components/form';
import { knownSkillsField } from '../components/skill-picker';
import { h, link, plural } from '../dom';
import { DEFAULT_HOURS_PER_WEEK, LEVELS, type LevelSlug, type Route, hrefOf, skillHref } from '../routes';
import { badge, heading, hours, section, type View, type ViewContext } from './view';

const MAX_PLAN_TARGETS = 50;

export async function gapsView(route: Extract<Route, { view: 'gaps' }>, context: ViewContext): Promise<View> {
  const catalogue = await skillCatalogue();
  const { data, problem } = await queryOrProblem(
    GAP_ANALYSIS,
    { level: route.level, known: route.known, helpful: route.helpful },
    context.signal,
  );
  const known = knownSkillsField(route.known, catalogue);
  const levelSelect = h(
    'select',
    { id: 'level' },
    LEVELS.map((level) =>
      h('option', { value: level, selected: level === route.level }, level[0]!.toUpperCase() + level.slice(1)),
    ),
  );
  const helpful = helpfulField('gaps-helpful', route.helpful);
  const form = learningForm({
    label: 'Gap analysis',
    submit: 'Show what I lack',
    navigate: (href) => context.navigate(href),
    href: () =>
      hrefOf({
        view: 'gaps',
        level: levelSelect.value as LevelSlug,
        known: known.values(),
        helpful: helpful.input.checked,
      }),
    fields: [
      h('div', { class: 'field' }, h('label', { for: 'level' }, 'Level'), levelSelect),
      known.element,
      helpful.element,
    ],
  });

  const gap = data?.gapAnalysis ?? null;
  const levelName = gap?.level.name ?? route.level;
  const result =
    problem !== null
      ? problemNote(problem)
      : gap === null
        ? null
        : h(
            'div',
            { 'data-gaps': true },
            h(
              'p',
              { class: 'summary', role: 'status' },
              gap.missingSkills.length === 0
                ? `You have every skill the ${levelName.toLowerCase()} responsibilities need.`
                : `For ${levelName.toLowerCase()} responsibilities you lack ${plural(gap.missingSkills.length, 'skill')}: ${hours(gap.learningPath.totalHours)} of study with what they need first.`,
            ),
            gap.missingSkills.length === 0
              ? null
              : h(
                  'p',
                  null,
                  link(
                    hrefOf({
                      view: 'plan',
                      targets: gap.missingSkills.slice(0, MAX_PLAN_TARGETS).map((skill) => skill.slug),
                      known: route.known,
                      hoursPerWeek: DEFAULT_HOURS_PER_WEEK,
                      freeOnly: false,
                      helpful: route.helpful,
                    }),
                    'Open this as a learning plan',
                  ),
                  gap.missingSkills.length > MAX_PLAN_TARGETS ? ` (the first ${MAX_PLAN_TARGETS} skills)` : '',
                ),
            section(
              'Responsibilities',
              h(
                'ul',
                { class: 'responsibilities' },
                gap.responsibilities.map((entry) =>
                  h(
                    'li',
                    { 'data-responsibility': entry.responsibility.slug, class: entry.covered ? 'covered' : 'missing' },
                    h('strong', null, entry.responsibility.name),
                    ' ',
                    badge(entry.responsibility.level.name),
                    ' ',
                    entry.covered ? badge('covered', 'free') : badge(`${entry.missingSkills.length} missing`, 'paid'),
                    entry.covered
                      ? null
                      : h(
                          'ul',
                          { class: 'inline-list' },
                          entry.missingSkills.map((skill) => h('li', null, link(skillHref(skill.slug), skill.name))),
                        ),
                  ),
                ),
              ),
            ),
          );
  return {
    title: `Gaps for ${levelName}`,
    node: h(
      'div',
      { 'data-page': 'gaps' },
      heading('What do I lack for a level?'),
      h('p', { class: 'lead' }, 'The responsibilities of a level and the skills they need that you do not have yet.'),
      form,
      result,
    ),
  };
}
