// npm run build:web: builds the explorer (web/) into web/dist with Vite. The build fails when the
// first page's scripts and styles pass their gzipped budget (web/bundle-budget.ts); the measured
// sizes are in reports/web-bundle.json. Plain JavaScript: it runs before anything is compiled.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
const report = JSON.parse(readFileSync(join(root, 'reports', 'web-bundle.json'), 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
process.stdout.write(
  `explorer built in web/dist: first page ${kb(report.gzipBytes)} gzipped (budget ${kb(report.maxGzipBytes)})\n`,
);
writeFileSync(join(root, 'web', 'dist', '.build-stamp'), `${new Date().toISOString()}\n`);
// The explorer's operations are registered as trusted documents: refresh their manifest when
// the API is compiled (npm run documents:emit does it without a build).
const generate = join(root, 'dist', 'scripts', 'generate.js');
if (existsSync(generate)) {
  execFileSync(process.execPath, [generate, 'trusted-documents.json'], { cwd: root, stdio: 'inherit' });
}
