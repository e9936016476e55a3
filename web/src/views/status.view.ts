import { ApiError } from '../api/client';
import { h, link } from '../dom';
import { heading, type View } from './view';

export function notFoundView(what: string): View {
  return {
    title: 'Not found',
    node: h(
      'div',
      { class: 'status-page', 'data-page': 'not-found' },
      heading('Not found'),
      h('p', null, what),
      h('p', null, link('/', 'Search the skill graph'), ' or ', link('/areas/cs-fundamentals', 'browse an area'), '.'),
    ),
  };
}

export function errorView(error: unknown, retry: () => void): View {
  const offline = error instanceof ApiError && (error.code === 'NETWORK' || error.code === 'SERVICE_UNAVAILABLE');
  const message =
    error instanceof ApiError ? error.message : 'The explorer hit an unexpected problem. Reloading the page may help.';
  return {
    title: offline ? 'API unavailable' : 'Something went wrong',
    node: h(
      'div',
      { class: 'status-page', 'data-page': 'error', role: 'alert' },
      heading(offline ? 'The API is not answering' : 'Something went wrong'),
      h('p', null, message),
      h('p', null, h('button', { type: 'button', onclick: retry }, 'Try again')),
    ),
  };
}
