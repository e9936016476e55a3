import { isInt } from 'neo4j-driver';

// Cypher literals for the seed script only: the API itself always sends parameters.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function toCypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (isInt(value)) return value.toString();
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`no Cypher literal for ${value}`);
      // A JS number reaches Neo4j as a float through the driver; the literal says the same.
      return Number.isInteger(value) ? `${value}.0` : String(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(toCypherLiteral).join(', ')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .map(([key, v]) => `${IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '``')}\``}: ${toCypherLiteral(v)}`)
        .join(', ')}}`;
    default:
      throw new Error(`no Cypher literal for a ${typeof value}`);
  }
}

function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}
