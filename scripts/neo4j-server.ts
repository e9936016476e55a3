import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { PROJECT_ROOT } from '../src/project-paths';

// npm run neo4j:start [-- --port 7687 --home var/neo4j --heap 1g setting=value ...]
// npm run neo4j:stop  [-- --home var/neo4j]
//
// Runs a real Neo4j 5 Community server from Maven artifacts (tools/neo4j-server), for machines
// without Docker: builds it once with Maven, starts it in the background, waits until Bolt
// answers and prints the NEO4J_URI to use. The password of the neo4j user is NEO4J_PASSWORD, or
// the same development default as docker-compose.yml.

const TOOL_DIR = join(PROJECT_ROOT, 'tools', 'neo4j-server');
const MAIN_CLASS = 'dev.skillgraph.neo4j.Neo4jServer';
const DEFAULT_PASSWORD = 'skill-graph-dev';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
// Neo4j 5 reaches into these JDK internals; Java 17 refuses without the opens.
const JVM_OPENS = ['java.base/java.nio', 'java.base/java.io', 'java.base/sun.nio.ch', 'java.base/java.lang'].flatMap(
  (module) => ['--add-opens', `${module}=ALL-UNNAMED`],
);

interface Options {
  readonly port: number;
  readonly home: string;
  readonly heap: string;
  /** Neo4j settings by their own keys, passed through unchanged. */
  readonly settings: readonly string[];
}

class UsageError extends Error {}

function parseOptions(args: readonly string[]): Options {
  let port = 7687;
  let home = join(PROJECT_ROOT, 'var', 'neo4j');
  let heap = '1g';
  const settings: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--port') {
      port = Number(value());
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1-65535`);
    } else if (arg === '--home') home = resolve(value());
    else if (arg === '--heap') {
      heap = value();
      if (!/^\d+[mg]$/i.test(heap)) throw new UsageError(`--heap must look like 512m or 2g, got ${heap}`);
    } else if (/^[a-z][\w.]*=/.test(arg)) settings.push(arg);
    else throw new UsageError(`unknown argument ${arg}: expected --port, --home, --heap or a Neo4j setting=value`);
  }
  return { port, home, heap, settings };
}

const pidFile = (home: string) => join(home, 'server.pid');
const logFile = (home: string) => join(home, 'server.log');

function runningPid(home: string): number | null {
  if (!existsSync(pidFile(home))) return null;
  const pid = Number(readFileSync(pidFile(home), 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function javaBinary(): string {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined) {
    throw new UsageError(`no Java found (${java}): install a JDK 17 or 21, or set JAVA_HOME to one`);
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(probe.stderr)?.[1]);
  // Neo4j 5.26 supports Java 17 and 21 only.
  if (major !== 17 && major !== 21) {
    throw new UsageError(
      `Neo4j 5.26 runs on Java 17 or 21; ${java} is Java ${major}. Set JAVA_HOME to a JDK 17 or 21.`,
    );
  }
  return java;
}

/** Builds the launcher with Maven when it was never built or its sources changed since. */
function buildIfNeeded(): void {
  const built = join(TOOL_DIR, 'target', 'classes', ...MAIN_CLASS.split('.')) + '.class';
  const lib = join(TOOL_DIR, 'target', 'lib');
  const sources = [
    join(TOOL_DIR, 'pom.xml'),
    join(TOOL_DIR, 'src', 'main', 'java', ...MAIN_CLASS.split('.')) + '.java',
  ];
  const fresh =
    existsSync(built) &&
    existsSync(lib) &&
    readdirSync(lib).length > 0 &&
    sources.every((source) => statSync(source).mtimeMs <= statSync(built).mtimeMs);
  if (fresh) return;
  process.stdout.write('Building the Neo4j server with Maven (first run downloads about 160 MB)...\n');
  try {
    execFileSync('mvn', ['-q', '-B', '-f', join(TOOL_DIR, 'pom.xml'), 'package'], { stdio: 'inherit' });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      missing ? 'Maven (mvn) is not installed: it fetches Neo4j from Maven Central' : 'mvn package failed',
    );
  }
}

async function start(options: Options): Promise<void> {
  const password = process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD;
  const uri = `neo4j://127.0.0.1:${options.port}`;
  const running = runningPid(options.home);
  if (running !== null) {
    process.stdout.write(`Neo4j is already running (pid ${running}).\n`);
    printUsage(uri, password, options.home);
    return;
  }
  const java = javaBinary();
  buildIfNeeded();
  mkdirSync(options.home, { recursive: true });
  const log = openSync(logFile(options.home), 'w');
  const child = spawn(
    java,
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      ...JVM_OPENS,
      '-cp',
      [join(TOOL_DIR, 'target', 'classes'), join(TOOL_DIR, 'target', 'lib', '*')].join(':'),
      MAIN_CLASS,
      options.home,
      `server.bolt.listen_address=127.0.0.1:${options.port}`,
      ...options.settings,
    ],
    // Its own process group, so a Ctrl-C in this terminal later does not stop it.
    { detached: true, stdio: ['ignore', log, log], env: { ...process.env, NEO4J_PASSWORD: password } },
  );
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error('could not start java');
  writeFileSync(pidFile(options.home), `${child.pid}\n`);

  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const output = readFileSync(logFile(options.home), 'utf8');
    const ready = /^READY .*$/m.exec(output);
    if (ready !== null) {
      // For tools that look for the local server (npm run bench): where it listens, and who it is.
      writeFileSync(join(options.home, 'connection.json'), `${JSON.stringify({ uri, pid: child.pid })}\n`);
      process.stdout.write(`${ready[0]}\n`);
      printUsage(uri, password, options.home);
      return;
    }
    const code = await Promise.race([exited, sleep(200).then(() => undefined)]);
    if (code !== undefined || Date.now() > deadline) {
      if (code === undefined) process.kill(child.pid, 'SIGTERM');
      rmSync(pidFile(options.home), { force: true });
      throw new Error(
        `Neo4j did not start (${code === undefined ? 'timed out' : `exit code ${code}`}). Its log, ` +
          `${relative(process.cwd(), logFile(options.home))}, ends with:\n${output.split('\n').slice(-20).join('\n')}`,
      );
    }
  }
}

function printUsage(uri: string, password: string, home: string): void {
  process.stdout.write(
    [
      '',
      'Point the API at it with:',
      `  export NEO4J_URI=${uri} NEO4J_PASSWORD=${password}`,
      '  npm run db:seed && npm start',
      `Data and log: ${relative(process.cwd(), home) || '.'}/. Stop it with: npm run neo4j:stop`,
      '',
    ].join('\n'),
  );
}

async function stop(options: Options): Promise<void> {
  const pid = runningPid(options.home);
  if (pid === null) {
    rmSync(pidFile(options.home), { force: true });
    process.stdout.write('Neo4j is not running.\n');
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const stopped = () => /^STOPPED$/m.test(readFileSync(logFile(options.home), 'utf8'));
  // The STOPPED line means the store is closed; the JVM exits right after it.
  while (runningPid(options.home) !== null && !stopped()) {
    if (Date.now() > deadline) throw new Error(`Neo4j (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s`);
    await sleep(200);
  }
  for (let i = 0; i < 50 && runningPid(options.home) !== null; i++) await sleep(100);
  rmSync(pidFile(options.home), { force: true });
  process.stdout.write(stopped() ? 'Neo4j stopped cleanly.\n' : 'Neo4j exited without its clean-shutdown line.\n');
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const options = parseOptions(args);
  if (command === 'start') await start(options);
  else if (command === 'stop') await stop(options);
  else throw new UsageError('usage: neo4j-server start|stop [--port N] [--home DIR] [--heap SIZE] [setting=value ...]');
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
