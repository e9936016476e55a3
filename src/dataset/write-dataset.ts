import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import type { Dataset } from './dataset.types';
import { DATASET_FILES } from './load-dataset';
import type { RawDataset } from './load-dataset';
import { serializeDataset } from './serialize-dataset';

type RawRecord = Record<string, unknown>;

/** What identifies a record of each file, so an edited record keeps its place in the file. */
const KEYS: Record<keyof RawDataset, (record: RawRecord) => string> = {
  areas: (r) => String(r.slug),
  levels: (r) => String(r.slug),
  skills: (r) => String(r.slug),
  resources: (r) => String(r.slug),
  responsibilities: (r) => String(r.slug),
  prerequisites: (r) => `${String(r.skill)}>${String(r.requires)}`,
  related: (r) => [String(r.skill), String(r.related)].sort().join('~'),
};

/**
 * Writes `dataset` into the folder as data/'s JSON files, for a curator to review: a file is
 * rewritten only when its records changed, a record keeps its place and its exact text unless it
 * changed, new records go at the end. Each file is replaced atomically (a temporary file, synced,
 * renamed over). Returns the names of the files it rewrote.
 */
export function writeDatasetFiles(dir: string, dataset: Dataset): string[] {
  const wanted = serializeDataset(dataset);
  const rewritten: string[] = [];
  for (const [name, file] of Object.entries(DATASET_FILES) as [keyof RawDataset, string][]) {
    const path = join(dir, file);
    const current = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RawRecord[]) : [];
    const merged = merge(current, wanted[name] as RawRecord[], KEYS[name]);
    if (merged.length === current.length && merged.every((record, i) => record === current[i])) continue;
    replaceFile(path, `${JSON.stringify(merged, null, 2)}\n`);
    rewritten.push(file);
  }
  return rewritten;
}

function merge(current: readonly RawRecord[], wanted: readonly RawRecord[], key: (record: RawRecord) => string) {
  const byKey = new Map(wanted.map((record) => [key(record), record]));
  const kept = current.flatMap((record) => {
    const next = byKey.get(key(record));
    byKey.delete(key(record));
    if (next === undefined) return [];
    // A related pair is the same however it is written round; otherwise compare what it says.
    const same = key === KEYS.related || canonical(next) === canonical(record);
    return [same ? record : next];
  });
  return [...kept, ...byKey.values()];
}

/**
 * JSON with object keys sorted and the `skills` lists sorted: equal for records that say the
 * same, whatever their key order or the order of the skills they list.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (key === 'skills' && Array.isArray(inner)) return [...(inner as string[])].sort();
    return inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as RawRecord).sort(([a], [b]) => a.localeCompare(b)))
      : inner;
  });
}

function replaceFile(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
