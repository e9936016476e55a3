import { LINE_HEIGHT, NODE_HEIGHT, labelLines, layoutChain } from '../../../web/src/graph/chain-layout';

// A diamond with a tail: a needs b and c, both need d; e is helpful background for a.
const nodes = ['a', 'b', 'c', 'd', 'e'].map((slug) => ({ slug, name: `Skill ${slug.toUpperCase()}` }));
const edges = [
  { from: 'a', to: 'b', strength: 'ESSENTIAL' as const, reason: 'a needs b' },
  { from: 'a', to: 'c', strength: 'ESSENTIAL' as const, reason: 'a needs c' },
  { from: 'b', to: 'd', strength: 'ESSENTIAL' as const, reason: 'b needs d' },
  { from: 'c', to: 'd', strength: 'ESSENTIAL' as const, reason: 'c needs d' },
  { from: 'a', to: 'e', strength: 'HELPFUL' as const, reason: 'e helps a' },
];

type Box = { x: number; y: number; width: number; height: number };
/** On the rectangle's outline, give or take a unit: where dagre clips an edge to a box. */
function onBorder(point: { x: number; y: number }, box: Box): boolean {
  const inside =
    point.x >= box.x - 1 &&
    point.x <= box.x + box.width + 1 &&
    point.y >= box.y - 1 &&
    point.y <= box.y + box.height + 1;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  return (
    inside &&
    (near(point.x, box.x) ||
      near(point.x, box.x + box.width) ||
      near(point.y, box.y) ||
      near(point.y, box.y + box.height))
  );
}

describe('chain layout', () => {
  const layout = layoutChain(nodes, edges);
  const box = (slug: string) => layout.nodes.find((node) => node.slug === slug)!;

  it('places every node and edge it was given, once', () => {
    expect(layout.nodes.map((node) => node.slug).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(layout.edges).toHaveLength(edges.length);
    expect(layout.edges.map((edge) => edge.reason)).toEqual(edges.map((edge) => edge.reason));
  });

  it('puts every prerequisite left of the skill that needs it', () => {
    for (const edge of edges) expect(box(edge.to).x + box(edge.to).width).toBeLessThan(box(edge.from).x);
    expect(box('a').x).toBeGreaterThan(box('d').x);
  });

  it('draws each edge from the prerequisite to the dependent', () => {
    for (const edge of layout.edges) {
      const first = edge.points[0]!;
      const last = edge.points[edge.points.length - 1]!;
      expect(onBorder(first, box(edge.to))).toBe(true);
      expect(onBorder(last, box(edge.from))).toBe(true);
      expect(last.x).toBeGreaterThan(first.x);
    }
  });

  it('never overlaps two boxes, and keeps them inside the drawing', () => {
    for (const one of layout.nodes) {
      expect(one.x).toBeGreaterThanOrEqual(0);
      expect(one.y).toBeGreaterThanOrEqual(0);
      expect(one.x + one.width).toBeLessThanOrEqual(layout.width);
      expect(one.y + one.height).toBeLessThanOrEqual(layout.height);
      expect(one.height).toBe(NODE_HEIGHT + (one.lines.length - 1) * LINE_HEIGHT);
      for (const other of layout.nodes) {
        if (other === one) continue;
        const apart =
          one.x + one.width <= other.x ||
          other.x + other.width <= one.x ||
          one.y + one.height <= other.y ||
          other.y + other.height <= one.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('draws a single skill with no prerequisites', () => {
    const single = layoutChain([{ slug: 'x', name: 'X' }], []);
    expect(single.nodes).toHaveLength(1);
    expect(single.width).toBeGreaterThan(0);
  });

  it('keeps short names on one line and wraps longer ones at spaces, whole', () => {
    expect(labelLines('HTTP')).toEqual(['HTTP']);
    expect(labelLines('Computer networking')).toEqual(['Computer networking']);
    expect(labelLines('Programming in one backend language')).toEqual(['Programming in one', 'backend language']);
    expect(labelLines('Messaging and message brokers')).toEqual(['Messaging and', 'message brokers']);
  });

  it('shortens only a name that needs more than three lines', () => {
    expect(labelLines('Synchronous vs asynchronous service communication')).toEqual([
      'Synchronous vs',
      'asynchronous service',
      'communication',
    ]);
    const lines = labelLines('Synchronous versus asynchronous service communication between many teams');
    expect(lines).toEqual(['Synchronous versus', 'asynchronous service', 'communication…']);
    expect(lines.every((line) => line.length <= 20)).toBe(true);
  });
});
