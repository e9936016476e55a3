import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Kind, type OperationDefinitionNode, parse } from 'graphql';

import { PROJECT_ROOT } from '../project-paths';
import { type TrustedDocumentManifest, sha256 } from './trusted-documents';

/**
 * The operations this project registers: every one the explorer sends (web/src/api/
 * operations.ts) and every example in the README. The manifest is this list by SHA-256.
 */
export function trustedDocumentManifest(explorer: Readonly<Record<string, string>>): TrustedDocumentManifest {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const sources = [
    ...Object.entries(explorer).map(([name, body]) => ({ name, body })),
    ...examples.map((body, index) => ({ name: `README example ${index + 1}`, body })),
  ];
  const operations = sources.map(({ name, body }) => {
    const operation = parse(body).definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operation === undefined) throw new Error(`${name} holds no operation`);
    return { id: sha256(body), name: operation.name?.value ?? name, type: operation.operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}
