import type { ResourceFieldsFragment } from '../api/generated/operations';
import { externalLink, h } from '../dom';
import { badge, hours } from '../views/view';

/** A resource as its list shows it: the fragment's fields, and on a skill's page its authors. */
type ResourceItem = ResourceFieldsFragment & { authors?: readonly string[]; year?: number | null };

const KIND_NAMES: Record<string, string> = {
  ARTICLE: 'Article',
  BOOK: 'Book',
  COURSE: 'Course',
  DOCUMENTATION: 'Documentation',
  GUIDE: 'Guide',
  PAPER: 'Paper',
  VIDEO: 'Video',
};

export const kindName = (kind: string): string => KIND_NAMES[kind] ?? kind;

/** A list of resources: title (a link out), kind, free or paid, hours, and authors when known. */
export function resourceList(resources: readonly ResourceItem[]): HTMLElement {
  if (resources.length === 0) return h('p', { class: 'muted' }, 'No resources match.');
  return h(
    'ul',
    { class: 'resources' },
    resources.map((resource) =>
      h(
        'li',
        { 'data-resource': resource.slug },
        externalLink(resource.url, resource.title),
        ' ',
        badge(kindName(resource.kind)),
        ' ',
        resource.free ? badge('Free', 'free') : badge('Paid', 'paid'),
        ' ',
        h('span', { class: 'muted' }, hours(resource.estimatedHours)),
        resource.authors !== undefined && resource.authors.length > 0
          ? h(
              'span',
              { class: 'muted' },
              ` · ${resource.authors.join(', ')}${resource.year ? ` (${resource.year})` : ''}`,
            )
          : null,
      ),
    ),
  );
}
