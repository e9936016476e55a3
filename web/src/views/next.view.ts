import { ApiError, query } from '../api/client';
import { skillCatalogue } from '../api/catalogue';
import { READY_TO_LEARN } from '../api/operations';
import type { ReadyToLearnData } from '../api/types';
import { h, link } from '../dom';
import { hrefOf, skillHref } from '../routes';
import { skillPicker } from './skill-picker';
import { badge, heading, hours, section, type View, type ViewContext } from './view';

export async function nextView(route: { known: string[]; helpful: boolean }, context: ViewContext): Promise<View> {
  const catalogue = await skillCatalogue();
  let ready: ReadyToLearnData['readyToLearn'] = null;
  let problem: string | null = null;
  try {
    ready = (
      await query<ReadyToLearnData>(READY_TO_LEARN, { known: route.known, helpful: route.helpful }, context.signal)
    ).readyToLearn;
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
  const helpfulBox = h('input', { id: 'next-helpful', type: 'checkbox', checked: route.helpful });
  const form = h(
    'form',
    {
      class: 'plan-form',
      'aria-label': 'What can I learn next',
      onsubmit: (event: Event) => {
        event.preventDefault();
        context.navigate(hrefOf({ view: 'next', known: known.values(), helpful: helpfulBox.checked }));
      },
    },
    known.element,
    h('div', { class: 'checkbox' }, helpfulBox, h('label', { for: 'next-helpful' }, ' Include helpful prerequisites')),
    h('button', { type: 'submit' }, 'Show what I can learn next'),
  );
  const title = route.known.length === 0 ? 'Foundations: where everyone starts' : 'Ready to learn next';
  const list =
    problem !== null
      ? h('p', { class: 'error', role: 'alert' }, problem)
      : section(
          title,
          h(
            'p',
            { class: 'muted small' },
            'Skills whose prerequisites you know, those that open the most doors first.',
          ),
          h(
            'ol',
            { class: 'ranked' },
            (ready ?? []).map((entry) =>
              h(
                'li',
                { 'data-ready': entry.skill.slug },
                link(skillHref(entry.skill.slug), entry.skill.name),
                ' ',
                badge(entry.skill.level.name),
                h(
                  'span',
                  { class: 'muted' },
                  ` ${entry.skill.area.name} · ${hours(entry.skill.estimatedHours)} · unlocks ${entry.unlockCount}`,
                ),
              ),
            ),
          ),
        );
  return {
    title: 'Learn next',
    node: h(
      'div',
      { 'data-page': 'next' },
      heading('What can I learn next?'),
      h('p', { class: 'lead' }, 'Tell it what you know; it lists the skills you are ready for.'),
      form,
      list,
    ),
  };
}
