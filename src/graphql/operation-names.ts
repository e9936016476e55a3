import { existsSync, readFileSync } from 'node:fs';

import { Kind, parse } from 'graphql';

/**
 * The operation names of the registered documents (trusted-documents.json), for metrics labels.
 * Lenient: TrustedDocuments.load checks the same file and refuses a bad one with its reason.
 */
export function operationNamesOf(manifestFile: string): string[] {
  if (!existsSync(manifestFile)) return [];
  const names = new Set<string>();
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { operations?: { body?: unknown }[] };
    for (const { body } of manifest.operations ?? []) {
      if (typeof body !== 'string') continue;
      for (const definition of parse(body).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
      }
    }
  } catch {
    return [...names];
  }
  return [...names];
}
