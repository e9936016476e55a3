import { rateLimitKey } from '../../src/adapters/rate-limit/client-key';
import type { TestServer } from '../support/test-server';
import { startTestServer } from '../support/test-server';

// reportProblem is open to everyone; what bounds it is the rate limit. The client addresses come
// from X-Forwarded-For, as behind the one proxy this server is told to trust (127.0.0.1).

async function report(api: TestServer, forwardedFor: string): Promise<string> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({
      query: 'mutation { reportProblem(skill: "http", message: "A report to count against the rate limit") { id } }',
    }),
  });
  const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
  return body.errors?.[0]?.extensions.code ?? 'ok';
}

async function reports(api: TestServer, addresses: readonly string[]): Promise<string[]> {
  const outcomes: string[] = [];
  for (const address of addresses) outcomes.push(await report(api, address));
  return outcomes;
}

describe('the reportProblem rate limit', () => {
  let api: TestServer;
  afterEach(() => api?.close());

  it('counts every address of an IPv6 /64 as one client, and another /64 on its own', async () => {
    api = await startTestServer({ TRUST_PROXY: '127.0.0.1', REPORT_PROBLEM_LIMIT: '3' });
    const sameHost = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:abcd::9'];
    expect(await reports(api, sameHost)).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    expect(await reports(api, ['2001:db8:1:3::1'])).toEqual(['ok']);
  });

  it('counts an IPv4 address and the same address written IPv4-mapped as one client', async () => {
    api = await startTestServer({ TRUST_PROXY: '127.0.0.1', REPORT_PROBLEM_LIMIT: '3' });
    expect(await reports(api, ['203.0.113.9', '::ffff:203.0.113.9', '::ffff:cb00:7109', '203.0.113.9'])).toEqual([
      'ok',
      'ok',
      'ok',
      'RATE_LIMITED',
    ]);
  });

  it('caps the reports of all clients together in a window (REPORT_PROBLEM_GLOBAL_LIMIT)', async () => {
    api = await startTestServer({
      TRUST_PROXY: '127.0.0.1',
      REPORT_PROBLEM_LIMIT: '3',
      REPORT_PROBLEM_GLOBAL_LIMIT: '4',
    });
    const addresses = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5', '198.51.100.6'];
    expect(await reports(api, addresses)).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('rateLimitKey', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['10.0.0.1', '10.0.0.1'],
    ['not an address', 'not an address'],
  ])('keys %s as %s', (address, key) => {
    expect(rateLimitKey(address)).toBe(key);
  });
});
