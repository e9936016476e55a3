// The explorer's shell: a header, one <main> that each view fills, and a router on the History
// API. Links inside the app are handled here without a page load; the address is always the
// state, so reload, share, back and forward all work.
import './styles.css';

import { h } from './dom';
import { type Route, parseRoute } from './routes';
import { areaView } from './views/area.view';
import { gapsView } from './views/gaps.view';
import { homeView } from './views/home.view';
import { nextView } from './views/next.view';
import { planView } from './views/plan.view';
import { skillView } from './views/skill.view';
import { errorView, notFoundView } from './views/status.view';
import type { View, ViewContext } from './views/view';

const NAV: readonly { href: string; label: string; views: readonly Route['view'][] }[] = [
  { href: '/', label: 'Explore', views: ['home', 'area', 'skill'] },
  { href: '/plan', label: 'Learning plan', views: ['plan'] },
  { href: '/gaps?level=senior', label: 'Level gaps', views: ['gaps'] },
  { href: '/next', label: 'Learn next', views: ['next'] },
];
const SITE = 'Backend Skill Graph';
const LOADING_DELAY_MS = 120;

const navLinks = NAV.map((item) => ({ item, element: h('a', { href: item.href }, item.label) }));
const main = h('main', { id: 'content', tabindex: -1 });
const loading = h('div', { class: 'loading', role: 'status', 'aria-live': 'polite' });
document.getElementById('app')!.replaceChildren(
  h(
    'header',
    { class: 'site-header' },
    h('a', { class: 'brand', href: '/' }, SITE),
    h(
      'nav',
      { 'aria-label': 'Main' },
      h(
        'ul',
        null,
        navLinks.map(({ element }) => h('li', null, element)),
      ),
      h('a', { class: 'api-link', href: '/graphql', 'data-native': true }, 'GraphQL API'),
    ),
  ),
  loading,
  main,
);

let current: AbortController | null = null;
let firstRender = true;

function viewFor(route: Route, context: ViewContext): Promise<View> {
  switch (route.view) {
    case 'home':
      return homeView(route.q, context);
    case 'area':
      return areaView(route.slug, route.level, context);
    case 'skill':
      return skillView(route.slug, route.depth, route.helpful, context);
    case 'plan':
      return planView(route, context);
    case 'gaps':
      return gapsView(route, context);
    case 'next':
      return nextView(route, context);
    case 'not-found':
      return Promise.resolve(notFoundView(`There is no page at ${route.path}.`));
  }
}

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const route = parseRoute(new URL(window.location.href));
  // Which control had focus, so a view redrawn by its own control (depth, a filter) keeps it.
  const focusKey = document.activeElement?.getAttribute('data-focus-key') ?? null;
  for (const { item, element } of navLinks) {
    if (item.views.includes(route.view)) element.setAttribute('aria-current', 'page');
    else element.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  const showLoading = setTimeout(() => loading.replaceChildren('Loading…'), LOADING_DELAY_MS);
  let view: View;
  try {
    view = await viewFor(route, { signal: controller.signal, navigate });
  } catch (error) {
    if (controller.signal.aborted) return;
    console.error(error);
    view = errorView(error, () => void render());
  } finally {
    clearTimeout(showLoading);
  }
  if (controller.signal.aborted) return;
  loading.replaceChildren();
  main.replaceChildren(view.node);
  main.removeAttribute('aria-busy');
  document.title = `${view.title} · ${SITE}`;
  const keep = focusKey === null ? null : main.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  if (keep !== null) keep.focus();
  else if (!firstRender) {
    window.scrollTo(0, 0);
    main.querySelector<HTMLElement>('h1')?.focus();
  }
  firstRender = false;
  // For tests and tools: the first page has been drawn.
  document.documentElement.dataset.appReady = 'true';
}

function navigate(href: string, options: { replace?: boolean; render?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  if (options.render !== false) void render();
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const anchor = (event.target as Element | null)?.closest('a');
  if (anchor === null || anchor === undefined || anchor.hasAttribute('data-native') || anchor.hasAttribute('target'))
    return;
  // SVG links keep their address in an attribute, not in an HTMLAnchorElement's href.
  const href = anchor.getAttribute('href');
  if (href === null || !href.startsWith('/') || href.startsWith('//')) return;
  event.preventDefault();
  if (href !== window.location.pathname + window.location.search) navigate(href);
});
window.addEventListener('popstate', () => void render());
void render();
