import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import { bundleBudget } from './bundle-budget';

const here = fileURLToPath(new URL('.', import.meta.url));

// The explorer (index.html) and, for development, a self-hosted GraphiQL (graphiql.html). Both
// are bundled with every asset they need: the API serves them with no internet.
export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Hashed names under assets/: the server caches them for a year, and index.html never.
    assetsDir: 'assets',
    rollupOptions: {
      input: { index: `${here}index.html`, graphiql: `${here}graphiql.html` },
      onwarn(warning, warn) {
        // GraphiQL's React dependencies mark modules "use client" for React Server Components;
        // meaningless in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
    // GraphiQL (React and CodeMirror) is large and loaded only in development; the explorer's
    // own budget is enforced by bundleBudget below.
    chunkSizeWarningLimit: 2048,
  },
  plugins: [
    bundleBudget({
      page: 'index.html',
      maxGzipBytes: 350 * 1024,
      reportFile: `${here}../reports/web-bundle.json`,
    }),
  ],
  server: {
    // npm run web:dev: Vite serves the explorer with hot reload; the API runs beside it.
    proxy: { '/graphql': process.env.SKILL_GRAPH_API ?? 'http://localhost:4000' },
  },
});
