import { DeadlineExceededError, withDeadline } from '../../src/adapters/neo4j/deadline';

describe('withDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('passes through a result that arrives in time', async () => {
    await expect(withDeadline(Promise.resolve('ok'), 1000)).resolves.toBe('ok');
  });

  it('fails with DeadlineExceededError when the work is still pending at the deadline', async () => {
    const never = new Promise<string>(() => undefined);
    const bounded = withDeadline(never, 2500);
    jest.advanceTimersByTime(2500);
    await expect(bounded).rejects.toEqual(new DeadlineExceededError(2500));
  });

  it('does not leave an unhandled rejection when the work fails after the deadline', async () => {
    let fail: (error: Error) => void = () => undefined;
    const late = new Promise<string>((_, reject) => {
      fail = reject;
    });
    const bounded = withDeadline(late, 10);
    jest.advanceTimersByTime(10);
    await expect(bounded).rejects.toBeInstanceOf(DeadlineExceededError);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    fail(new Error('connection reset'));
    jest.useRealTimers();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
