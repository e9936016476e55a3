import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { PROJECT_ROOT } from '../../src/project-paths';
import { SETTINGS } from '../../src/settings';

// The documents are read by newcomers first: a link that leads nowhere, a script, setting or
// file that does not exist, or a decision record missing from the index (or pointing at one that
// does not exist), sends them astray. Each check lists every bad reference at once.

const markdownFiles = execFileSync('git', ['ls-files', '*.md'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && !file.startsWith('node_modules/'));

// Decision records describe the code as it was when they were taken and are not edited
// afterwards, so their scripts, settings and paths are not held to today's tree.
const currentDocuments = markdownFiles.filter((file) => !file.startsWith('docs/adr/'));

// Upper-case names that are neither settings nor in the code: another system's own names.
const FOREIGN_NAMES = new Set(['TCP_NODELAY']);

const scripts = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
const knownScripts = new Set(Object.keys(scripts));

/** The text outside fenced code blocks, where inline references are written. */
const prose = (text: string) => text.replace(/```[\s\S]*?```/g, '');
const inlineCode = (text: string) => [...prose(text).matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

/** Every word the code uses, so a constant or error code named in the docs is not taken for a missing setting. */
const codeWords = (() => {
  const files = execFileSync('git', ['ls-files', 'src', 'web/src', 'test', 'bench', 'scripts', '.ci'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => /\.(ts|mjs|cjs|js)$|^\.ci\//.test(file) && existsSync(join(PROJECT_ROOT, file)));
  return new Set(files.flatMap((file) => read(file).match(/[A-Z][A-Z0-9_]+/g) ?? []));
})();

describe('the documents', () => {
  it.each(markdownFiles)('%s links only to files that exist', (file) => {
    const broken = [...prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => target.split('#')[0]!)
      .filter((target) => !existsSync(join(PROJECT_ROOT, dirname(file), decodeURIComponent(target))));
    expect(broken).toEqual([]);
  });

  it.each(currentDocuments)('%s names only npm scripts that exist', (file) => {
    const named = [...read(file).matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!);
    expect([...new Set(named.filter((name) => !knownScripts.has(name)))]).toEqual([]);
  });

  it.each(currentDocuments)('%s names only settings that exist', (file) => {
    // A setting is UPPER_SNAKE_CASE; one given a value (`NAME=value`) must be a setting, a bare one
    // a setting or a name the code uses (an error code, a constant, a benchmark's knob).
    const unknown = inlineCode(read(file)).flatMap((code) =>
      [...code.matchAll(/(?<![\w$.-])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(=?)/g)]
        .filter(
          ([, name, assigned]) =>
            !(name! in SETTINGS) &&
            !FOREIGN_NAMES.has(name!) &&
            (assigned === '=' ? !/^(BENCH|CI)_/.test(name!) : !codeWords.has(name!)),
        )
        .map(([, name]) => name!),
    );
    expect([...new Set(unknown)]).toEqual([]);
  });

  it.each(currentDocuments)('%s names only files and folders that exist', (file) => {
    const missing = inlineCode(read(file))
      .flatMap(
        (code) => code.match(/(?<![\w./-])(?:src|test|cypher|docs|scripts|web|bench|tools|data)\/[\w./*<>-]*/g) ?? [],
      )
      .map((path) => path.replace(/[.,:;]+$/, ''))
      // A pattern (`test/neo4j/*.neo4j.test.ts`, `cypher/<verb-noun>.cypher`) needs its folder.
      .map((path) => (/[*<]/.test(path) ? path.slice(0, path.search(/[*<]/)).replace(/[^/]*$/, '') : path))
      .filter((path) => !path.startsWith('web/dist') && !existsSync(join(PROJECT_ROOT, path)));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('the scripts table of docs/development.md lists every npm script, and only those', () => {
    const page = read('docs/development.md');
    const section = page.slice(page.indexOf('## Scripts'), page.indexOf('## Tests'));
    const listed = [...section.matchAll(/^\| `npm (?:run )?([\w:-]+)`/gm)].map((match) => match[1]!);
    const expected = Object.keys(scripts);
    expect({
      missing: expected.filter((name) => !listed.includes(name)),
      extra: listed.filter((name) => !expected.includes(name)),
    }).toEqual({ missing: [], extra: [] });
  });

  it('docs/development.md lists the steps of npm test as package.json runs them', () => {
    const page = read('docs/development.md');
    const steps = page.slice(page.indexOf('<!-- npm-test-steps'), page.indexOf('While iterating'));
    const documented = [...steps.matchAll(/^- `npm run ([\w:-]+)`/gm)].map((match) => match[1]!);
    const run = [...scripts.test!.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!);
    expect(documented).toEqual(run);
    expect(steps).toMatch(/^- Jest /m);
  });

  it('index every decision record once, in order, each with a status that points at records that exist', () => {
    const folder = join(PROJECT_ROOT, 'docs', 'adr');
    const records = readdirSync(folder)
      .filter((name) => /^\d{4}-.+\.md$/.test(name) && !name.startsWith('0000-'))
      .sort();
    const index = readFileSync(join(folder, 'README.md'), 'utf8');
    const indexed = [...index.matchAll(/^\| \[(\d{4})\]\(([^)]+)\)/gm)].map((match) => match[2]);
    expect(indexed).toEqual(records);
    for (const [position, name] of records.entries()) {
      expect(name.slice(0, 4)).toBe(String(position + 1).padStart(4, '0'));
      const status = /^Status: (.+)$/m.exec(readFileSync(join(folder, name), 'utf8'))?.[1] ?? '';
      expect([name, /^(Accepted|Superseded by)/.test(status)]).toEqual([name, true]);
      // A record is superseded by a later one, never an earlier one.
      for (const [, later] of status.matchAll(/\[(\d{4})\]/g))
        expect([name, Number(later) > position + 1]).toEqual([name, true]);
    }
  });
});
