import type { RuleId } from './rules';

// Checks of single values. Each either accepts a value, normalised the one way the dataset has
// always been normalised (surrounding spaces trimmed), or refuses it naming its rule. Values come
// in as `unknown`: a JSON file and an API input can both hold a null or a number where text belongs.

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 80;
const URL_MAX = 2000;

export interface ValueIssue {
  /** Where in the value, relative to the field: "" for the value itself, ".2" for a list item. */
  readonly at: string;
  readonly rule: RuleId;
  readonly message: string;
}

type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ValueIssue[] };

export type ValueRule<T> = (value: unknown) => Checked<T>;

const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (rule: RuleId, message: string, at = ''): Checked<never> => ({
  ok: false,
  issues: [{ at, rule, message }],
});

// Cc: C0 and C1 controls and DEL (NUL, tab, newline, escape, ...). Cs: with the u flag, only a
// surrogate without its pair matches, which no UTF-8 store or file can hold as it was sent.
// Cf: invisible format characters, which hide or reorder what a reader sees (U+202E shows
// "\u202Egnp.exe" as "exe.png", U+200B makes a name look empty, a BOM). Zl, Zp: U+2028 and
// U+2029 break lines in fields that are one line or plain paragraphs.
const UNCLEAN = /[\p{Cc}\p{Cs}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Two format characters that text needs: ZWJ joins emoji sequences (woman + ZWJ + laptop) and,
// with ZWNJ, controls how letters join in Persian and Indic scripts. Allowed there, between a
// letter, mark or emoji (or skin tone) and a letter, mark or emoji; nowhere else.
const JOINED =
  /(?<=[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}])[\u200c\u200d](?=[\p{L}\p{M}\p{Extended_Pictographic}])/uy;
// What a reader sees: a letter, digit, punctuation or symbol, other than those that render as
// nothing (U+3164 HANGUL FILLER is a letter).
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Whether the character at `at` is a joiner with what it may join on both sides. */
function joinsLetters(value: string, at: number): boolean {
  JOINED.lastIndex = at;
  return JOINED.test(value);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` is not clean text, or null when it is. */
function uncleanText(value: string): ValueIssue | null {
  for (const found of value.matchAll(UNCLEAN)) {
    const character = found[0];
    if (joinsLetters(value, found.index)) continue;
    const code = character.codePointAt(0)!;
    const message =
      code >= 0xd800 && code <= 0xdfff
        ? 'must be well-formed Unicode (it has an unpaired surrogate)'
        : /\p{Cc}/u.test(character)
          ? `must not contain control characters (found ${hex(code)})`
          : /\p{Cf}/u.test(character)
            ? `must not contain invisible formatting characters (found ${hex(code)})`
            : `must not contain line or paragraph separators (found ${hex(code)})`;
    return { at: '', rule: 'clean-text', message };
  }
  return null;
}

/** Whether a reader would see anything of `value`. */
function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value.replace(IGNORABLE, ''));
}

export const slug: ValueRule<string> = (value) =>
  typeof value === 'string' && value.length <= SLUG_MAX && SLUG_PATTERN.test(value)
    ? accept(value)
    : refuse('slug', `must be a kebab-case slug of at most ${SLUG_MAX} characters, such as "domain-driven-design"`);

/** Text of `min` to `max` characters once trimmed; stored trimmed. */
export function text(min: number, max: number): ValueRule<string> {
  return (value) => {
    if (typeof value !== 'string') return refuse('text-length', `must be ${min} to ${max} characters`);
    const unclean = uncleanText(value);
    if (unclean !== null) return { ok: false, issues: [unclean] };
    const trimmed = value.trim();
    if (trimmed.length < min || trimmed.length > max)
      return refuse('text-length', `must be ${min} to ${max} characters`);
    return trimmed.length === 0 || hasVisibleCharacter(trimmed)
      ? accept(trimmed)
      : refuse('clean-text', 'must contain at least one visible character');
  };
}

/** A semantic version, 1.4.0: what frontends compare to know whether their cached graph is stale. */
export const semanticVersion: ValueRule<string> = (value) =>
  typeof value === 'string' && /^\d+\.\d+\.\d+$/.test(value)
    ? accept(value)
    : refuse('version', 'must be a semantic version such as "2.1.0"');

/** A calendar date, YYYY-MM-DD, that exists. */
export const calendarDate: ValueRule<string> = (value) =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
    ? accept(value)
    : refuse('date', 'must be a date written YYYY-MM-DD');

export function wholeNumber(min: number, max: number): ValueRule<number> {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? accept(value)
      : refuse('whole-number', `must be a whole number from ${min} to ${max}`);
}

export const boolean: ValueRule<boolean> = (value) =>
  typeof value === 'boolean' ? accept(value) : refuse('boolean', 'must be true or false');

export function oneOf<T extends string>(values: readonly T[]): ValueRule<T> {
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? accept(value as T)
      : refuse('one-of', `must be one of ${values.join(', ')}`);
}

/**
 * An absolute https URL with a host, trimmed. Stricter than the WHATWG parser on purpose: that
 * parser drops leading control characters and tabs inside a URL, so "\u0000https://x" parses,
 * but a link is stored and shown as written, and must work as written.
 */
export const httpsUrl: ValueRule<string> = (value) => {
  const invalid = refuse('https-url', 'must be an absolute https URL');
  if (typeof value !== 'string') return invalid;
  const unclean = uncleanText(value);
  if (unclean !== null) return { ok: false, issues: [unclean] };
  const trimmed = value.trim();
  if (trimmed.length > URL_MAX) return refuse('https-url', `must be an https URL of at most ${URL_MAX} characters`);
  // Written out as https://host..., with nothing the parser would silently rewrite (spaces, "\").
  if (!/^https:\/\/[^\s\\]+$/.test(trimmed)) return invalid;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return invalid;
  }
  if (url.hostname.length === 0) return invalid;
  if (url.username !== '' || url.password !== '') {
    return refuse('https-url', 'must not contain a user name or password');
  }
  return accept(trimmed);
};

export interface ListBounds {
  readonly min: number;
  readonly max: number;
  /** The rule a list too short breaks, when it is more than a length ("every resource teaches a skill"). */
  readonly minRule?: RuleId;
  readonly tooFew: string;
  readonly tooMany: string;
  /** Refuse an item given twice; 'ignoring-case' also refuses "SSO" beside "sso". */
  readonly distinct?: boolean | 'ignoring-case';
}

export function list<T>(item: ValueRule<T>, bounds: ListBounds): ValueRule<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return refuse('list-length', 'must be a list');
    const issues: ValueIssue[] = [];
    if (value.length < bounds.min)
      issues.push({ at: '', rule: bounds.minRule ?? 'list-length', message: bounds.tooFew });
    if (value.length > bounds.max) issues.push({ at: '', rule: 'list-length', message: bounds.tooMany });
    const items: T[] = [];
    const seen = new Set<unknown>();
    const key = (checked: T): unknown =>
      bounds.distinct === 'ignoring-case' && typeof checked === 'string' ? checked.toLowerCase() : checked;
    value.forEach((element: unknown, i) => {
      const checked = item(element);
      if (!checked.ok) {
        for (const issue of checked.issues) issues.push({ ...issue, at: `.${i}${issue.at}` });
        return;
      }
      if (bounds.distinct && seen.has(key(checked.value))) {
        const message = `lists "${String(checked.value)}" twice${bounds.distinct === 'ignoring-case' ? ', ignoring case' : ''}`;
        issues.push({ at: `.${i}`, rule: 'distinct', message });
      }
      seen.add(key(checked.value));
      items.push(checked.value);
    });
    return issues.length > 0 ? { ok: false, issues } : accept(items);
  };
}
