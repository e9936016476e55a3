import 'reflect-metadata';

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { renderSeedScript } from '../src/adapters/neo4j/seed-script';
import { loadDataset } from '../src/dataset/load-dataset';
import { buildSkillGraphSchema, printSkillGraphSchema } from '../src/graphql/schema';
import { trustedDocumentManifest } from '../src/graphql/trusted-document-sources';
import { PROJECT_ROOT, SEED_SCRIPT_FILE } from '../src/project-paths';
import { OPERATION_TYPES_FILE, renderOperationTypes } from '../web/codegen';
import { operations } from '../web/src/api/operations';
import { LATEST_JSON, type LatestRun, renderLatest } from './bench-report';
import { renderEnvExample, withSettingsTable } from './config-docs';

/** A committed file derived from the code or data/, and what renders it. */
export interface GeneratedFile {
  /** From the project root. */
  readonly path: string;
  render(): string | Promise<string>;
}

/**
 * Every committed generated file, in the order `npm run generate` writes them (a later one may
 * read an earlier one, as the web's types read schema.graphql). `npm test` checks each against a
 * fresh rendering, so a file missing here is a file nothing keeps current.
 */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'schema.graphql', render: async () => printSkillGraphSchema(await buildSkillGraphSchema()) },
  {
    path: 'trusted-documents.json',
    render: () => `${JSON.stringify(trustedDocumentManifest(operations), null, 2)}\n`,
  },
  { path: relativeToRoot(SEED_SCRIPT_FILE), render: () => renderSeedScript(loadDataset()) },
  // After schema.graphql: the explorer's types are checked against the committed schema.
  {
    path: OPERATION_TYPES_FILE,
    render: () => renderOperationTypes(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'), operations),
  },
  // The one configuration table and .env.example, from src/settings.ts.
  {
    path: 'docs/operations.md',
    render: () => withSettingsTable(readFileSync(join(PROJECT_ROOT, 'docs/operations.md'), 'utf8')),
  },
  { path: '.env.example', render: renderEnvExample },
  // The latest benchmark figures, from the run's report (npm run bench:report loads a new one).
  {
    path: 'docs/benchmarks/latest.md',
    render: () => renderLatest(JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as LatestRun),
  },
];

function relativeToRoot(path: string): string {
  return path
    .slice(PROJECT_ROOT.length + 1)
    .split('\\')
    .join('/');
}

function committed(path: string): string | null {
  try {
    return readFileSync(join(PROJECT_ROOT, path), 'utf8');
  } catch {
    return null;
  }
}

/** Writes the files named (all by default); returns the paths that changed. */
export async function writeGenerated(paths: readonly string[] = GENERATED_FILES.map((f) => f.path)): Promise<string[]> {
  const changed: string[] = [];
  for (const path of paths) {
    const file = GENERATED_FILES.find((f) => f.path === path);
    if (file === undefined)
      throw new Error(`${path} is not a generated file (${GENERATED_FILES.map((f) => f.path).join(', ')})`);
    const text = await file.render();
    if (committed(path) === text) continue;
    mkdirSync(dirname(join(PROJECT_ROOT, path)), { recursive: true });
    writeFileSync(join(PROJECT_ROOT, path), text);
    changed.push(path);
  }
  return changed;
}

/** The generated files whose committed text differs from a fresh rendering. Writes nothing. */
export async function staleGenerated(): Promise<string[]> {
  const stale: string[] = [];
  for (const file of GENERATED_FILES) if (committed(file.path) !== (await file.render())) stale.push(file.path);
  return stale;
}
