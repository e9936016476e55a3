import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebAppOptions {
  /** The explorer as `npm run build:web` wrote it. */
  readonly webDir: string;
  /** Also serve the self-hosted GraphiQL at /graphiql. */
  readonly development: boolean;
}

/** Paths that belong to the API, never to the app, whatever the client accepts. */
const API_PATHS = ['/graphql', '/health/', '/metrics'];
const ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

// The explorer loads only its own scripts and styles and talks only to this origin.
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
// GraphiQL's editor and React set inline styles.
const GRAPHIQL_POLICY = APP_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "img-src 'self' data:",
  "img-src 'self' data:; font-src 'self' data:",
);

/**
 * The explorer at `/` in every mode: its hashed assets cached for a year, its pages never cached
 * (so a new build is picked up at once), and every other page address of the app answered with
 * index.html, so a shared link such as /skills/caching opens that view.
 */
export async function registerWebApp(app: FastifyInstance, { webDir, development }: WebAppOptions): Promise<void> {
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ webDir }, 'the explorer is not built (npm run build:web); / explains how to build it');
    app.get('/', (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', REVALIDATE)
        .send(
          'The explorer has not been built. Run `npm run build:web` (npm start does it for you), then reload.\nThe GraphQL API is at /graphql.\n',
        ),
    );
    return;
  }
  // Read once: the app's pages are tiny, and a build replaces the folder while the server runs.
  const pages = {
    index: readFileSync(indexFile),
    graphiql:
      development && existsSync(join(webDir, 'graphiql.html')) ? readFileSync(join(webDir, 'graphiql.html')) : null,
  };

  const assetsDir = join(webDir, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    // One route per built file, found at start: a missing file falls through to the handler below.
    wildcard: false,
    index: false,
    // The HTML pages are sent by the routes below, with their own headers.
    globIgnore: ['*.html'],
    cacheControl: false,
    setHeaders: (response, filePath) => {
      response.setHeader('cache-control', filePath.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
    },
  });

  const sendPage = (page: Buffer, policy: string) => (_request: FastifyRequest, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', REVALIDATE)
      .header('content-security-policy', policy)
      .header('referrer-policy', 'no-referrer')
      .send(page);
  const sendIndex = sendPage(pages.index, APP_POLICY);
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  if (pages.graphiql !== null) app.get('/graphiql', sendPage(pages.graphiql, GRAPHIQL_POLICY));

  app.setNotFoundHandler((request, reply) => {
    if (servesApp(request)) return sendIndex(request, reply);
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `No route for ${request.method} ${pathOf(request).slice(0, 200)}`,
    });
  });
}

/** A browser navigating to an address of the app (not a file, not the API). */
function servesApp(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = pathOf(request);
  if (path.startsWith(ASSETS) || API_PATHS.some((prefix) => path.startsWith(prefix))) return false;
  // The last segment has no extension: /skills/http, not /favicon.ico.
  if (/\.[a-z0-9]+$/i.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '/';
}
