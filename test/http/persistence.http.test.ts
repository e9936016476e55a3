import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { readSnapshot } from '../../src/adapters/embedded/snapshot-file';
import { loadConfig } from '../../src/config';
import { InvalidDatasetError } from '../../src/domain/domain-error';
import { startServer } from '../../src/server';
import { ALICE, EDITOR_ENV } from './editing-suite';
import { execute, freshDataFile, startTestServer } from '../support/test-server';

// The embedded store's durability: accepted changes survive a restart, and neither a crash nor a
// damaged file can lose them silently.

describe('the embedded store’s data file', () => {
  it('keeps accepted changes across a restart: skills, edges, history and problem reports', async () => {
    const dataFile = freshDataFile();
    const first = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    const editor = first.clientWithToken(ALICE);
    await execute(
      editor,
      `mutation {
      createSkill(input: { slug: "kept-skill", name: "Kept", area: "operations", level: "junior", estimatedHours: 3,
        description: "A skill that must survive a restart of the server, written long enough to pass the rules." }) { slug }
      addPrerequisite(skill: "kept-skill", requires: "containers", reason: "Kept skills run in containers") { slug }
    }`,
    );
    await execute(
      first.client,
      'mutation { reportProblem(skill: "kept-skill", message: "Please add a resource to this skill.") { id } }',
    );
    await first.close();

    const second = await startTestServer({ ...EDITOR_ENV, DATA_FILE: dataFile });
    try {
      const { data } = await execute<any>(
        second.clientWithToken(ALICE),
        `{
        skill(slug: "kept-skill") { name prerequisites { skill { slug } reason } }
        changes(first: 5) { edges { node { operation subject } } }
        problems { edges { node { skillSlug message } } }
      }`,
      );
      expect(data.skill).toEqual({
        name: 'Kept',
        prerequisites: [{ skill: { slug: 'containers' }, reason: 'Kept skills run in containers' }],
      });
      expect(data.changes.edges.map((e: any) => e.node)).toEqual([
        { operation: 'addPrerequisite', subject: 'kept-skill -> containers' },
        { operation: 'createSkill', subject: 'kept-skill' },
      ]);
      expect(data.problems.edges).toEqual([
        { node: { skillSlug: 'kept-skill', message: 'Please add a resource to this skill.' } },
      ]);
    } finally {
      await second.close();
    }
  });

  it('writes nothing for a refused change', async () => {
    const api = await startTestServer(EDITOR_ENV);
    try {
      await execute(
        api.clientWithToken(ALICE),
        'mutation { addPrerequisite(skill: "http", requires: "http-nope", reason: "none") { slug } }',
      );
      expect(existsSync(api.dataFile)).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('refuses to start on a damaged data file, naming it, rather than start over and lose its changes', async () => {
    const dataFile = freshDataFile();
    writeFileSync(dataFile, '{"format": "backend-skill-graph/snapshot@1", "sequence": 3, "dataset": {');
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_FILE: dataFile,
    });
    await expect(startServer(config)).rejects.toThrow(InvalidDatasetError);
    await expect(startServer(config)).rejects.toThrow(dataFile);
  });

  it('survives being killed in the middle of writes: the file always loads, old or new', async () => {
    const dataFile = freshDataFile();
    for (let kill = 0; kill < 6; kill++) {
      const child = spawn(
        process.execPath,
        [
          '-r',
          join(__dirname, '../support/ts-register.js'),
          join(__dirname, '../support/snapshot-writer.child.ts'),
          dataFile,
        ],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      // Let it get some way into another write, at a different point each round.
      await new Promise((resolve) => setTimeout(resolve, 15 + kill * 23));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const snapshot = readSnapshot(dataFile);
      expect(snapshot?.sequence).toBeGreaterThan(20_000);
      expect(snapshot?.changes).toHaveLength(20_000);
    }
    // Only the data file and, at most, the temporary files of interrupted writes remain.
    expect(readdirSync(dirname(dataFile)).filter((name) => !name.startsWith('graph.json'))).toEqual([]);
  }, 60_000);
});
