// The explorer's shell: a header, one <main> that each view fills, and which view each route
// shows; router.ts moves between them.
import './styles.css';

import { h } from './dom';
import { startRouter } from './router';
import type { Route } from './routes';
import { areaView } from './views/area.view';
import { gapsView } from './views/gaps.view';
import { homeView } from './views/home.view';
import { nextView } from './views/next.view';
import { planView } from './views/plan.view';
import { skillView } from './views/skill.view';
import { notFoundView } from './views/status.view';
import type { View, ViewContext } from './views/view';

const NAV: readonly { href: string; label: string; views: readonly Route['view'][] }[] = [
  { href: '/', label: 'Explore', views: ['home', 'area', 'skill'] },
  { href: '/plan', label: 'Learning plan', views: ['plan'] },
  { href: '/gaps?level=senior', label: 'Level gaps', views: ['gaps'] },
  { href: '/next', label: 'Learn next', views: ['next'] },
];
const SITE = 'Backend Skill Graph';

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

startRouter({
  main,
  loading,
  site: SITE,
  viewFor,
  onRoute: (route) => {
    for (const { item, element } of navLinks) {
      if (item.views.includes(route.view)) element.setAttribute('aria-current', 'page');
      else element.removeAttribute('aria-current');
    }
  },
});
