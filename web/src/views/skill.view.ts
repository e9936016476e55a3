import { ApiError, query } from '../api/client';
import { SKILL } from '../api/operations';
import { resourceList } from '../components/resources';
import { h, link, plural } from '../dom';
import { chainGraph } from '../graph/chain-graph';
import { DEFAULT_HOURS_PER_WEEK, MAX_DEPTH, hrefOf, skillHref } from '../routes';
import { notFoundView } from './status.view';
import { badge, heading, hours, section, type View, type ViewContext } from './view';

export async function skillView(slug: string, depth: number, helpful: boolean, context: ViewContext): Promise<View> {
  const data = await query(SKILL, { slug, depth, helpful }, context.signal).catch((error: unknown) => {
    // The chain of an unknown skill is NOT_FOUND; the page says so instead of failing.
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  const skill = data?.skill ?? null;
  if (data === null || skill === null) return notFoundView(`There is no skill called “${slug}”.`);
  const chain = data.prerequisiteChain;
  const unlocks = data.unlocks ?? [];
  const direct = unlocks.filter((unlock) => unlock.distance === 1);

  const go = (change: { depth?: number; helpful?: boolean }) =>
    context.navigate(hrefOf({ view: 'skill', slug, depth: change.depth ?? depth, helpful: change.helpful ?? helpful }));
  const depthSelect = h(
    'select',
    {
      id: 'depth',
      'data-focus-key': 'depth',
      onchange: (event: Event) => go({ depth: Number((event.target as HTMLSelectElement).value) }),
    },
    Array.from({ length: MAX_DEPTH }, (_, index) => index + 1).map((value) =>
      h('option', { value, selected: value === depth }, value === 1 ? '1 step' : `${value} steps`),
    ),
  );
  const helpfulBox = h('input', {
    id: 'helpful',
    type: 'checkbox',
    checked: helpful,
    'data-focus-key': 'helpful',
    onchange: (event: Event) => go({ helpful: (event.target as HTMLInputElement).checked }),
  });

  const graphSection =
    chain === null
      ? null
      : section(
          'Prerequisite graph',
          h(
            'div',
            { class: 'graph-controls' },
            h('label', { for: 'depth' }, 'Depth '),
            depthSelect,
            h(
              'span',
              { class: 'checkbox' },
              helpfulBox,
              h('label', { for: 'helpful' }, ' Include helpful prerequisites'),
            ),
            h(
              'span',
              { class: 'legend', 'aria-hidden': 'true' },
              h('span', { class: 'legend-essential' }, 'essential'),
              h('span', { class: 'legend-helpful' }, 'helpful'),
            ),
          ),
          chain.steps.length === 0
            ? h(
                'p',
                { class: 'muted' },
                helpful ? 'Nothing to learn first.' : 'No essential prerequisites. Try including helpful ones.',
              )
            : [
                h(
                  'p',
                  { class: 'muted small' },
                  `${plural(chain.steps.length, 'skill')} to learn first, ${plural(chain.edges.length, 'prerequisite')}. Foundations on the left; select a skill to open it.`,
                ),
                chainGraph({
                  target: skill,
                  nodes: [skill, ...chain.steps.map((step) => step.skill)],
                  edges: chain.edges.map((edge) => ({
                    from: edge.from.slug,
                    to: edge.to.slug,
                    strength: edge.strength,
                    reason: edge.reason,
                  })),
                }),
                h(
                  'details',
                  { class: 'order' },
                  h('summary', null, 'Learning order as a list'),
                  h(
                    'ol',
                    null,
                    chain.order.map((step) =>
                      h(
                        'li',
                        null,
                        step.slug === slug ? h('strong', null, step.name) : link(skillHref(step.slug), step.name),
                      ),
                    ),
                  ),
                ),
              ],
        );

  return {
    title: skill.name,
    node: h(
      'article',
      { 'data-page': 'skill', 'data-slug': skill.slug },
      heading(skill.name),
      h(
        'p',
        { class: 'meta' },
        link(hrefOf({ view: 'area', slug: skill.area.slug, level: null }), skill.area.name),
        ' · ',
        badge(skill.level.name, `level-${skill.level.slug}`),
        ' · ',
        `about ${hours(skill.estimatedHours)} of study`,
        skill.parent ? [' · part of ', link(skillHref(skill.parent.slug), skill.parent.name)] : null,
      ),
      h('p', { class: 'description' }, skill.description),
      h(
        'p',
        null,
        link(
          hrefOf({
            view: 'plan',
            targets: [skill.slug],
            known: [],
            hoursPerWeek: DEFAULT_HOURS_PER_WEEK,
            freeOnly: false,
            helpful,
          }),
          `Plan how to learn ${skill.name}`,
        ),
      ),
      skill.prerequisites.length > 0
        ? section(
            'Learn first',
            h(
              'ul',
              { class: 'reasons' },
              skill.prerequisites.map((prerequisite) =>
                h(
                  'li',
                  { 'data-prerequisite': prerequisite.skill.slug },
                  link(skillHref(prerequisite.skill.slug), prerequisite.skill.name),
                  ' ',
                  prerequisite.strength === 'HELPFUL' ? badge('helpful', 'helpful') : badge('essential', 'essential'),
                  h('span', { class: 'reason' }, ` ${prerequisite.reason}`),
                ),
              ),
            ),
          )
        : null,
      graphSection,
      section('Resources', resourceList(skill.resources)),
      skill.children.length > 0 ? section('Sub-topics', skillLinks(skill.children)) : null,
      skill.related.length > 0 ? section('Related topics', skillLinks(skill.related)) : null,
      section(
        'What it unlocks',
        unlocks.length === 0
          ? h('p', { class: 'muted' }, 'No skill builds on it yet.')
          : [
              h(
                'p',
                null,
                `${plural(unlocks.length, 'skill')} build on it${helpful ? '' : ' (essential prerequisites)'}; directly:`,
              ),
              skillLinks(direct.map((unlock) => unlock.skill)),
            ],
      ),
      skill.responsibilities.length > 0 ? section('Needed for', skillLinks(skill.responsibilities, false)) : null,
    ),
  };
}

function skillLinks(skills: readonly { slug: string; name: string }[], asLinks = true): HTMLElement {
  return h(
    'ul',
    { class: 'inline-list' },
    skills.map((skill) => h('li', null, asLinks ? link(skillHref(skill.slug), skill.name) : skill.name)),
  );
}
