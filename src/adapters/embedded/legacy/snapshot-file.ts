import { existsSync, readFileSync } from 'node:fs';

import { z } from 'zod';

import { parseDataset } from '../../../dataset/load-dataset';
import type { RawDataset } from '../../../dataset/load-dataset';
import { InvalidDatasetError } from '../../../domain/model/domain-error';
import { PROBLEM_STATUSES } from '../../../domain/model/editing.types';
import { accessOfFree } from '../../../domain/model/skill-graph.types';
import type { Snapshot } from '../graph-snapshot';

// The whole-graph data file of earlier versions, which rewrote the graph with its history after
// each accepted write. Only read now: the store takes such a file over into its journal (see
// whole-graph-migration.ts; removed in 1.0.0).

const FORMAT = 'backend-skill-graph/snapshot@1';

const changeSchema = z.strictObject({
  sequence: z.number().int().positive(),
  at: z.string(),
  editor: z.string(),
  operation: z.string(),
  subject: z.string(),
  details: z.string(),
});

const problemSchema = z.strictObject({
  id: z.string(),
  sequence: z.number().int().positive(),
  skill: z.string(),
  message: z.string(),
  status: z.enum(PROBLEM_STATUSES),
  reportedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});

const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  sequence: z.number().int().nonnegative(),
  dataset: z.record(z.string(), z.unknown()),
  changes: z.array(changeSchema),
  problems: z.array(problemSchema),
});

/** Snapshots predate access levels: each resource's access follows from its `free` flag. */
function withAccess(dataset: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(dataset.resources)) return dataset;
  const resources = (dataset.resources as unknown[]).map((r) =>
    typeof r === 'object' && r !== null && !('access' in r) && typeof (r as { free?: unknown }).free === 'boolean'
      ? { ...r, access: accessOfFree((r as { free: boolean }).free) }
      : r,
  );
  return { ...dataset, resources };
}

/** The snapshot in `path`, or null when there is none. A damaged or invalid file stops the start. */
export function readSnapshot(path: string): Snapshot | null {
  if (!existsSync(path)) return null;
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new InvalidDatasetError([`${path}: not a readable data file (${(error as Error).message.split('\n')[0]})`]);
  }
  return {
    dataset: parseDataset(withAccess(parsed.dataset) as unknown as RawDataset),
    changes: parsed.changes,
    problems: parsed.problems,
    sequence: parsed.sequence,
  };
}
