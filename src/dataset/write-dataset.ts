import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import type { Dataset } from './dataset.types';
import { DATASET_FILES, OLD_SUFFIX, STAGED_SUFFIX } from './load-dataset';
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
 * The data/ JSON files that `dataset` changes, by file name, as a curator would review them: a
 * file is listed only when its records changed, a record keeps its place and its exact text
 * unless it changed, new records go at the end. Reads the folder; writes nothing.
 */
export function changedDatasetFiles(dir: string, dataset: Dataset): Map<string, string> {
  const wanted = serializeDataset(dataset);
  const changed = new Map<string, string>();
  for (const [name, file] of Object.entries(DATASET_FILES) as [keyof RawDataset, string][]) {
    const path = join(dir, file);
    const current = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RawRecord[]) : [];
    const merged = merge(current, wanted[name] as RawRecord[], KEYS[name]);
    if (merged.length === current.length && merged.every((record, i) => record === current[i])) continue;
    changed.set(file, `${JSON.stringify(merged, null, 2)}\n`);
  }
  return changed;
}

/**
 * Replaces the folder `dir` with a copy of it in which `files` (name to text) are rewritten, so
 * that a crash at any moment leaves the old folder or the new one, never a mix: the copy is
 * written and synced beside it (`<dir>.export-new`), then the two are swapped by renames, with
 * the old one kept as `<dir>.export-old` until the parent folder is synced. readDataset finishes
 * or undoes a swap a crash interrupted.
 */
export function replaceDatasetFolder(folder: string, files: ReadonlyMap<string, string>): void {
  const dir = resolve(folder);
  const staged = `${dir}${STAGED_SUFFIX}`;
  const old = `${dir}${OLD_SUFFIX}`;
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && !files.has(entry.name))
      writeSynced(join(staged, entry.name), readFileSync(join(dir, entry.name)));
    else if (!entry.isFile()) cpSync(join(dir, entry.name), join(staged, entry.name), { recursive: true });
  }
  for (const [name, text] of files) writeSynced(join(staged, name), text);
  syncFolder(staged);
  rmSync(old, { recursive: true, force: true });
  renameSync(dir, old);
  renameSync(staged, dir);
  syncFolder(dirname(dir));
  rmSync(old, { recursive: true, force: true });
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

function writeSynced(path: string, data: string | Buffer): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename or a new file is durable only once its folder's entry is on disk too. */
export function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
