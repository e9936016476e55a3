import { type Child, h } from '../dom';

/** What a view renders: the page's title and its content. */
export interface View {
  readonly title: string;
  readonly node: Node;
}

export interface ViewContext {
  /** Aborted when the user leaves the page before it finished loading. */
  readonly signal: AbortSignal;
  /** `render: false` only updates the address (search as you type keeps its own results). */
  navigate(href: string, options?: { replace?: boolean; render?: boolean }): void;
}

/** The page heading; focused after each navigation so screen readers announce the new page. */
export function heading(...children: Child[]): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, ...children);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export function badge(text: string, kind = ''): HTMLElement {
  return h('span', { class: `badge ${kind}`.trim() }, text);
}

export function hours(count: number): string {
  return `${count} h`;
}
