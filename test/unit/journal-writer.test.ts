import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { JournalWriter, readJournal } from '../../src/adapters/embedded/journal-file';

// Defence in depth behind the cut at open: whatever is at the end of the file, an appended
// entry is a line of its own, so it can never be lost by being glued onto a fragment.

const header = '{"format":"backend-skill-graph/journal@1","dataset":"files:test"}\n';
const entry = { ops: [['setSequence', 7]] } as const;

it('an append after a partial last line starts a new line instead of gluing itself onto it', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'journal-writer-')), 'graph.journal');
  writeFileSync(path, `${header}{"ops":[["putSkill",{"slug":"torn`);
  const writer = await JournalWriter.open(path);
  try {
    await writer.append(entry);
  } finally {
    await writer.close();
  }
  expect(readFileSync(path, 'utf8').endsWith(`\n${JSON.stringify(entry)}\n`)).toBe(true);
  const contents = readJournal(path);
  expect(contents?.entries).toEqual([entry]);
  expect(contents?.unreadable).toEqual(['{"ops":[["putSkill",{"slug":"torn']);
});

it('an append after a complete last line adds exactly one line', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'journal-writer-')), 'graph.journal');
  writeFileSync(path, header);
  const writer = await JournalWriter.open(path);
  try {
    await writer.append(entry);
    await writer.append(entry);
  } finally {
    await writer.close();
  }
  expect(readFileSync(path, 'utf8')).toBe(`${header}${JSON.stringify(entry)}\n${JSON.stringify(entry)}\n`);
});
