import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../src/project-paths';
import { markdownTable, tableCell } from './markdown-table';

// The latest benchmark figures: docs/benchmarks/latest.json keeps the targets of the last run
// (the shape bench/run.ts writes to reports/bench.json), and latest.md is rendered from it.

interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface LatestRun {
  readonly at: string;
  readonly machine: string;
  readonly note?: string;
  readonly targets: readonly Target[];
}

/** What bench/run.ts writes to reports/bench.json, as far as the summary reads it. */
interface BenchReport {
  readonly at: string;
  readonly machine: { cpus: number; cpu?: string; memoryGB: number; node: string };
  readonly durationSeconds: number;
  readonly targets: readonly Target[];
}

export const LATEST_JSON = join(PROJECT_ROOT, 'docs', 'benchmarks', 'latest.json');
const LATEST_MD = join(PROJECT_ROOT, 'docs', 'benchmarks', 'latest.md');

function latestFromReport(report: BenchReport): LatestRun {
  const { cpus, cpu, memoryGB, node } = report.machine;
  return {
    at: report.at.slice(0, 10),
    machine: `${cpus} × ${cpu ?? 'unknown CPU'}, ${memoryGB} GB, Node ${node.replace(/^v/, '')}`,
    note: `One run of ${Math.round(report.durationSeconds)} s.`,
    targets: report.targets,
  };
}

export function renderLatest(run: LatestRun): string {
  const rows = run.targets.map(({ target, measured, met }) => [
    tableCell(target),
    tableCell(measured),
    met ? 'yes' : '**no**',
  ]);
  return [
    '# Latest benchmark figures',
    '',
    '<!-- Generated from latest.json by npm run bench:report; a test fails when the two disagree. -->',
    '',
    `${run.machine}, ${run.at}. ${run.note ?? ''}`.trimEnd(),
    '',
    'Absolute numbers depend on the machine; the targets are ratios of servers measured in the same run, or growth',
    'against the smallest graph. How each is measured: [method.md](method.md); the analysis of this and earlier runs,',
    'section by section, and what moved the numbers: [history.md](history.md).',
    '',
    markdownTable([['Target', 'Measured', 'Met'], ...rows]),
    '',
  ].join('\n');
}

// npm run bench:report [-- reports/bench.json]: takes the targets of a new run when given its
// report, then renders latest.md.
if (require.main === module) {
  const reportFile = process.argv[2];
  if (reportFile !== undefined) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as BenchReport;
    writeFileSync(LATEST_JSON, `${JSON.stringify(latestFromReport(report), null, 2)}\n`);
  }
  const run = JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as LatestRun;
  writeFileSync(LATEST_MD, renderLatest(run));
  process.stdout.write(`docs/benchmarks/latest.md rendered from latest.json (${run.at})\n`);
}
