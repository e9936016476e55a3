import Fastify from 'fastify';
import { GraphQLError } from 'graphql';

import { createFormatError, isUnexpected, withoutSuggestions } from '../../src/graphql/format-error';
import { registerErrorHandler } from '../../src/http/error-handler';
import { registerRequestObservation } from '../../src/http/request-observation';
import { Metrics } from '../../src/observability/metrics';
import { LogCapture } from '../support/log-capture';

// What a client sees of a failure outside the resolvers, and what the operator's log keeps.

const formatError = createFormatError({
  exposeInternals: false,
  stripSuggestions: true,
  maxTokens: 3000,
  onTokenLimit: () => undefined,
});

describe('formatError', () => {
  it('masks a bug that Apollo wrapped in a GraphQLError (thrown by a plugin), whose message would leak', () => {
    const wrapped = new GraphQLError('Maximum call stack size exceeded', {
      originalError: new RangeError('Maximum call stack size exceeded'),
    });
    expect(isUnexpected(wrapped)).toBe(true);
    expect(formatError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes a refusal graphql-js made on purpose through, wrapped or not', () => {
    const coercion = new GraphQLError('Int cannot represent non-integer value: 1.5');
    const wrapped = new GraphQLError(coercion.message, { originalError: coercion });
    expect(isUnexpected(wrapped)).toBe(false);
    expect(formatError({ message: wrapped.message, extensions: { code: 'BAD_USER_INPUT' } }, wrapped).message).toBe(
      coercion.message,
    );
  });

  it.each([
    [
      'Field "aera" is not defined by type "SkillFilter". Did you mean "area"?',
      'Field "aera" is not defined by type "SkillFilter".',
    ],
    [
      'Value "MERMAI" does not exist in "DiagramFormat" enum. Did you mean the enum value "MERMAID"?',
      'Value "MERMAI" does not exist in "DiagramFormat" enum.',
    ],
    ['Unknown argument "slg". Did you mean "slug" or "skill"?', 'Unknown argument "slg".'],
    ['Cannot query field "x". Did you mean "a", "b", or "c"?', 'Cannot query field "x".'],
    [
      'Variable "$t" got invalid value "Did you mean?"; Expected type "Int".',
      'Variable "$t" got invalid value "Did you mean?"; Expected type "Int".',
    ],
  ])('strips the hint of %j', (message, stripped) => {
    expect(withoutSuggestions(message)).toBe(stripped);
  });
});

describe('the HTTP error handler', () => {
  async function appWithFailingHook(exposeInternals: boolean) {
    const logs = new LogCapture();
    const app = Fastify({ logger: { level: 'info', stream: logs }, genReqId: () => 'req-1' });
    registerErrorHandler(app, { exposeInternals });
    registerRequestObservation(app, new Metrics());
    app.addHook('preHandler', async (request) => {
      if (request.url === '/fails') throw new RangeError('Maximum call stack size exceeded at db 10.1.2.3');
    });
    app.post('/fails', async () => ({ ok: true }));
    app.post('/graphql', async () => ({ ok: true }));
    app.get('/bad', async () => {
      throw Object.assign(new Error('Body is not what we expected'), { statusCode: 400 });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const request = async (method: string, path: string) => {
      const response = await fetch(`${base}${path}`, {
        method,
        ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { app, logs, request };
  }

  it('masks a failure in a hook (500) and logs it in full under the request id the client is given', async () => {
    const { app, logs, request } = await appWithFailingHook(false);
    const response = await request('POST', '/fails');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
      requestId: 'req-1',
    });
    const logged = logs.lines.find((line) => line.level === 50);
    expect(logged).toMatchObject({
      reqId: 'req-1',
      err: { type: 'RangeError', message: expect.stringContaining('10.1.2.3') },
    });
    const requestLine = logs.lines.find((line) => line.msg === 'request');
    expect(requestLine).toMatchObject({ status: 500 });
    await app.close();
  });

  it('keeps the detail in development, and a refusal (4xx) as Fastify gives it', async () => {
    const { app, request } = await appWithFailingHook(true);
    expect((await request('POST', '/fails')).body.message).toContain('10.1.2.3');
    const refusal = await request('GET', '/bad');
    expect([refusal.status, refusal.body.message]).toEqual([400, 'Body is not what we expected']);
    await app.close();
  });
});
