import { skillCatalogue } from '../api/catalogue';
import { queryOrProblem } from '../api/client';
import { READY_TO_LEARN } from '../api/operations';
import { helpfulField, learningForm, problemNote } from '../components/form';
import { knownSkillsField } from '../components/skill-picker';
import { h, link } from '../dom';
import { type Route, hrefOf, skillHref } from '../routes';
import { badge, heading, hours, section, type View, type ViewContext } from './view';

export async function nextView(route: Extract<Route, { view: 'next' }>, context: ViewContext): Promise<View> {
  const catalogue = await skillCatalogue();
  const { data, problem } = await queryOrProblem(
    READY_TO_LEARN,
    { known: route.known, helpful: route.helpful },
    context.signal,
  );
  const known = knownSkillsField(route.known, catalogue);
  const helpful = helpfulField('next-helpful', route.helpful);
  const form = learningForm({
    label: 'What can I learn next',
    submit: 'Show what I can learn next',
    navigate: (href) => context.navigate(href),
    href: () => hrefOf({ view: 'next', known: known.values(), helpful: helpful.input.checked }),
    fields: [known.element, helpful.element],
  });
  const title = route.known.length === 0 ? 'Foundations: where everyone starts' : 'Ready to learn next';
  const list =
    problem !== null
      ? problemNote(problem)
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
            (data.readyToLearn ?? []).map((entry) =>
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
