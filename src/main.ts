import 'reflect-metadata';

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { Config } from './config';
import { ConfigError, loadConfig } from './config';
import { InvalidDatasetError, StoreOpenError } from './domain/model/domain-error';
import type { SkillGraphServer } from './server';
import { DATA_DIR } from './project-paths';
import { startServer } from './server';

async function main(): Promise<void> {
  // A .env file is for development; in production the environment is the only source. Variables
  // already set win over the file (process.loadEnvFile never overwrites them).
  if (process.env.NODE_ENV !== 'production' && existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const server = await startServer(config);
  const lines = await banner(config, server);
  // Before saying ready: a supervisor may signal as soon as it reads that line.
  handleStopSignals(server, config.shutdownGraceMs);
  process.stdout.write(`Skill graph API ready at ${server.url}\n${lines}`);
}

/** What an operator needs to know at a glance: mode, store, where the data lives, who may write. */
async function banner(config: Config, server: SkillGraphServer): Promise<string> {
  const lines = [
    `mode:    ${config.nodeEnv}${config.nodeEnv === 'development' ? '' : ' (npm run dev for development: Sandbox, error details)'}`,
  ];
  const opening = server.opening;
  if (config.neo4j === null && opening !== null) {
    const where = (path: string) => relative(process.cwd(), path) || '.';
    lines.push(
      `store:   embedded, dataset ${where(config.dataDir ?? DATA_DIR)}/`,
      `journal: ${where(config.dataFile)}, ${opening.replayed} accepted change${opening.replayed === 1 ? '' : 's'} replayed` +
        (opening.datasetChanged ? ' onto a data/ that changed since (each checked again)' : ''),
    );
    if (opening.readOnly !== null) {
      lines.push(`READ-ONLY: ${opening.readOnly}; reads are served, writes refused until the disk takes them`);
    }
    if (opening.tornTail > 0) {
      lines.push(
        `         cut off an unfinished last line (${opening.tornTail} bytes, never acknowledged; kept in ${where(config.dataFile)}.set-aside)`,
      );
    }
    if (opening.migratedFrom !== null) lines.push(`         took over the older data file ${opening.migratedFrom}`);
    if (opening.leftovers.length > 0) lines.push(`         removed what a crash left: ${opening.leftovers.join(', ')}`);
    for (const { name, reason } of opening.setAside) {
      lines.push(`SET ASIDE (no longer applies, kept in ${where(config.dataFile)}.set-aside): ${name}: ${reason}`);
    }
  } else if (config.neo4j !== null) {
    const reached = await server.store.ping().then(
      (status) => `reachable (${status.serverVersion ?? 'unknown version'})`,
      () => 'NOT reachable yet: requests get SERVICE_UNAVAILABLE until it is',
    );
    lines.push(`store:   neo4j at ${config.neo4j.uri}, database ${config.neo4j.database}: ${reached}`);
  }
  const origin = server.url.replace(/\/graphql$/, '');
  lines.push(
    existsSync(join(config.webDir, 'index.html'))
      ? `explorer: ${origin}/${config.nodeEnv === 'development' ? `  (GraphiQL: ${origin}/graphiql)` : ''}`
      : `explorer: not built (npm run build:web; npm start builds it)`,
  );
  lines.push(
    config.editors.length === 0
      ? 'editing: off (set EDITOR_TOKENS to let editors write)'
      : `editing: on, for ${config.editors.map((editor) => editor.name).join(', ')}`,
  );
  return lines.map((line) => `  ${line}\n`).join('');
}

/**
 * SIGTERM (a container's stop) or SIGINT (Ctrl-C) drains the server: no new connections, every
 * request already received is answered, every byte of every answer handed to the kernel, and
 * every acknowledged write is on disk, then exit 0 (1, saying how many answers were cut, when
 * the grace period ran out first). A second signal does not cut the drain short; a third forces
 * the exit. Under `npm start` one Ctrl-C reaches this process twice (from the terminal and
 * forwarded by npm), so signals closer together than DUPLICATE_MS count as one.
 */
function handleStopSignals(server: SkillGraphServer, graceMs: number): void {
  const DUPLICATE_MS = 150;
  let received = 0;
  let last = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (received > 0 && now - last < DUPLICATE_MS) return;
    last = now;
    received += 1;
    if (received === 1) {
      process.stdout.write(`${signal} received: finishing requests in flight (at most ${graceMs} ms)\n`);
      server.close({ graceMs }).then(
        ({ cutOff }) => {
          const message =
            cutOff === 0
              ? 'stopped\n'
              : `stopped after the grace period (${graceMs} ms), cutting off ${cutOff} answer${cutOff === 1 ? '' : 's'} still being sent\n`;
          // Every connection has closed by now; exit once this line has reached stdout.
          process.stdout.write(message, () => process.exit(cutOff === 0 ? 0 : 1));
        },
        (error: unknown) => {
          process.stderr.write(`shutdown failed: ${String(error)}\n`, () => process.exit(1));
        },
      );
    } else if (received === 2) {
      process.stdout.write(`${signal} received again: still finishing requests; a third signal stops at once\n`);
    } else {
      process.stdout.write(`${signal} received a third time: stopping now\n`);
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  // Configuration and dataset problems are the user's to fix: print the message, not a stack.
  const known = error instanceof ConfigError || error instanceof InvalidDatasetError || error instanceof StoreOpenError;
  process.stderr.write(`${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exit(1);
});
