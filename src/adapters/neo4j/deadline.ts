export class DeadlineExceededError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceededError';
  }
}

/**
 * `work`, or a DeadlineExceededError after `ms`, whichever settles first; `onDeadline` runs just
 * before the latter. The driver has its own connect and retry timeouts, but they add up across
 * retries; this bounds a call as a whole.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onDeadline?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onDeadline?.();
      reject(new DeadlineExceededError(ms));
    }, ms);
  });
  // Promise.race subscribes to `work`, so a rejection after the deadline is still handled.
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
