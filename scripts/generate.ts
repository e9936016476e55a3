import { GENERATED_FILES, staleGenerated, writeGenerated } from './generated-files';

// npm run generate: rewrites every committed generated file (scripts/generated-files.ts lists
// them); `-- <path>...` rewrites only those. With --check (npm run generate:check, part of
// npm test) it writes nothing and fails when a committed file differs from a fresh rendering.
async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--check')) {
    const stale = await staleGenerated();
    if (stale.length > 0) {
      process.stderr.write(`stale generated files: ${stale.join(', ')}\nrun npm run generate, then commit them\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`generated files: ${GENERATED_FILES.length} up to date\n`);
    }
    return;
  }
  const changed = await writeGenerated(args.length > 0 ? args : undefined);
  for (const path of changed) process.stdout.write(`wrote ${path}\n`);
  if (changed.length === 0) process.stdout.write('generated files: all up to date, nothing written\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
