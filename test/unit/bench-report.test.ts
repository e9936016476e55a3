import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LATEST_JSON, type LatestRun, renderLatest } from '../../scripts/bench-report';
import { PROJECT_ROOT } from '../../src/project-paths';

describe('the latest benchmark figures', () => {
  it('docs/benchmarks/latest.md is the render of latest.json (npm run bench:report)', () => {
    const run = JSON.parse(readFileSync(LATEST_JSON, 'utf8')) as LatestRun;
    expect(readFileSync(join(PROJECT_ROOT, 'docs', 'benchmarks', 'latest.md'), 'utf8')).toBe(renderLatest(run));
  });
});
