import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open, rm, statfs } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { Dataset } from '../../dataset/dataset.types';
import { serializeDataset } from '../../dataset/serialize-dataset';
import { syncFolder } from '../../dataset/write-dataset';
import { StoreOpenError } from '../../domain/model/domain-error';
import type { Change, Problem } from '../../domain/model/editing.types';
import type { GraphWriter } from '../../domain/ports/graph-store.port';
import type { PrerequisiteEdge, Resource, Skill } from '../../domain/model/skill-graph.types';
import { accessOfFree } from '../../domain/model/skill-graph.types';

// The embedded store's record of accepted changes: an append-only file of JSON lines next to the
// canonical dataset. The first line names the format and the dataset the changes were made on
// (a fingerprint of data/); every other line is one committed change, as the store primitives
// that repeat it. A line is on disk (written and fdatasync'd) before the write is acknowledged.
// A line cut short by a crash was never acknowledged: the next open cuts it off (keeping a copy
// aside) before anything is appended.

export const JOURNAL_FORMAT = 'backend-skill-graph/journal@1';

/** A skill as journaled: lines written before skills had aliases have none. */
type JournaledSkill = Omit<Skill, 'aliases'> & { readonly aliases?: readonly string[] };

export type JournalOp =
  | readonly ['putSkill', JournaledSkill]
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
  /** Entries with no operations (written by older readiness probes), skipped. */
  readonly empty: number;
  /** What follows the last complete line (a crash cut an unacknowledged append short), if anything. */
  readonly tail: { readonly offset: number; readonly text: string } | null;
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

/** Thrown when the journal exists but cannot be read: the start cannot know what was accepted. */
class JournalUnreadableError extends StoreOpenError {
  readonly code = 'JOURNAL_UNREADABLE';

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `${path} cannot be read (${(cause as NodeJS.ErrnoException).code ?? String(cause)}): check its owner and mode`,
      {
        cause,
      },
    );
  }
}

/** The journal at `path`, or null when there is none yet. */
export function readJournal(path: string): JournalContents | null {
  if (!existsSync(path)) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new JournalUnreadableError(path, error);
  }
  // Only a complete line (ended by \n) was ever acknowledged; what follows the last one is torn.
  const complete = bytes.lastIndexOf(0x0a) + 1;
  const tail = complete < bytes.length ? { offset: complete, text: bytes.subarray(complete).toString('utf8') } : null;
  const lines = bytes
    .subarray(0, complete)
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '');
  const [first, ...rest] = lines;
  const header = parseHeader(first);
  if (header === null) {
    return { header: { format: JOURNAL_FORMAT, dataset: '' }, entries: [], unreadable: lines, empty: 0, tail };
  }
  const entries: JournalEntry[] = [];
  const unreadable: string[] = [];
  let empty = 0;
  for (const line of rest) {
    const entry = parseEntry(line);
    if (entry === null) unreadable.push(line);
    // Older readiness probes appended `{"ops":[]}`: nothing was accepted, nothing to replay.
    else if (entry.ops.length === 0) empty += 1;
    else entries.push(entry);
  }
  return { header, entries, unreadable, empty, tail };
}

/** Cuts the journal back to its last complete line (`offset` bytes), durably. */
export function cutTornTail(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dirname(path));
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
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, [header, ...entries].map((line) => `${JSON.stringify(line)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    // A full disk: leave no half-written copy taking the space a retry needs.
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

/** Appends to `path` (a record of something kept aside, say); synced. All the lines or none. */
export function appendLinesSync(path: string, lines: readonly string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  const size = fstatSync(fd).size;
  try {
    writeSync(fd, lines.map((line) => `${line}\n`).join(''));
    fsyncSync(fd);
  } catch (error) {
    // A retry appends them again: leave no partial copy before it.
    try {
      ftruncateSync(fd, size);
    } catch {
      // Nothing more to do on a disk that refuses even this.
    }
    throw error;
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
      file.startsWith(`${name}.tmp-`) ||
      file.startsWith(`${name}.probe-`) ||
      (file.startsWith(`${legacy}.`) && /^\d+$/.test(file.slice(legacy.length + 1))),
  );
  for (const file of leftovers) rmSync(join(folder, file), { force: true });
  return leftovers;
}

/** The open journal of a running store: one append, synced, per committed change. */
export class JournalWriter {
  /** Set when an append failed and its partial line may not have been cut off. */
  private tailUnknown = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a+');
    const writer = new JournalWriter(path, handle, (await handle.stat()).size);
    writer.tailUnknown = writer.size > 0;
    return writer;
  }

  async append(entry: JournalEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    // Never glue a line onto a partial one: the pair would be one unreadable line at the next start.
    const bytes = Buffer.from((await this.endsMidLine()) ? `\n${line}` : line);
    try {
      await this.handle.appendFile(bytes);
      await this.handle.datasync();
      this.size += bytes.length;
    } catch (error) {
      // A partial line (a full disk) would glue itself to the next one: cut it off again.
      this.tailUnknown = true;
      await this.handle.truncate(this.size).then(
        () => (this.tailUnknown = false),
        () => undefined,
      );
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private async endsMidLine(): Promise<boolean> {
    if (!this.tailUnknown) return false;
    this.size = (await this.handle.stat()).size;
    if (this.size === 0) return (this.tailUnknown = false);
    const last = Buffer.alloc(1);
    await this.handle.read(last, 0, 1, this.size - 1);
    this.tailUnknown = false;
    return last[0] !== 0x0a;
  }
}

const PROBE_BYTES = 4096;

/**
 * Why the journal cannot take a write of `minFreeBytes` now, or null when it can. Never writes
 * to the journal: `probe` also opens it for appending (writing nothing) and writes, syncs and
 * removes a small file beside it, for what free space does not tell (a read-only mount, a
 * file's or folder's permissions).
 */
export async function whyNotWritable(
  journalFile: string,
  minFreeBytes: number,
  probe: boolean,
): Promise<string | null> {
  const folder = dirname(journalFile);
  try {
    const { bavail, bsize } = await statfs(folder);
    const free = bavail * bsize;
    if (free < minFreeBytes) {
      return `the journal's disk has ${Math.floor(free / 1024)} KiB free, below the ${Math.floor(minFreeBytes / 1024)} KiB a write needs (JOURNAL_MIN_FREE_BYTES)`;
    }
    if (!probe) return null;
    // Opening for append, writing nothing, is refused for a journal made read-only or immutable.
    if (existsSync(journalFile)) await (await open(journalFile, 'a')).close();
    const file = `${journalFile}.probe-${process.pid}`;
    const handle = await open(file, 'w');
    try {
      await handle.writeFile(Buffer.alloc(PROBE_BYTES));
      await handle.datasync();
    } finally {
      await handle.close();
      await rm(file, { force: true });
    }
    return null;
  } catch (error) {
    return diskFailure(error);
  }
}

/** A disk error as readiness reports it: what the disk refused, not where it is. */
export function diskFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EROFS':
      return 'the journal cannot be written: its disk is read-only (EROFS)';
    case 'ENOSPC':
    case 'EDQUOT':
      return `the journal cannot be written: its disk is full (${code})`;
    case 'EACCES':
    case 'EPERM':
      return `the journal cannot be written: permission denied (${code})`;
    default:
      return `the journal cannot be written (${code ?? 'unknown error'})`;
  }
}

/** What repeats a journal: the write primitives, and the sequence set to a journaled number. */
type JournalTarget = Omit<GraphWriter, 'nextSequence'> & { setSequence(sequence: number): Promise<void> };

/**
 * A resource as journaled, from before `access` and `difficulty` existed too: such a line
 * says only `free`, which is all its access can be derived from.
 */
function withAccess(resource: Resource): Resource {
  const { access, difficulty } = resource as Partial<Resource>;
  return { ...resource, access: access ?? accessOfFree(resource.free), difficulty: difficulty ?? null };
}

/** Repeats one operation of a journal on `target`. */
export async function applyJournalOp(target: JournalTarget, op: JournalOp): Promise<void> {
  switch (op[0]) {
    case 'putSkill':
      return target.putSkill({ ...op[1], aliases: op[1].aliases ?? [] });
    case 'deleteSkill':
      return target.deleteSkill(op[1]);
    case 'putResource':
      return target.putResource(withAccess(op[1]));
    case 'deleteResource':
      return target.deleteResource(op[1]);
    case 'linkResource':
      return target.linkResource(op[1], op[2]);
    case 'unlinkResource':
      return target.unlinkResource(op[1], op[2]);
    case 'putPrerequisite':
      return target.putPrerequisite(op[1]);
    case 'deletePrerequisite':
      return target.deletePrerequisite(op[1], op[2]);
    case 'putRelated':
      return target.putRelated(op[1], op[2]);
    case 'deleteRelated':
      return target.deleteRelated(op[1], op[2]);
    case 'putProblem':
      return target.putProblem(op[1]);
    case 'setSequence':
      return target.setSequence(op[1]);
    case 'recordChange':
      return target.recordChange(op[1]);
    default:
      return unknownOperation(op);
  }
}

function unknownOperation(op: never): never {
  throw new Error(`unknown journal operation ${JSON.stringify(op)}`);
}
