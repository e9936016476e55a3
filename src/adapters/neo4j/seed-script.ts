import type { Dataset } from '../../dataset/dataset.types';
import type { Statements } from './cypher-statements';
import { loadSchemaStatements, loadStatements } from './cypher-statements';
import { toCypherLiteral } from './cypher-literal';
import { importBatches } from './neo4j-import';

/**
 * cypher/generated/seed.cypher: the schema and the import statements with their rows written inline, so
 * the script and `npm run db:seed` run the very same statements. Deterministic, so a test can
 * compare the committed file with a fresh rendering.
 */
export function renderSeedScript(
  dataset: Dataset,
  statements: Statements = loadStatements(),
  schemaStatements: readonly string[] = loadSchemaStatements(),
): string {
  const header = [
    '// Recreates the Backend Skill Graph in Neo4j 5. Generated from data/ by `npm run generate`: do not edit.',
    '// Neo4j Browser: enable multi-statement query editing, paste, run.',
    '// cypher-shell: cypher-shell -u neo4j -p <password> -f cypher/generated/seed.cypher',
  ];
  const imports = importBatches(dataset).map(({ statement, rows }) => {
    const body = statements[statement]
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .trim();
    const literal = `[\n${rows.map((row) => `  ${toCypherLiteral(row)}`).join(',\n')}\n]`;
    if (!body.includes('UNWIND $rows AS row')) throw new Error(`${statement} must start with UNWIND $rows AS row`);
    return `// ${statement}: ${rows.length} rows\n${body.replace('$rows', literal)};`;
  });
  return `${[header.join('\n'), ...schemaStatements.map((s) => `${s};`), ...imports].join('\n\n')}\n`;
}
