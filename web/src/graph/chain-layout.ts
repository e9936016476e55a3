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
  /** The name as drawn, in up to three lines; only a very long name is shortened (`name` keeps it whole). */
  readonly lines: readonly string[];
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
/** Each line after the first adds this much to a box. */
export const LINE_HEIGHT = 16;
// Names wrap onto more lines rather than being cut: boxes stay narrow, so a chain fits the
// page more often, and the name is read whole.
const LINE_CHARS = 20;
const MAX_LINES = 3;
// An average glyph of the 13 px system sans-serif the graph is drawn in; boxes only need to be
// roughly right, because labels are shortened before they could overflow.
const CHAR_WIDTH = 7.4;
const PADDING_X = 14;
const MARGIN = 12;

/** The name broken at spaces into lines of at most LINE_CHARS; past MAX_LINES, the last is shortened. */
export function labelLines(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]!.slice(0, LINE_CHARS - 1).trimEnd()}…`;
  return kept;
}

export function layoutChain(nodes: readonly ChainNodeInput[], edges: readonly ChainEdgeInput[]): ChainLayout {
  const graph = new graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  const linesOf = new Map(nodes.map((node) => [node.slug, labelLines(node.name)]));
  for (const node of nodes) {
    const lines = linesOf.get(node.slug)!;
    const longest = Math.max(...lines.map((line) => line.length));
    graph.setNode(node.slug, {
      width: Math.round(longest * CHAR_WIDTH + 2 * PADDING_X),
      height: NODE_HEIGHT + (lines.length - 1) * LINE_HEIGHT,
    });
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
      lines: linesOf.get(node.slug)!,
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
