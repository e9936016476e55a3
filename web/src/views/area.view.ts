import { query } from '../api/client';
import { AREA } from '../api/operations';
import { h, link, plural } from '../dom';
import { hrefOf, skillHref } from '../routes';
import { notFoundView } from './status.view';
import { badge, heading, hours, type View, type ViewContext } from './view';

export async function areaView(slug: string, level: string | null, context: ViewContext): Promise<View> {
  const { area, levels } = await query(AREA, { slug }, context.signal);
  if (area === null) return notFoundView(`There is no area called “${slug}”.`);
  const chosen = levels.find((candidate) => candidate.slug === level) ?? null;
  const skills = area.skills
    .filter((skill) => chosen === null || skill.level.slug === chosen.slug)
    .sort((a, b) => a.level.rank - b.level.rank || a.name.localeCompare(b.name));

  const filter = h(
    'nav',
    { class: 'filter', 'aria-label': 'Level' },
    [{ slug: null, name: 'All levels' }, ...levels].map((option) =>
      h(
        'a',
        {
          href: hrefOf({ view: 'area', slug, level: option.slug }),
          'aria-current': option.slug === (chosen?.slug ?? null) ? 'page' : null,
          'data-focus-key': `level-${option.slug ?? 'all'}`,
        },
        option.name,
      ),
    ),
  );
  return {
    title: chosen === null ? area.name : `${area.name}: ${chosen.name}`,
    node: h(
      'div',
      { 'data-page': 'area' },
      heading(area.name),
      h('p', { class: 'lead' }, area.description),
      filter,
      h(
        'p',
        { class: 'muted', role: 'status' },
        `${plural(skills.length, 'skill')}${chosen === null ? '' : ` expected from ${chosen.name.toLowerCase()} level`}.`,
      ),
      h(
        'ul',
        { class: 'skill-list' },
        skills.map((skill) =>
          h(
            'li',
            { 'data-skill': skill.slug },
            link(skillHref(skill.slug), skill.name),
            ' ',
            badge(skill.level.name, `level-${skill.level.slug}`),
            h('span', { class: 'muted' }, ` ${hours(skill.estimatedHours)}`),
            skill.parent === null ? null : h('span', { class: 'muted small' }, ' · sub-topic'),
          ),
        ),
      ),
    ),
  };
}
