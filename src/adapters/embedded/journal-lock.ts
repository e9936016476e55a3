import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:net';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

import { StoreOpenError } from '../../domain/model/domain-error';

// One writer per journal, enforced by a listening socket rather than a pid file: the kernel
// closes it when the process dies however it dies (kill -9, a zombie not yet reaped, a power
// cut), so a lock can never outlive its holder, and binding is atomic, so two starts at the
// same instant cannot both win. Nothing is written to disk, so a full or read-only disk does not
// stop the lock either.
//
// Linux: an abstract socket (a name in the kernel, no file). Abstract names are per network
// namespace: two containers that share the volume but not the network namespace do not see each
// other's lock (docs/adr/0057 says what an operator does about it).
// Windows: a named pipe, also freed by the kernel. Elsewhere (macOS, the BSDs): a socket file in
// the temporary folder; a file left by a dead holder refuses connections and is replaced.

/** Thrown when another live process holds the journal: two writers would interleave lines. */
class JournalInUseError extends StoreOpenError {
  readonly code = 'JOURNAL_IN_USE';

  constructor(
    readonly path: string,
    /** The holder's process id, as it answered; null when it did not say. */
    readonly pid: number | null,
  ) {
    super(
      `${path} is in use by ${pid === null ? 'another process' : `process ${pid}`} (a server or data:export): ` +
        'stop it first, or give this one another DATA_FILE',
    );
  }
}

export class JournalLock {
  private constructor(
    private readonly server: Server,
    private readonly address: string,
  ) {}

  /** Takes the journal at `journalFile` for this process, or throws JournalInUseError. */
  static async acquire(journalFile: string): Promise<JournalLock> {
    const address = lockAddress(journalFile);
    for (let attempt = 0; ; attempt++) {
      try {
        return new JournalLock(await listen(address, journalFile), address);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        const holder = await askHolder(address);
        // A socket file whose holder is gone (not Linux, not Windows): replace it, once.
        if (holder === 'gone' && isSocketFile(address) && attempt === 0) {
          rmSync(address, { force: true });
          continue;
        }
        throw new JournalInUseError(journalFile, holder === 'gone' ? null : holder);
      }
    }
  }

  async release(): Promise<void> {
    await new Promise<void>((done) => this.server.close(() => done()));
    if (isSocketFile(this.address)) rmSync(this.address, { force: true });
  }
}

/**
 * A name for the journal that every path to it shares (symlinks, bind mounts, relative paths):
 * its folder's device and inode with its file name. Not the journal's own inode, which every
 * rewrite (a new file renamed over) changes.
 */
function lockAddress(journalFile: string): string {
  const folder = dirname(resolve(journalFile));
  let identity: string;
  try {
    mkdirSync(folder, { recursive: true });
    const { dev, ino } = statSync(realpathSync(folder));
    identity = `${dev}:${ino}:${basename(journalFile)}`;
  } catch {
    // A folder that cannot be made (a read-only disk) holds no journal to share; its path will do.
    identity = resolve(journalFile);
  }
  const name = `backend-skill-graph-journal-${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;
  if (process.platform === 'linux') return `\0${name}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\${name}`;
  return join(tmpdir(), `${name}.sock`);
}

function isSocketFile(address: string): boolean {
  return process.platform !== 'linux' && process.platform !== 'win32' && address.endsWith('.sock');
}

function listen(address: string, journalFile: string): Promise<Server> {
  // Whoever connects learns who holds the journal, for the refusal's message.
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(`${JSON.stringify({ pid: process.pid, journal: journalFile })}\n`);
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ path: address, exclusive: true }, () => {
      server.off('error', reject);
      // The lock must not keep a finished process alive.
      server.unref();
      resolveListen(server);
    });
  });
}

/** The holder's pid (null when it did not say), or 'gone' when nothing answers at the address. */
function askHolder(address: string): Promise<number | null | 'gone'> {
  return new Promise((resolveHolder) => {
    let answer = '';
    const socket = connect({ path: address });
    const timer = setTimeout(() => socket.destroy(), 2000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', (hadError) => {
      clearTimeout(timer);
      if (hadError && answer === '') return resolveHolder('gone');
      try {
        const { pid } = JSON.parse(answer) as { pid?: unknown };
        resolveHolder(Number.isInteger(pid) ? (pid as number) : null);
      } catch {
        // Someone holds the address but did not say who: still in use.
        resolveHolder(null);
      }
    });
  });
}
