import { type ResultOf, query } from '../api/client';
import { HOME, SEARCH } from '../api/operations';
import { kindName } from '../components/resources';
import { externalLink, h, link } from '../dom';
import { hrefOf, skillHref } from '../routes';
import { badge, heading, section, type View, type ViewContext } from './view';

type SearchNode = NonNullable<ResultOf<'ExplorerSearch'>['search']>[number]['node'];

const SEARCH_DELAY_MS = 150;

export async function homeView(q: string, context: ViewContext): Promise<View> {
  const data = await query(HOME, {}, context.signal);
  const results = h('ul', { id: 'search-results', class: 'search-results', 'aria-label': 'Search results' });
  const status = h('p', { class: 'muted', role: 'status', 'data-search-status': true });
  const input = h('input', {
    id: 'search',
    type: 'search',
    name: 'q',
    value: q,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'e.g. distributed transactions, caching, OAuth',
    'aria-controls': 'search-results',
    'aria-describedby': 'search-help',
    'data-focus-key': 'search',
  });

  let pending: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (text: string) => {
    pending?.abort();
    if (text.trim() === '') {
      results.replaceChildren();
      status.replaceChildren();
      return;
    }
    pending = new AbortController();
    const signal = pending.signal;
    status.replaceChildren('Searching…');
    try {
      const answer = await query(SEARCH, { text }, signal);
      const hits = answer.search ?? [];
      results.replaceChildren(...hits.map((hit) => h('li', null, searchHit(hit.node))));
      status.replaceChildren(
        hits.length === 0 ? `Nothing matches “${text}”.` : `${hits.length} results for “${text}”.`,
      );
    } catch (error) {
      if (!signal.aborted) status.replaceChildren(error instanceof Error ? error.message : 'Search failed.');
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // The URL follows the text, without a history entry per keystroke.
    context.navigate(hrefOf({ view: 'home', q: input.value }), { replace: true, render: false });
    timer = setTimeout(() => void run(input.value), SEARCH_DELAY_MS);
  });
  // Arrow keys move between the box and the results, as in a listbox.
  const keys = (event: KeyboardEvent) => {
    const links = [...results.querySelectorAll('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : links[index - 1])?.focus();
    }
  };
  const form = h(
    'form',
    {
      role: 'search',
      class: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        results.querySelector('a')?.click();
      },
      onkeydown: keys as (event: Event) => void,
    },
    h('label', { for: 'search' }, 'Search skills, areas and resources'),
    input,
    h(
      'p',
      { id: 'search-help', class: 'muted small' },
      'Typos are fine. Enter opens the first result; arrow keys move through them.',
    ),
    status,
    results,
  );
  if (q.trim() !== '') void run(q);

  const counts = data.dataset?.counts;
  return {
    title: q === '' ? 'Explore' : `Search: ${q}`,
    node: h(
      'div',
      { 'data-page': 'home' },
      heading('Backend Skill Graph'),
      h(
        'p',
        { class: 'lead' },
        'What to learn to become a backend engineer, in what order, and from which books, courses and docs.',
        counts
          ? ` ${counts.skills} skills, ${counts.essentialPrerequisites + counts.helpfulPrerequisites} prerequisites with reasons, ${counts.resources} resources.`
          : '',
      ),
      form,
      section(
        'Browse by area',
        h(
          'ul',
          { class: 'cards' },
          data.areas.map((area) =>
            h(
              'li',
              { class: 'card' },
              h('h3', null, link(hrefOf({ view: 'area', slug: area.slug, level: null }), area.name)),
              h('p', { class: 'muted' }, `${area.skillCount} skills`),
              h(
                'p',
                { class: 'levels' },
                data.levels.map((level) => [
                  link(hrefOf({ view: 'area', slug: area.slug, level: level.slug }), level.name),
                  ' ',
                ]),
              ),
            ),
          ),
        ),
      ),
      section(
        'Plan',
        h(
          'ul',
          { class: 'tools' },
          h(
            'li',
            null,
            link('/plan', 'Make a learning plan'),
            ': pick targets and what you know; get ordered steps and a schedule.',
          ),
          h('li', null, link('/gaps?level=senior', 'What do I lack for senior?'), ' Or for principal.'),
          h('li', null, link('/next', 'What can I learn next?'), ': skills whose prerequisites you already have.'),
        ),
      ),
      data.dataset?.version
        ? h(
            'p',
            { class: 'muted small' },
            `Content edition ${data.dataset.version}${data.dataset.date ? ` (${data.dataset.date})` : ''}.`,
          )
        : null,
    ),
  };
}

function searchHit(node: SearchNode): HTMLElement {
  switch (node.__typename) {
    case 'Skill':
      return h(
        'span',
        { 'data-hit': `skill:${node.slug}` },
        link(skillHref(node.slug), node.name),
        ' ',
        badge('Skill'),
        h('span', { class: 'muted' }, ` ${node.area.name} · ${node.level.name} · ${node.estimatedHours} h`),
      );
    case 'Area':
      return h(
        'span',
        { 'data-hit': `area:${node.slug}` },
        link(hrefOf({ view: 'area', slug: node.slug, level: null }), node.name),
        ' ',
        badge('Area'),
        h('span', { class: 'muted' }, ` ${node.skillCount} skills`),
      );
    case 'Resource':
      return h(
        'span',
        { 'data-hit': `resource:${node.slug}` },
        externalLink(node.url, node.title),
        ' ',
        badge(kindName(node.kind)),
        node.free ? [' ', badge('Free', 'free')] : null,
      );
  }
}
