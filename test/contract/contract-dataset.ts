import { parseDataset } from '../../src/dataset/load-dataset';
import type { Dataset } from '../../src/dataset/dataset.types';
import {
  buildArea,
  buildLevel,
  buildRawDataset,
  buildResource,
  buildResponsibility,
  buildSkill,
  requires,
} from '../support/factories';

/**
 * The graph every store must answer identically about. Small enough to reason about by hand:
 *
 *   far ──► top ──► mid-a ──► base        (plus the shortcut top ──► base)
 *             └───► mid-b ──┘             lonely has no prerequisites
 *
 * Areas and levels are listed out of slug/rank order on purpose, to prove the stores sort them.
 */
export function contractDataset(): Dataset {
  return parseDataset(
    buildRawDataset({
      areas: [buildArea({ slug: 'zeta', name: 'Zeta' }), buildArea({ slug: 'alpha', name: 'Alpha' })],
      levels: [
        buildLevel({ slug: 'senior', name: 'Senior', rank: 2 }),
        buildLevel({ slug: 'principal', name: 'Principal', rank: 3 }),
        buildLevel({ slug: 'junior', name: 'Junior', rank: 1 }),
      ],
      skills: [
        buildSkill({ slug: 'top', area: 'alpha', level: 'senior', estimatedHours: 20 }),
        buildSkill({ slug: 'base', area: 'zeta', level: 'junior', estimatedHours: 10 }),
        buildSkill({ slug: 'mid-b', area: 'alpha', level: 'senior', parent: 'base' }),
        buildSkill({ slug: 'mid-a', area: 'zeta', level: 'junior', parent: 'base' }),
        buildSkill({ slug: 'far', area: 'alpha', level: 'principal' }),
        buildSkill({
          slug: 'lonely',
          area: 'zeta',
          level: 'junior',
          aliases: ['Hermit', 'solo pursuit'],
          description: 'Stands alone. It mentions a NeEdLe so that text filters have something to find in it.',
        }),
      ],
      prerequisites: [
        requires('top', 'mid-a', 'top builds on mid-a'),
        requires('top', 'mid-b', 'top builds on mid-b'),
        requires('top', 'base', 'top also uses base directly'),
        requires('mid-a', 'base', 'mid-a builds on base'),
        requires('mid-b', 'base', 'mid-b builds on base'),
        requires('far', 'top', 'far builds on top'),
      ],
      related: [
        { skill: 'lonely', related: 'base' },
        { skill: 'top', related: 'lonely' },
      ],
      responsibilities: [
        buildResponsibility({ slug: 'r-design', category: 'TECHNICAL', level: 'junior', skills: ['top', 'base'] }),
        buildResponsibility({ slug: 'r-lead', category: 'LEADERSHIP', level: 'principal', skills: ['far'] }),
        buildResponsibility({ slug: 'r-biz', category: 'BUSINESS', level: 'senior', skills: ['mid-b'] }),
        buildResponsibility({ slug: 'a-review', category: 'TECHNICAL', level: 'senior', skills: ['top'] }),
      ],
      resources: [
        buildResource({
          slug: 'book-one',
          kind: 'BOOK',
          authors: ['Ada Author', 'Bo Writer'],
          year: 2019,
          free: false,
          difficulty: 'ADVANCED',
          estimatedHours: 30,
          skills: ['top', 'base'],
        }),
        buildResource({ slug: 'free-guide', kind: 'GUIDE', difficulty: 'INTRODUCTORY', skills: ['top'] }),
        buildResource({ slug: 'video', kind: 'VIDEO', access: 'FREE_WITH_REGISTRATION', skills: ['lonely'] }),
      ],
    }),
  );
}
