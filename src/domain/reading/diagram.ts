import type { PrerequisiteChain } from '../model/prerequisite-chain.types';
import type { Skill } from '../model/skill-graph.types';

export type DiagramFormat = 'MERMAID' | 'DOT' | 'JSON';

export interface PrerequisiteDiagram {
  readonly skill: Skill;
  readonly format: DiagramFormat;
  readonly source: string;
}

/**
 * A prerequisite chain as diagram source. Mermaid and DOT draw arrows from what to learn first
 * to what it enables, so a diagram reads as a path, helpful prerequisites dashed; JSON keeps the
 * API's `from requires to` with each edge's strength.
 */
export function renderDiagram(chain: PrerequisiteChain, format: DiagramFormat): string {
  switch (format) {
    case 'MERMAID':
      return mermaid(chain);
    case 'DOT':
      return dot(chain);
    case 'JSON':
      return json(chain);
    default:
      return unreachable(format);
  }
}

function mermaid(chain: PrerequisiteChain): string {
  const id = (slug: string) => slug.replace(/[^A-Za-z0-9]/g, '_');
  const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
  const lines = ['flowchart LR'];
  for (const skill of chain.order) lines.push(`  ${id(skill.slug)}[${label(skill.name)}]`);
  for (const edge of chain.edges) {
    lines.push(`  ${id(edge.to.slug)} ${edge.strength === 'HELPFUL' ? '-.->' : '-->'} ${id(edge.from.slug)}`);
  }
  lines.push(`  classDef target stroke-width:3px;`, `  class ${id(chain.skill.slug)} target;`);
  return `${lines.join('\n')}\n`;
}

function dot(chain: PrerequisiteChain): string {
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph prerequisites {', '  rankdir=LR;', '  node [shape=box];'];
  for (const skill of chain.order) {
    const emphasis = skill.slug === chain.skill.slug ? ', penwidth=3' : '';
    lines.push(`  ${quote(skill.slug)} [label=${quote(skill.name)}${emphasis}];`);
  }
  for (const edge of chain.edges) {
    const style = edge.strength === 'HELPFUL' ? ', style=dashed' : '';
    lines.push(`  ${quote(edge.to.slug)} -> ${quote(edge.from.slug)} [tooltip=${quote(edge.reason)}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function json(chain: PrerequisiteChain): string {
  return JSON.stringify({
    skill: chain.skill.slug,
    nodes: [{ slug: chain.skill.slug, name: chain.skill.name, depth: 0 }].concat(
      chain.steps.map((s) => ({ slug: s.skill.slug, name: s.skill.name, depth: s.depth })),
    ),
    edges: chain.edges.map((e) => ({ from: e.from.slug, to: e.to.slug, reason: e.reason, strength: e.strength })),
    order: chain.order.map((s) => s.slug),
  });
}

function unreachable(value: never): never {
  throw new Error(`Unhandled diagram format: ${String(value)}`);
}
