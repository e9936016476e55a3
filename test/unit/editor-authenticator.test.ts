import { EditorAuthenticator } from '../../src/auth/editor-authenticator';

describe('EditorAuthenticator', () => {
  const auth = new EditorAuthenticator([
    { name: 'alice', token: '9f2c0d4e8a7b6c5d4e3f' },
    { name: 'ci-bot', token: '77ab0c1d2e3f4a5b6c7d' },
  ]);

  it('names the editor whose token is presented, whatever the case of "Bearer"', () => {
    expect(auth.authenticate('Bearer 9f2c0d4e8a7b6c5d4e3f')).toEqual({ name: 'alice' });
    expect(auth.authenticate('bearer 77ab0c1d2e3f4a5b6c7d')).toEqual({ name: 'ci-bot' });
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Basic 9f2c0d4e8a7b6c5d4e3f'],
    ['the bare token', '9f2c0d4e8a7b6c5d4e3f'],
    ['a wrong token', 'Bearer 9f2c0d4e8a7b6c5d4e3e'],
    ['a prefix of a token', 'Bearer 9f2c0d4e'],
    ['a token with more after it', 'Bearer 9f2c0d4e8a7b6c5d4e3f extra'],
  ])('is anonymous for %s', (_case, header) => {
    expect(auth.authenticate(header)).toBeNull();
  });

  it('lets nobody in when no editors are configured', () => {
    expect(new EditorAuthenticator([]).authenticate('Bearer anything-at-all-here')).toBeNull();
  });
});
