import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { Kind, type OperationDefinitionNode, parse } from 'graphql';

import { PROJECT_ROOT } from '../project-paths';
import { type TrustedDocumentManifest, sha256 } from './trusted-documents';

/** The pages whose ```graphql examples are registered: the API guide, in name order so the manifest is stable. */
export function apiGuidePages(): string[] {
  const folder = join('docs', 'api');
  return readdirSync(join(PROJECT_ROOT, folder))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** The ```graphql blocks of one Markdown file, in order. */
export function graphqlExamples(page: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, page), 'utf8');
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/**
 * The operations this project registers: every one the explorer sends (web/src/api/
 * operations.ts) and every example in docs/api/. The manifest is this list by SHA-256.
 */
export function trustedDocumentManifest(explorer: Readonly<Record<string, string>>): TrustedDocumentManifest {
  const sources = [
    ...Object.entries(explorer).map(([name, body]) => ({ name, body })),
    ...apiGuidePages().flatMap((page) =>
      graphqlExamples(page).map((body, index) => ({ name: `${page} example ${index + 1}`, body })),
    ),
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
