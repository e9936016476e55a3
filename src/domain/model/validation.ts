import { InvalidArgumentError } from './domain-error';
import { slugOf } from './slug';

// Argument checks shared by the use cases. Each names the argument and says what was expected.

export function requireIntegerIn(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(argument, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** The distinct slugs of a list argument (in any case), in first-seen order, within the given size bounds. */
export function requireSlugList(argument: string, values: readonly string[], min: number, max: number): string[] {
  const distinct = [...new Set(values.map(slugOf))];
  if (distinct.length < min || distinct.length > max) {
    const expected = min > 0 ? `a list of ${min} to ${max} distinct slugs` : `a list of at most ${max} distinct slugs`;
    throw new InvalidArgumentError(argument, expected, values.length > 5 ? `${values.length} slugs` : values);
  }
  return distinct;
}

export function requireText(argument: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (text.length === 0 || text.length > maxLength) {
    throw new InvalidArgumentError(argument, `text of 1 to ${maxLength} characters`, value.slice(0, 40));
  }
  return text;
}
