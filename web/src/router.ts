// The router on the History API. Links inside the app are handled here without a page load; the
// address is always the state, so reload, share, back and forward all work.
import { type Route, parseRoute } from './routes';
import { errorView } from './views/status.view';
import type { View, ViewContext } from './views/view';

const LOADING_DELAY_MS = 120;

export interface RouterOptions {
  /** Where each view is drawn. */
  readonly main: HTMLElement;
  /** Says "Loading…" when a view takes long enough to be noticed. */
  readonly loading: HTMLElement;
  /** The site's name, after each page's title. */
  readonly site: string;
  readonly viewFor: (route: Route, context: ViewContext) => Promise<View>;
  /** Told each route before its view loads, so the shell can mark where the reader is. */
  readonly onRoute: (route: Route) => void;
}

/** Draws the page the address names, and every page after it. */
export function startRouter({ main, loading, site, viewFor, onRoute }: RouterOptions): void {
  let current: AbortController | null = null;
  let firstRender = true;

  async function render(): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    const route = parseRoute(new URL(window.location.href));
    // Which control had focus, so a view redrawn by its own control (depth, a filter) keeps it.
    const focusKey = document.activeElement?.getAttribute('data-focus-key') ?? null;
    onRoute(route);
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
    document.title = `${view.title} · ${site}`;
    const keep =
      focusKey === null ? null : main.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
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
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
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
}
