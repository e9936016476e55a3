import { startTestServer } from '../support/test-server';
import { checkCostSoundness, expectUsefulCoverage } from './query-cost-property';

describe('the cost estimate on the embedded store', () => {
  it('is never below what a random accepted query returns, and the result budget always holds', async () => {
    const seen = await checkCostSoundness((env, logs) => startTestServer(env, { logStream: logs }), {
      runs: 400,
      seed: 20_000,
    });
    expectUsefulCoverage(seen);
  }, 240_000);
});
