import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { Dataset } from '../../dataset/dataset.types';
import { serializeDataset } from '../../dataset/serialize-dataset';
import type { Change, Problem } from '../../domain/editing.types';
import type { PrerequisiteEdge, Resource, Skill } from '../../domain/skill-graph.types';

// The embedded store's record of accepted changes: an append-only file of JSON lines next to the
// canonical dataset. The first line names the format and the dataset the changes were made on
// (a fingerprint of data/); every other line is one committed change, as the store primitives
// that repeat it. A line is on disk (written and fdatasync'd) before the write is acknowledged.
// A line cut short by a crash was never acknowledged, and is dropped at the next open.

export const JOURNAL_FORMAT = 'backend-skill-graph/journal@1';

export type JournalOp =
  | readonly ['putSkill', Skill]
  | readonly ['deleteSkill', string]
  | readonly ['putResource', Resource]
  | readonly ['deleteResource', string]
  | readonly ['linkResource', string, string]
  | readonly ['unlinkResource', string, string]
  | readonly ['putPrerequisite', PrerequisiteEdge]
  | readonly ['deletePrerequisite', string, string]
  | readonly ['putRelated', string, string]
  | readonly ['deleteRelated', string, string]
  | readonly ['putProblem', Problem]
  | readonly ['setSequence', number]
  | readonly ['recordChange', Change];

export interface JournalEntry {
  readonly ops: readonly JournalOp[];
}

export interface JournalHeader {
  readonly format: typeof JOURNAL_FORMAT;
  /** datasetFingerprint() of the data/ the entries were written against. */
  readonly dataset: string;
}

export interface JournalContents {
  readonly header: JournalHeader;
  readonly entries: readonly JournalEntry[];
  /** Lines that could not be read (a damaged file): kept aside by the caller, never dropped silently. */
  readonly unreadable: readonly string[];
}

/**
 * Identifies a dataset made in memory (tests) by content. data/ on disk is identified by its
 * files' bytes instead (readDataset), which costs far less at every start.
 */
export function datasetFingerprint(dataset: Dataset): string {
  return createHash('sha256')
    .update(JSON.stringify(serializeDataset(dataset)))
    .digest('hex');
}

/** The journal at `path`, or null when there is none yet. */
export function readJournal(path: string): JournalContents | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  // Only a complete line (ended by \n) was ever acknowledged.
  const lines = text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line !== '');
  const [first, ...rest] = lines;
  const header = parseHeader(first);
  if (header === null) return { header: { format: JOURNAL_FORMAT, dataset: '' }, entries: [], unreadable: lines };
  const entries: JournalEntry[] = [];
  const unreadable: string[] = [];
  for (const line of rest) {
    const entry = parseEntry(line);
    if (entry === null) unreadable.push(line);
    else entries.push(entry);
  }
  return { header, entries, unreadable };
}

function parseHeader(line: string | undefined): JournalHeader | null {
  try {
    const value = JSON.parse(line ?? '') as Partial<JournalHeader>;
    return value.format === JOURNAL_FORMAT && typeof value.dataset === 'string'
      ? { format: JOURNAL_FORMAT, dataset: value.dataset }
      : null;
  } catch {
    return null;
  }
}

function parseEntry(line: string): JournalEntry | null {
  try {
    const value = JSON.parse(line) as { ops?: unknown };
    const valid = Array.isArray(value.ops) && value.ops.every((op) => Array.isArray(op) && typeof op[0] === 'string');
    return valid ? { ops: value.ops as JournalOp[] } : null;
  } catch {
    return null;
  }
}

/**
 * Replaces the journal with `header` and `entries` so that a crash at any moment leaves either
 * the old file or the new one: written to a temporary file, synced, renamed over, folder synced.
 */
export function rewriteJournal(path: string, header: JournalHeader, entries: readonly JournalEntry[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, [header, ...entries].map((line) => `${JSON.stringify(line)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncFolder(dirname(path));
}

/** Appends to `path` (a record of something kept aside, say); synced, never truncated. */
export function appendLinesSync(path: string, lines: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, lines.map((line) => `${line}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Temporary files a crash left behind in the journal's folder (ours, and the old snapshot writer's). */
export function removeLeftovers(path: string): string[] {
  const folder = dirname(path);
  if (!existsSync(folder)) return [];
  const name = basename(path);
  const legacy = name.replace(/\.journal$/, '.json');
  const leftovers = readdirSync(folder).filter(
    (file) =>
      file.startsWith(`${name}.tmp-`) || (file.startsWith(`${legacy}.`) && /^\d+$/.test(file.slice(legacy.length + 1))),
  );
  for (const file of leftovers) rmSync(join(folder, file), { force: true });
  return leftovers;
}

/** Thrown when another live process has the journal open: two writers would interleave lines. */
export class JournalInUseError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`${path} is in use by process ${pid}: stop it first (or delete ${path}.lock if that process is gone)`);
    this.name = 'JournalInUseError';
  }
}

/** Marks the journal as this process's; a lock left by a process that is gone is taken over. */
export function acquireLock(path: string): void {
  const lock = `${path}.lock`;
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new JournalInUseError(path, pid);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(lock, `${process.pid}\n`);
}

export function releaseLock(path: string): void {
  const lock = `${path}.lock`;
  if (existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(process.pid)) rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The open journal of a running store: one append, synced, per committed change. */
export class JournalWriter {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a');
    return new JournalWriter(path, handle, (await handle.stat()).size);
  }

  async append(entry: JournalEntry): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    try {
      await this.handle.appendFile(line);
      await this.handle.datasync();
      this.size += line.length;
    } catch (error) {
      // A partial line (a full disk) would glue itself to the next one: cut it off again.
      await this.handle.truncate(this.size).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

function syncFolder(folder: string): void {
  // The rename is durable only once the folder's entry is on disk too.
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
