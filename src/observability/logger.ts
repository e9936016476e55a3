import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import pino from 'pino';

import type { Config } from '../config';

/** Fastify's pino options: JSON lines, secrets redacted, pretty in development, buffered in production. */
export function loggerOptions(config: Config, stream: DestinationStream | undefined): FastifyServerOptions['logger'] {
  const base = {
    level: config.logLevel,
    // Tokens and passwords never reach a log line, even if a header or setting is logged by mistake.
    redact: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token', '*.editors'],
  };
  if (stream !== undefined) return { ...base, stream };
  if (config.nodeEnv === 'production') {
    // Buffered, asynchronous writes: one write system call per few kilobytes of log lines, not
    // one per line. Lines still waiting are flushed on exit.
    return { ...base, stream: pino.destination({ dest: 1, sync: false, minLength: 4096 }) };
  }
  if (config.nodeEnv === 'development' && isInstalled('pino-pretty')) {
    return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } };
  }
  return base;
}

/** pino-pretty is a development dependency: absent after `npm ci --omit=dev`, plain JSON then. */
function isInstalled(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}
