// Where each skill of a prerequisite chain goes: a layered layout, left to right, foundations on
// the left and the skill asked about on the right. The layering is dagre's (the Sugiyama method:
// ranks, crossing reduction, coordinates); this module only sizes the boxes and reads the result.
// No DOM here, so the geometry is unit-tested under Node.
import { graphlib, layout } from '@dagrejs/dagre';

export interface ChainNodeInput {
  readonly slug: string;
  readonly name: string;
}
/** `from` requires `to`, as the API's PrerequisiteEdge says. */
export interface ChainEdgeInput {
  readonly from: string;
  readonly to: string;
  readonly strength: 'ESSENTIAL' | 'HELPFUL';
  readonly reason: string;
}
interface PlacedNode extends ChainNodeInput {
  /** The name as drawn: long names are shortened, the full name stays in `name`. */
  readonly label: string;
  /** Top-left corner and size, in SVG user units. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
interface PlacedEdge extends ChainEdgeInput {
  /** From the prerequisite's box to the dependent's box. */
  readonly points: readonly { x: number; y: number }[];
}
export interface ChainLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

export const NODE_HEIGHT = 36;
const MAX_LABEL_CHARS = 28;
// An average glyph of the 13 px system sans-serif the graph is drawn in; boxes only need to be
// roughly right, because labels are shortened before they could overflow.
const CHAR_WIDTH = 7.4;
const PADDING_X = 14;
const MARGIN = 12;

export function labelOf(name: string): string {
  return name.length <= MAX_LABEL_CHARS ? name : `${name.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…`;
}

export function layoutChain(nodes: readonly ChainNodeInput[], edges: readonly ChainEdgeInput[]): ChainLayout {
  const graph = new graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    const label = labelOf(node.name);
    graph.setNode(node.slug, { width: Math.round(label.length * CHAR_WIDTH + 2 * PADDING_X), height: NODE_HEIGHT });
  }
  // Drawn from the prerequisite to what needs it, so learning reads left to right.
  for (const edge of edges) graph.setEdge(edge.to, edge.from, { weight: edge.strength === 'ESSENTIAL' ? 2 : 1 });
  layout(graph);

  const placed = nodes.map((node): PlacedNode => {
    const box = graph.node(node.slug);
    const x = box.x ?? 0;
    const y = box.y ?? 0;
    return {
      ...node,
      label: labelOf(node.name),
      x: x - box.width / 2,
      y: y - box.height / 2,
      width: box.width,
      height: box.height,
    };
  });
  const placedEdges = edges.map((edge): PlacedEdge => ({
    ...edge,
    points: graph.edge(edge.to, edge.from).points ?? [],
  }));
  const label = graph.graph();
  return {
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    nodes: placed,
    edges: placedEdges,
  };
}
