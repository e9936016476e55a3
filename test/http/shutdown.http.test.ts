import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';

import { freshDataFile } from '../support/test-server';

// The real process, stopped with SIGTERM while requests are in flight. Each request is "slow"
// because its client sends the body in two parts: the server has read the headers and must wait
// for the rest, exactly as with a slow client or a long query.

function startProcess() {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '../support/ts-register.js'), join(__dirname, '../../src/main.ts')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATA_FILE: freshDataFile(),
        SHUTDOWN_GRACE_MS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = new Promise<URL>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exit, output: () => output };
}

/** Sends the headers and the first half of a POST, and returns a way to send the rest and read the answer. */
async function halfSentRequest(url: URL, query: string) {
  const body = JSON.stringify({ query });
  const socket: Socket = connect(Number(url.port), url.hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
  const ended = new Promise((resolve) => socket.once('close', resolve));
  socket.write(
    `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    async finish() {
      socket.write(body.slice(10));
      await ended;
      return response;
    },
  };
}

it('lets requests in flight finish on SIGTERM, then exits 0', async () => {
  const server = startProcess();
  const url = await server.url;
  const first = await halfSentRequest(url, '{ areas { slug } }');
  const second = await halfSentRequest(url, '{ levels { slug } }');
  await new Promise((resolve) => setTimeout(resolve, 100)); // both are being read by the server

  server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300)); // shutdown has begun

  const [a, b] = await Promise.all([first.finish(), second.finish()]);
  expect(a).toMatch(/^HTTP\/1\.1 200/);
  expect(a).toContain('"slug":"cs-fundamentals"');
  expect(b).toMatch(/^HTTP\/1\.1 200/);
  expect(b).toContain('"slug":"principal"');
  expect(await server.exit).toBe(0);
  expect(server.output()).toContain('SIGTERM received');
}, 30_000);
