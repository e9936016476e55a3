import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { PROJECT_ROOT } from '../../src/project-paths';

// The documents are read by newcomers first: a link that leads nowhere, or a decision record
// missing from the index (or pointing at one that does not exist), sends them astray.

const markdownFiles = execFileSync('git', ['ls-files', '*.md'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && !file.startsWith('node_modules/'));

describe('the documents', () => {
  it.each(markdownFiles)('%s links only to files that exist', (file) => {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => target.split('#')[0]!)
      .filter((target) => !existsSync(join(PROJECT_ROOT, dirname(file), decodeURIComponent(target))));
    expect(broken).toEqual([]);
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
