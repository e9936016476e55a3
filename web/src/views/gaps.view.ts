import { ApiError, query } from '../api/client';
import { skillCatalogue } from '../api/catalogue';
import { GAP_ANALYSIS } from '../api/operations';
import type { GapAnalysisData } from '../api/types';
import { h, link, plural } from '../dom';
import { LEVELS, type LevelSlug, hrefOf, skillHref } from '../routes';
import { skillPicker } from './skill-picker';
import { badge, heading, hours, section, type View, type ViewContext } from './view';

const MAX_PLAN_TARGETS = 50;

export async function gapsView(
  route: { level: LevelSlug; known: string[]; helpful: boolean },
  context: ViewContext,
): Promise<View> {
  const catalogue = await skillCatalogue();
  let data: GapAnalysisData | null = null;
  let problem: string | null = null;
  try {
    data = await query<GapAnalysisData>(
      GAP_ANALYSIS,
      { level: route.level, known: route.known, helpful: route.helpful },
      context.signal,
    );
  } catch (error) {
    if (!(error instanceof ApiError) || !['NOT_FOUND', 'BAD_USER_INPUT'].includes(error.code)) throw error;
    problem = error.message;
  }
  const known = skillPicker({
    id: 'known',
    label: 'Skills you already know',
    hint: 'Type a name and press Enter, or pick a suggestion.',
    initial: route.known,
    catalogue,
  });
  const levelSelect = h(
    'select',
    { id: 'level' },
    LEVELS.map((level) =>
      h('option', { value: level, selected: level === route.level }, level[0]!.toUpperCase() + level.slice(1)),
    ),
  );
  const helpfulBox = h('input', { id: 'gaps-helpful', type: 'checkbox', checked: route.helpful });
  const form = h(
    'form',
    {
      class: 'plan-form',
      'aria-label': 'Gap analysis',
      onsubmit: (event: Event) => {
        event.preventDefault();
        context.navigate(
          hrefOf({
            view: 'gaps',
            level: levelSelect.value as LevelSlug,
            known: known.values(),
            helpful: helpfulBox.checked,
          }),
        );
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'level' }, 'Level'), levelSelect),
    known.element,
    h('div', { class: 'checkbox' }, helpfulBox, h('label', { for: 'gaps-helpful' }, ' Include helpful prerequisites')),
    h('button', { type: 'submit' }, 'Show what I lack'),
  );

  const gap = data?.gapAnalysis ?? null;
  const levelName = gap?.level.name ?? route.level;
  const result =
    problem !== null
      ? h('p', { class: 'error', role: 'alert' }, problem)
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
                      hoursPerWeek: 10,
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
