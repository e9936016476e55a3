import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadDataset, readDataset } from '../../src/dataset/load-dataset';
import { validateDataset } from '../../src/dataset/validate-dataset';
import { DATA_DIR, PROJECT_ROOT } from '../../src/project-paths';
import { ALICE, EDITOR_ENV } from '../http/editing-suite';
import { execute, freshDataFile, startTestServer } from '../support/test-server';

// `npm run data:export` as users run it (the built script), on a copy of data/ in a temporary
// folder: never the repository's own. A crash is simulated at each rename the export makes, with
// a preload that sends the process SIGKILL right after the Nth one.

function copyOfData(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'skill-graph-export-')), 'data');
  cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
}

const crashAfterRename = (() => {
  const file = join(mkdtempSync(join(tmpdir(), 'skill-graph-crash-')), 'crash-after-rename.cjs');
  writeFileSync(
    file,
    `const fs = require('fs');
const rename = fs.renameSync;
let renames = 0;
fs.renameSync = function (...args) {
  const result = rename.apply(this, args);
  if (++renames === Number(process.env.CRASH_AFTER_RENAME)) process.kill(process.pid, 'SIGKILL');
  return result;
};
`,
  );
  return file;
})();

function exportData(dataDir: string, dataFile: string, crashAfter?: number) {
  const result = spawnSync(
    process.execPath,
    [...(crashAfter === undefined ? [] : ['--require', crashAfterRename]), 'dist/scripts/data-export.js'],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEO4J_URI: '',
        DATA_DIR: dataDir,
        DATA_FILE: dataFile,
        CRASH_AFTER_RENAME: String(crashAfter ?? 0),
      },
      encoding: 'utf8',
    },
  );
  return { signal: result.signal, status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** What a start would serve from this data/ and journal. */
async function served(dataDir: string, dataFile: string) {
  const store = await EmbeddedGraphStore.open({
    ...readDataset(dataDir),
    journalFile: dataFile,
    validate: validateDataset,
  });
  try {
    const [added, deleted] = await store.findSkillsBySlugs(['exported-skill', 'calms']);
    return { added: added !== null, deleted: deleted === null, setAside: store.opening.setAside };
  } finally {
    await store.close();
  }
}

it('a crash at any rename of the export leaves a data/ that loads, and nothing accepted is lost', async () => {
  const dataDir = copyOfData();
  const dataFile = freshDataFile();
  const api = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
  const editor = api.clientWithToken(ALICE);
  const created = await execute(
    editor,
    `mutation { createSkill(input: { slug: "exported-skill", name: "Exported skill", area: "operations",
       level: "junior", estimatedHours: 2, description: "${'A skill the export must carry into data/, crash or not. '.repeat(2)}" }) { slug } }`,
  );
  expect(created.errors).toEqual([]);
  // Deleting a skill touches several files (skills, prerequisites, resources...): a half-done
  // export of it is a data/ that breaks the rules.
  expect((await execute(editor, 'mutation { deleteSkill(slug: "calms", force: true) { slug } }')).errors).toEqual([]);
  await api.close();

  // Each crash point on a fresh copy of the same data/ and journal.
  const copy = () => {
    const folder = mkdtempSync(join(tmpdir(), 'skill-graph-export-crash-'));
    cpSync(dataDir, join(folder, 'data'), { recursive: true });
    cpSync(dataFile, join(folder, 'graph.journal'));
    return { data: join(folder, 'data'), journal: join(folder, 'graph.journal') };
  };
  const crashed: number[] = [];
  for (let rename = 1; rename <= 20; rename++) {
    const { data, journal } = copy();
    const run = exportData(data, journal, rename);
    if (run.signal !== 'SIGKILL') {
      expect([run.status, run.output]).toEqual([0, expect.stringMatching(/^wrote /)]);
      break;
    }
    crashed.push(rename);
    expect(() => loadDataset(data)).not.toThrow();
    expect(await served(data, journal)).toMatchObject({ added: true, deleted: true });
    // Nothing of the swap is left beside data/ once it was read.
    expect(readdirSync(dirname(data)).sort()).toEqual(
      ['data', 'graph.journal', 'graph.journal.set-aside'].filter(
        (name) => name !== 'graph.journal.set-aside' || existsSync(join(dirname(data), name)),
      ),
    );
    // And the export, run again, finishes the job.
    const again = exportData(data, journal);
    expect(again.status).toBe(0);
    const exported = loadDataset(data);
    expect(exported.skills.map((skill) => skill.slug)).toContain('exported-skill');
    expect(exported.skills.map((skill) => skill.slug)).not.toContain('calms');
    expect(await served(data, journal)).toMatchObject({ added: true, deleted: true, setAside: [] });
  }
  // data/ -> data.export-old, data.export-new -> data/, the journal's rewrite.
  expect(crashed).toEqual([1, 2, 3]);
}, 120_000);

it('a graph that breaks a rule is never written into data/: the entry that breaks it is set aside and named', async () => {
  const dataDir = copyOfData();
  const before = Object.fromEntries(
    readdirSync(dataDir).map((file) => [file, readFileSync(join(dataDir, file), 'utf8')]),
  );
  // Two writers, each valid alone, together a cycle: their lines in one journal.
  const a = freshDataFile();
  const b = freshDataFile();
  for (const [dataFile, skill, requires] of [
    [a, 'http', 'sql'],
    [b, 'sql', 'http'],
  ]) {
    const api = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
    const { errors } = await execute(
      api.clientWithToken(ALICE),
      `mutation { addPrerequisite(skill: "${skill}", requires: "${requires}", reason: "One writer of two says so") { slug } }`,
    );
    expect(errors).toEqual([]);
    await api.close();
  }
  appendFileSync(a, readFileSync(b, 'utf8').split('\n').slice(1).join('\n'));

  const run = exportData(dataDir, a);
  expect(run.output).toContain('set aside, not exported: addPrerequisite sql -> http');
  const exported = loadDataset(dataDir); // a data/ the next start accepts
  expect(exported.prerequisites.filter((edge) => edge.skill === 'sql' && edge.requires === 'http')).toEqual([]);
  expect(exported.prerequisites.filter((edge) => edge.skill === 'http' && edge.requires === 'sql')).toHaveLength(1);
  expect(readFileSync(join(dataDir, 'areas.json'), 'utf8')).toBe(before['areas.json']);
  expect(existsSync(`${a}.set-aside`)).toBe(true);
}, 120_000);
