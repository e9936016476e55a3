import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

import { PROJECT_ROOT } from '../../src/project-paths';

export interface ServerProcess {
  readonly child: ChildProcess;
  /** The GraphQL endpoint the process printed when it was ready. */
  readonly url: URL;
  readonly exit: Promise<number | null>;
  output(): string;
}

/**
 * The built API as users run it (`node dist/src/main.js`, or `npm start` in its own process
 * group, as a terminal's foreground job), resolved once it prints that it is ready.
 */
export async function startServerProcess(
  env: Record<string, string>,
  how: 'node' | 'npm' = 'node',
): Promise<ServerProcess> {
  const fullEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', NEO4J_URI: '', ...env };
  const child =
    how === 'node'
      ? spawn(process.execPath, ['dist/src/main.js'], {
          cwd: PROJECT_ROOT,
          env: fullEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn('npm', ['start'], { cwd: PROJECT_ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(new URL(match[1]));
      }
    }, 20);
    void exit.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited before it was ready (${code}): ${output}`));
    });
  });
  return { child, url, exit, output: () => output };
}
