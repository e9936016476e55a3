// The rules every record obeys, whether it comes from data/ or from an editor. One source, so an
// edit can never produce a record the dataset loader would refuse on the next start.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

export const LIMITS = {
  skillName: 120,
  skillDescriptionMin: 80,
  skillDescriptionMax: 2000,
  resourceTitle: 200,
  author: 120,
  authorsMax: 20,
  reason: 200,
  hoursMin: 1,
  hoursMax: 1000,
  yearMin: 1950,
  yearMax: 2100,
  problemMessageMin: 10,
  problemMessageMax: 2000,
  resolution: 1000,
  url: 2000,
} as const;

/** An absolute https URL with a host, as every resource link must be. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && value.length <= LIMITS.url;
  } catch {
    return false;
  }
}
