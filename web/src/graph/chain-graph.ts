// Draws a prerequisite chain as an SVG the user can read with a mouse, a keyboard or a screen
// reader: skills are links (Tab, Enter), arrows are focusable and announce their reason.
import { h, svg } from '../dom';
import { skillHref } from '../routes';
import { type ChainEdgeInput, type ChainNodeInput, LINE_HEIGHT, layoutChain } from './chain-layout';

export interface ChainGraphInput {
  readonly target: ChainNodeInput;
  readonly nodes: readonly ChainNodeInput[];
  readonly edges: readonly ChainEdgeInput[];
}

// Small enough that a chain of a dozen skills fits a laptop's page whole; text stays legible.
const MIN_SCALE = 0.6;
const HINT = 'Hover over or focus an arrow to read why one skill needs the other.';

export function chainGraph({ target, nodes, edges }: ChainGraphInput): HTMLElement {
  const placed = layoutChain(nodes, edges);
  const names = new Map(nodes.map((node) => [node.slug, node.name]));
  const reasonLine = h('p', { class: 'edge-reason', 'aria-live': 'polite', 'data-edge-reason': true }, HINT);

  const show = (edge: ChainEdgeInput) => () => {
    reasonLine.replaceChildren(
      h('strong', null, names.get(edge.from) ?? edge.from),
      ` needs ${names.get(edge.to) ?? edge.to}`,
      edge.strength === 'HELPFUL' ? ' (helpful)' : '',
      `: ${edge.reason}`,
    );
  };
  const hide = () => reasonLine.replaceChildren(HINT);

  const edgeElements = placed.edges.map((edge) => {
    const d = edge.points
      .map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`)
      .join(' ');
    const helpful = edge.strength === 'HELPFUL';
    const label = `${names.get(edge.from) ?? edge.from} needs ${names.get(edge.to) ?? edge.to}${helpful ? ' (helpful)' : ''}: ${edge.reason}`;
    return svg(
      'g',
      {
        class: `edge${helpful ? ' helpful' : ''}`,
        tabindex: 0,
        role: 'img',
        'aria-label': label,
        'data-edge': `${edge.from}>${edge.to}`,
        'data-strength': edge.strength,
        onmouseenter: show(edge),
        onfocus: show(edge),
        onmouseleave: hide,
        onblur: hide,
      },
      svg('title', null, label),
      svg('path', { class: 'edge-hit', d }),
      svg('path', { class: 'edge-line', d, 'marker-end': helpful ? 'url(#arrow-helpful)' : 'url(#arrow)' }),
    );
  });

  const nodeElements = placed.nodes.map((node) => {
    const isTarget = node.slug === target.slug;
    return svg(
      'a',
      {
        href: skillHref(node.slug),
        class: `node${isTarget ? ' target' : ''}`,
        'data-node': node.slug,
        'aria-label': isTarget ? `${node.name} (this skill)` : node.name,
        ...(isTarget ? { 'aria-current': 'page' } : {}),
      },
      svg('title', null, node.name),
      svg('rect', { x: node.x, y: node.y, width: node.width, height: node.height, rx: 6 }),
      svg(
        'text',
        {
          x: node.x + node.width / 2,
          y: node.y + node.height / 2 - ((node.lines.length - 1) * LINE_HEIGHT) / 2,
          'dominant-baseline': 'central',
          'text-anchor': 'middle',
        },
        node.lines.map((line, index) =>
          svg('tspan', { x: node.x + node.width / 2, dy: index === 0 ? 0 : LINE_HEIGHT }, line),
        ),
      ),
    );
  });

  const marker = (id: string) =>
    svg(
      'marker',
      { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
    );

  const drawing = svg(
    'svg',
    {
      class: 'chain-svg',
      width: placed.width,
      height: placed.height,
      viewBox: `0 0 ${placed.width} ${placed.height}`,
      role: 'group',
      'aria-label': `Prerequisite graph of ${target.name}: ${nodes.length} skills, ${edges.length} prerequisites. Foundations on the left.`,
    },
    svg('defs', null, marker('arrow'), marker('arrow-helpful')),
    svg('g', { class: 'edges' }, edgeElements),
    svg('g', { class: 'nodes' }, nodeElements),
  );
  // Shrinks to fit the page down to MIN_SCALE of its natural size, then scrolls sideways; never
  // grows past it. Set through the CSSOM: the page's content security policy allows no style
  // attributes.
  drawing.style.maxWidth = `${placed.width}px`;
  drawing.style.minWidth = `${Math.round(placed.width * MIN_SCALE)}px`;
  const scroller = h('div', { class: 'graph-scroll' }, drawing);
  // When the graph is wider than the page, start at its right end: the skill asked about and
  // what it needs directly. Foundations are a scroll away to the left.
  requestAnimationFrame(() => (scroller.scrollLeft = scroller.scrollWidth));
  return h('figure', { class: 'chain-graph' }, scroller, reasonLine);
}
