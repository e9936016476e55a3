import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { EmbeddedGraphStore } from '../../src/adapters/embedded/embedded-graph-store';
import { loadDataset, readDataset } from '../../src/dataset/load-dataset';
import { validateDataset } from '../../src/dataset/validate-dataset';
import { serializeDataset } from '../../src/dataset/serialize-dataset';
import { DATA_DIR } from '../../src/project-paths';
import { ALICE, EDITOR_ENV } from './editing-suite';
import { execute, freshDataFile, startTestServer } from '../support/test-server';

// The embedded store's journal: accepted changes survive restarts and crashes, follow data/ when
// it changes, and nothing in the journal can stop a start or be lost silently.

const journalLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');

const createSkill = (slug: string, extra = '') =>
  `mutation { createSkill(input: { slug: "${slug}", name: "Skill ${slug}", area: "operations", level: "junior",
     estimatedHours: 3, description: "${'A skill created through the API, to see what the journal keeps of it. '.repeat(2)}"${extra} }) { slug } }`;

/** A copy of data/ to change, as a curator would. */
function copyOfData(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'skill-graph-data-')), 'data');
  cpSync(DATA_DIR, dir, { recursive: true });
  return dir;
}

describe('the embedded store’s journal', () => {
  it('keeps accepted changes across a restart: skills, edges, history and problem reports', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    const editor = first.clientWithToken(ALICE);
    expect((await execute(editor, createSkill('kept-skill'))).errors).toEqual([]);
    await execute(
      editor,
      'mutation { addPrerequisite(skill: "kept-skill", requires: "containers", reason: "Kept skills run in containers") { slug } }',
    );
    await execute(
      editor,
      'mutation { updatePrerequisite(skill: "kept-skill", requires: "containers", strength: HELPFUL) { slug } }',
    );
    await execute(
      first.client,
      'mutation { reportProblem(skill: "kept-skill", message: "Please add a resource to this skill.") { id } }',
    );
    await first.close();
    // One header and one line per accepted change: nothing rewrites the whole graph.
    expect(journalLines(dataFile)).toHaveLength(5);

    const second = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      expect(second.server.opening).toMatchObject({ replayed: 4, datasetChanged: false, setAside: [] });
      const { data } = await execute<any>(
        second.clientWithToken(ALICE),
        `{
        skill(slug: "kept-skill") { name prerequisites { skill { slug } reason strength } }
        changes(first: 5) { edges { node { sequence operation subject } } }
        problems { edges { node { id skillSlug message } } }
      }`,
      );
      expect(data.skill).toEqual({
        name: 'Skill kept-skill',
        prerequisites: [
          { skill: { slug: 'containers' }, reason: 'Kept skills run in containers', strength: 'HELPFUL' },
        ],
      });
      expect(data.changes.edges.map((e: any) => e.node)).toEqual([
        { sequence: 3, operation: 'updatePrerequisite', subject: 'kept-skill -> containers' },
        { sequence: 2, operation: 'addPrerequisite', subject: 'kept-skill -> containers' },
        { sequence: 1, operation: 'createSkill', subject: 'kept-skill' },
      ]);
      expect(data.problems.edges).toEqual([
        { node: { id: '4', skillSlug: 'kept-skill', message: 'Please add a resource to this skill.' } },
      ]);
    } finally {
      await second.close();
    }
  });

  it('writes nothing for a refused change', async () => {
    const api = await startTestServer(EDITOR_ENV);
    try {
      const { errors } = await execute(
        api.clientWithToken(ALICE),
        'mutation { addPrerequisite(skill: "http", requires: "http-nope", reason: "none") { slug } }',
      );
      expect(errors[0].extensions?.code).toBe('NOT_FOUND');
      expect(journalLines(api.dataFile)).toHaveLength(1); // the header alone
    } finally {
      await api.close();
    }
  });

  it('survives being killed in the middle of writes: every acknowledged change is there, a torn line is dropped', async () => {
    const dataFile = freshDataFile();
    let acknowledged = 0;
    for (let kill = 0; kill < 5; kill++) {
      const child = spawn(
        process.execPath,
        [
          '-r',
          join(__dirname, '../../scripts/ts-register.cjs'),
          join(__dirname, '../support/journal-writer.child.ts'),
          dataFile,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => output.includes('acknowledged') && (clearInterval(timer), resolve()), 5);
        child.once('exit', (code) => (clearInterval(timer), reject(new Error(`writer exited early with ${code}`))));
      });
      await new Promise((resolve) => setTimeout(resolve, 20 + kill * 17)); // somewhere in a later write
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      acknowledged = Math.max(acknowledged, ...[...output.matchAll(/acknowledged (\d+)/g)].map((m) => Number(m[1])));

      const store = await EmbeddedGraphStore.open({
        ...readDataset(),
        journalFile: dataFile,
        validate: validateDataset,
      });
      try {
        expect(store.opening.setAside).toEqual([]);
        const found = await store.findProblemsByIds([String(acknowledged)]);
        expect(found[0]?.sequence).toBe(acknowledged);
      } finally {
        await store.close();
      }
    }
    expect(acknowledged).toBeGreaterThan(5);
  }, 60_000);

  it('replays its edits on top of a data/ that changed, and sets aside, by name, an edit that no longer applies', async () => {
    const dataDir = copyOfData();
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
    const editor = first.clientWithToken(ALICE);
    expect((await execute(editor, createSkill('still-applies'))).errors).toEqual([]);
    const add =
      'mutation { addPrerequisite(skill: "lean", requires: "version-control", reason: "Lean teams ship small commits") { slug } }';
    expect((await execute(editor, add)).errors).toEqual([]);
    await first.close();

    // Meanwhile a curator's change lands in data/: version-control now requires lean, with
    // which the API's edge the other way round would close a cycle.
    const prerequisites = JSON.parse(readFileSync(join(dataDir, 'prerequisites.json'), 'utf8'));
    prerequisites.push({
      skill: 'version-control',
      requires: 'lean',
      reason: 'A curator says so, for this test',
      strength: 'ESSENTIAL',
    });
    writeFileSync(join(dataDir, 'prerequisites.json'), `${JSON.stringify(prerequisites, null, 2)}\n`);

    const second = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
    try {
      expect(second.server.opening).toMatchObject({
        datasetChanged: true,
        replayed: 1,
        setAside: [{ name: 'addPrerequisite lean -> version-control', reason: expect.stringMatching(/cycle/i) }],
      });
      const { data } = await execute<any>(
        second.client,
        `{ still: skill(slug: "still-applies") { slug }
           lean: skill(slug: "lean") { prerequisites { skill { slug } } }
           vc: skill(slug: "version-control") { prerequisites { skill { slug } } } }`,
      );
      expect(data.still).toEqual({ slug: 'still-applies' });
      expect(data.lean.prerequisites).toEqual([]);
      expect(data.vc.prerequisites).toEqual([{ skill: { slug: 'lean' } }]);
      const aside = journalLines(`${dataFile}.set-aside`).map((line) => JSON.parse(line));
      expect(aside).toEqual([
        expect.objectContaining({ name: 'addPrerequisite lean -> version-control', entry: expect.any(Object) }),
      ]);
    } finally {
      await second.close();
    }
    // The journal now holds only what applies, against the new data/: the next start is quiet.
    const third = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
    try {
      expect(third.server.opening).toMatchObject({ datasetChanged: false, replayed: 1, setAside: [] });
    } finally {
      await third.close();
    }
  });

  it('replays the skills of entries written before skills had aliases as skills without aliases', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    expect((await execute(first.clientWithToken(ALICE), createSkill('written-long-ago'))).errors).toEqual([]);
    await first.close();
    // The line as an older version wrote it: neither its putSkill nor its change has aliases.
    const [header, ...entries] = journalLines(dataFile);
    let skillsPut = 0;
    const older = entries.map((line) => {
      const entry = JSON.parse(line) as { ops: [string, Record<string, unknown>][] };
      for (const [op, record] of entry.ops) {
        if (op === 'putSkill') {
          delete record.aliases;
          skillsPut++;
        }
        if (op === 'recordChange') {
          const { aliases: _aliases, ...details } = JSON.parse(record.details as string) as Record<string, unknown>;
          record.details = JSON.stringify(details);
        }
      }
      return JSON.stringify(entry);
    });
    expect([skillsPut, older.join('\n').includes('aliases')]).toEqual([1, false]);
    writeFileSync(dataFile, `${[header, ...older].join('\n')}\n`);

    const second = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      expect(second.server.opening).toMatchObject({ replayed: 1, setAside: [] });
      const { data } = await execute<any>(second.client, '{ skill(slug: "written-long-ago") { slug aliases } }');
      expect(data.skill).toEqual({ slug: 'written-long-ago', aliases: [] });
    } finally {
      await second.close();
    }
  });

  it('replays a resource journaled before access levels existed, with the access its free flag implies', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    const CREATE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { slug } }`;
    for (const [slug, access] of [
      ['older-paid-book', 'PAID'],
      ['older-walled-course', 'FREE_WITH_REGISTRATION'],
    ]) {
      const input = {
        slug,
        title: `Title ${slug}`,
        kind: 'COURSE',
        url: `https://older.test/${slug}`,
        estimatedHours: 4,
      };
      const created = await execute(first.clientWithToken(ALICE), CREATE, {
        input: { ...input, access, difficulty: 'ADVANCED', skills: ['http'] },
      });
      expect(created.errors).toEqual([]);
    }
    await first.close();
    // Rewrite the two lines as the server before access levels wrote them: `free`, nothing else.
    const lines = journalLines(dataFile).map((line, i) => {
      if (i === 0) return line;
      const entry = JSON.parse(line) as { ops: [string, Record<string, unknown>][] };
      for (const op of entry.ops) {
        if (op[0] === 'putResource') {
          delete op[1].access;
          delete op[1].difficulty;
        }
      }
      return JSON.stringify(entry);
    });
    expect(lines.join('\n')).not.toContain('"access"');
    writeFileSync(dataFile, `${lines.join('\n')}\n`);

    const second = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      expect(second.server.opening).toMatchObject({ replayed: 2, setAside: [] });
      const { data } = await execute<any>(
        second.client,
        `{ paid: resource(slug: "older-paid-book") { free access difficulty }
           walled: resource(slug: "older-walled-course") { free access difficulty } }`,
      );
      // A line that says only `free: true` cannot tell a registration wall from open access.
      expect(data).toEqual({
        paid: { free: false, access: 'PAID', difficulty: null },
        walled: { free: true, access: 'FREE', difficulty: null },
      });
    } finally {
      await second.close();
    }
  });

  it('starts past a damaged line, keeping it aside with the reason, and keeps the rest', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    await execute(first.clientWithToken(ALICE), createSkill('before-damage'));
    await first.close();
    writeFileSync(dataFile, `${readFileSync(dataFile, 'utf8')}{"ops": [["putSkill", {"slug": \n`);

    const second = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      expect(second.server.opening?.setAside).toEqual([
        { name: 'an unreadable line', reason: 'not a journal entry (damaged file?)' },
      ]);
      const { data } = await execute<any>(second.client, '{ skill(slug: "before-damage") { slug } }');
      expect(data.skill).toEqual({ slug: 'before-damage' });
      expect(readFileSync(`${dataFile}.set-aside`, 'utf8')).toContain('putSkill');
    } finally {
      await second.close();
    }
  });

  it('does not count the empty entries older readiness probes appended as accepted changes', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    await execute(first.clientWithToken(ALICE), createSkill('among-empty-entries'));
    await first.close();
    writeFileSync(dataFile, `${readFileSync(dataFile, 'utf8')}{"ops":[]}\n{"ops":[]}\n`);

    const second = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      expect(second.server.opening).toMatchObject({ replayed: 1, setAside: [] });
      const { data } = await execute<any>(second.client, '{ dataset { revision } }');
      expect(data.dataset.revision).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('takes over the whole-graph data file of earlier versions, and removes what a crash left behind', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'skill-graph-legacy-'));
    const dataFile = join(folder, 'skill-graph.journal');
    const dataset = loadDataset();
    const extra = { ...dataset.skills[0], slug: 'from-the-old-file', name: 'From the old file', parent: null };
    writeFileSync(
      join(folder, 'skill-graph.json'),
      JSON.stringify(
        {
          format: 'backend-skill-graph/snapshot@1',
          sequence: 1,
          dataset: serializeDataset({ ...dataset, skills: [...dataset.skills, extra] }),
          changes: [
            {
              sequence: 1,
              at: '2026-11-30T10:00:00.000Z',
              editor: 'alice',
              operation: 'createSkill',
              subject: extra.slug,
              details: '{}',
            },
          ],
          problems: [],
        },
        null,
        1,
      ),
    );
    writeFileSync(join(folder, 'skill-graph.json.123456789'), 'half of an old write');
    writeFileSync(join(folder, 'skill-graph.journal.tmp-99999'), 'half of a rewrite');

    const api = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      expect(api.server.opening).toMatchObject({
        migratedFrom: join(folder, 'skill-graph.json'),
        leftovers: expect.arrayContaining(['skill-graph.json.123456789', 'skill-graph.journal.tmp-99999']),
      });
      const { data } = await execute<any>(
        api.clientWithToken(ALICE),
        `{ skill(slug: "from-the-old-file") { name } changes(first: 1) { totalCount } }`,
      );
      expect(data).toEqual({ skill: { name: 'From the old file' }, changes: { totalCount: 1 } });
      expect(readdirSync(folder).sort()).toEqual(['skill-graph.journal', 'skill-graph.json.migrated']);
    } finally {
      await api.close();
    }
  });

  it('refuses a second server on the same journal, which would interleave its lines, and frees it on close', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ DATA_FILE: dataFile });
    try {
      await expect(startTestServer({ DATA_FILE: dataFile })).rejects.toThrow(
        `${dataFile} is in use by process ${process.pid} (a server or data:export): stop it first`,
      );
    } finally {
      await first.close();
    }
    const again = await startTestServer({ DATA_FILE: dataFile });
    await again.close();
    // No lock file to go stale: the lock lives as long as the process's socket.
    expect(readdirSync(dirname(dataFile))).toEqual([basename(dataFile)]);
  });
});

describe('a journal that cannot be written', () => {
  it('refuses writes with SERVICE_UNAVAILABLE and makes the server unready, until it can write again', async () => {
    const api = await startTestServer(EDITOR_ENV);
    const base = api.url.replace('/graphql', '');
    const ready = async () => {
      const response = await fetch(`${base}/health/ready`);
      return [response.status, ((await response.json()) as { reason?: string }).reason];
    };
    // The journal made immutable: even root's writes fail (EPERM), as on a full or read-only disk.
    const immutable = (on: boolean) => execFileSync('chattr', [on ? '+i' : '-i', api.dataFile]);
    try {
      immutable(true);
    } catch (error) {
      await api.close();
      throw new Error(`this test needs chattr on an ext4 (or similar) /tmp, as root: ${String(error)}`);
    }
    try {
      const { errors } = await execute(api.clientWithToken(ALICE), createSkill('cannot-be-saved'));
      expect(errors.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      const { data } = await execute<any>(api.client, '{ skill(slug: "cannot-be-saved") { slug } }');
      expect(data.skill).toBeNull(); // undone, not half-kept in memory
      expect(await ready()).toEqual([503, 'the journal cannot be written: permission denied (EPERM)']);
    } finally {
      immutable(false);
    }
    try {
      expect(await ready()).toEqual([200, undefined]);
      expect((await execute(api.clientWithToken(ALICE), createSkill('cannot-be-saved'))).errors).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe('npm run data:export', () => {
  it('folds the accepted edits into the data/ files, rewriting only the files that changed, and keeps the history', async () => {
    const dataDir = copyOfData();
    const dataFile = freshDataFile();
    const before = Object.fromEntries(
      readdirSync(dataDir).map((file) => [file, readFileSync(join(dataDir, file), 'utf8')]),
    );
    const api = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
    const editor = api.clientWithToken(ALICE);
    expect((await execute(editor, createSkill('exported-skill'))).errors).toEqual([]);
    expect(
      (
        await execute(
          editor,
          'mutation { addPrerequisite(skill: "exported-skill", requires: "http", reason: "It is served over HTTP") { slug } }',
        )
      ).errors,
    ).toEqual([]);
    await api.close();

    const output = execFileSync(
      process.execPath,
      ['-r', join(__dirname, '../../scripts/ts-register.cjs'), join(__dirname, '../../scripts/data-export.ts')],
      {
        env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, DATA_FILE: dataFile, NEO4J_URI: '' },
        encoding: 'utf8',
      },
    );
    expect(output).toMatch(
      /wrote .*skills\.json, .*prerequisites\.json, .*dataset\.json \(2\.1\.0 → 2\.2\.0\) \(2 journal entries folded in\)/,
    );
    const exported = loadDataset(dataDir);
    expect(exported.skills.map((s) => s.slug)).toContain('exported-skill');
    expect(exported.prerequisites).toContainEqual({
      skill: 'exported-skill',
      requires: 'http',
      reason: 'It is served over HTTP',
      strength: 'ESSENTIAL',
    });
    const untouched = readdirSync(dataDir).filter((file) => readFileSync(join(dataDir, file), 'utf8') === before[file]);
    // Only the records that changed are rewritten, and the edition moves on: something was added
    // and nothing removed, so a minor version. The same version never names two graphs.
    expect(loadDataset(dataDir).version).toEqual({ version: '2.2.0', date: new Date().toISOString().slice(0, 10) });
    expect(untouched.sort()).toEqual([
      'areas.json',
      'levels.json',
      'related.json',
      'resources.json',
      'responsibilities.json',
    ]);

    // What is left in the journal is history; the graph comes from data/ now.
    const again = await startTestServer({ ...EDITOR_ENV, DATA_DIR: dataDir, DATA_FILE: dataFile });
    try {
      expect(again.server.opening).toMatchObject({ datasetChanged: false, replayed: 1, setAside: [] });
      const { data } = await execute<any>(
        again.clientWithToken(ALICE),
        '{ skill(slug: "exported-skill") { prerequisites { skill { slug } } } changes(first: 5) { totalCount } }',
      );
      expect(data).toEqual({ skill: { prerequisites: [{ skill: { slug: 'http' } }] }, changes: { totalCount: 2 } });
    } finally {
      await again.close();
    }
  });
});
