// Runs before `npm start`: compiles the API (TypeScript) and builds the explorer (web/) only when
// one of their sources is newer than the last build, so a start with nothing changed serves at
// once. Plain JavaScript, because it must run before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale(stamp, inputs) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return Math.max(...inputs.map((input) => newest(join(root, input)))) > built;
}

const apiStamp = join(root, 'dist', '.build-stamp');
const apiInputs = ['src', 'scripts', 'bench', 'test/support', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
if (stale(apiStamp, apiInputs)) {
  process.stdout.write('Sources changed since the last build: compiling...\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  writeFileSync(apiStamp, `${new Date().toISOString()}\n`);
}

const webInputs = [
  'web/src',
  'web/graphiql',
  'web/public',
  'web/index.html',
  'web/graphiql.html',
  'web/vite.config.ts',
  'web/bundle-budget.ts',
  'package.json',
];
if (stale(join(root, 'web', 'dist', '.build-stamp'), webInputs)) {
  process.stdout.write('The explorer changed since its last build: building it...\n');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs')], { cwd: root, stdio: 'inherit' });
}
