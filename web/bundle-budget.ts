import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Plugin } from 'vite';

export interface BundleBudgetOptions {
  /** The HTML page whose first load is budgeted, as Vite names it in the bundle ("index.html"). */
  readonly page: string;
  readonly maxGzipBytes: number;
  /** Where the measured sizes are written, for CI logs and the closing notes of changes. */
  readonly reportFile: string;
}

/**
 * Fails the build when what a page loads before it can draw (its entry script, the scripts that
 * one imports statically, and their CSS) grows past the budget, gzipped as a server would send
 * it. Lazily imported chunks are not counted: the page works before they arrive.
 */
export function bundleBudget({ page, maxGzipBytes, reportFile }: BundleBudgetOptions): Plugin {
  return {
    name: 'skill-graph:bundle-budget',
    apply: 'build',
    // After Vite's own HTML plugin, which emits the page in this same hook.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle[page];
      if (html === undefined || html.type !== 'asset') return this.error(`bundle budget: no ${page} in the build`);
      const source = String(html.source);
      // The page's own references: its module entry and stylesheets, as Vite wrote them.
      const referenced = [...source.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
      const files = new Set<string>();
      const visit = (fileName: string): void => {
        if (files.has(fileName)) return;
        const output = bundle[fileName];
        if (output === undefined) return;
        files.add(fileName);
        if (output.type !== 'chunk') return;
        output.imports.forEach(visit);
        output.viteMetadata?.importedCss.forEach(visit);
      };
      referenced.forEach(visit);

      const sizes = [...files].sort().map((fileName) => {
        const output = bundle[fileName];
        const content = output.type === 'chunk' ? output.code : output.source;
        const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
        return { file: fileName, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
      });
      const gzipBytes = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
      const report = { page, gzipBytes, maxGzipBytes, files: sizes };
      mkdirSync(dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      this.info(`${page} first load: ${kb(gzipBytes)} gzipped (budget ${kb(maxGzipBytes)})`);
      if (gzipBytes > maxGzipBytes) {
        this.error(`${page} first load is ${kb(gzipBytes)} gzipped, over the budget of ${kb(maxGzipBytes)}`);
      }
    },
  };
}
