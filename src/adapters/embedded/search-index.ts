import MiniSearch from 'minisearch';

import type { SearchHit } from '../../domain/ports/graph-store.port';
import type { Area } from '../../domain/model/skill-graph.types';
import { compareSlugs } from '../../domain/model/slug';
import type { GraphIndexes } from './graph-indexes';

/**
 * Full-text search over skills, resources and areas. Built on first use: most processes never
 * search, and building it costs start-up time. Names, titles and a skill's aliases weigh most (an
 * alias is a name people type: "K8s", "SSO"); fuzzy matching allows about one typo per five
 * letters. It reads the graph it was built from, so a write drops it.
 */
export class SearchIndex {
  private readonly index: MiniSearch;

  constructor(private readonly graph: GraphIndexes) {
    this.index = new MiniSearch({
      fields: ['title', 'aliases', 'slug', 'text'],
      tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0),
      searchOptions: { boost: { title: 3, aliases: 3, slug: 2 }, fuzzy: 0.2, prefix: true },
    });
    this.index.addAll([
      ...[...graph.dag.nodeEntries()].map(({ attributes: s }) => ({
        id: `Skill:${s.slug}`,
        title: s.name,
        aliases: s.aliases.join(' '),
        slug: s.slug,
        text: s.description,
      })),
      ...[...graph.resources.values()].map((r) => ({
        id: `Resource:${r.slug}`,
        title: r.title,
        slug: r.slug,
        text: '',
      })),
      ...[...graph.areas.values()].map((a) => ({
        id: `Area:${a.slug}`,
        title: a.name,
        slug: a.slug,
        text: a.description,
      })),
    ]);
  }

  search(text: string, first: number): SearchHit[] {
    return this.index
      .search(text)
      .sort((a, b) => b.score - a.score || compareSlugs(String(a.id), String(b.id)))
      .slice(0, first)
      .map((result): SearchHit => {
        const [kind, slug] = splitSearchId(String(result.id));
        if (kind === 'Skill') return { kind, score: result.score, node: this.graph.skill(slug) };
        if (kind === 'Resource') return { kind, score: result.score, node: this.graph.resource(slug) };
        return { kind: 'Area', score: result.score, node: this.graph.areas.get(slug) as Area };
      });
  }
}

function splitSearchId(id: string): ['Skill' | 'Resource' | 'Area', string] {
  const colon = id.indexOf(':');
  return [id.slice(0, colon) as 'Skill' | 'Resource' | 'Area', id.slice(colon + 1)];
}
