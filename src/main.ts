import 'reflect-metadata';

import { existsSync } from 'node:fs';

import { ConfigError, loadConfig } from './config';
import { InvalidDatasetError } from './domain/domain-error';
import { startServer } from './server';

async function main(): Promise<void> {
  // A .env file is for development; in production the environment is the only source. Variables
  // already set win over the file (process.loadEnvFile never overwrites them).
  if (process.env.NODE_ENV !== 'production' && existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const server = await startServer(config);
  process.stdout.write(`Skill graph API ready at ${server.url}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received: finishing requests in flight (at most ${config.shutdownGraceMs} ms)\n`);
    server.close({ graceMs: config.shutdownGraceMs }).then(
      (finished) => {
        process.stdout.write(finished ? 'stopped\n' : 'stopped, cutting off requests still running\n');
        process.exit(finished ? 0 : 1);
      },
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Configuration and dataset problems are the user's to fix: print the message, not a stack.
  const known = error instanceof ConfigError || error instanceof InvalidDatasetError;
  process.stderr.write(`${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exit(1);
});
