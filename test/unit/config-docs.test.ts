import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../src/project-paths';
import { SETTINGS } from '../../src/settings';
import { renderEnvExample, withSettingsTable } from '../../scripts/config-docs';

// Each setting is declared once, in src/settings.ts; the table operators read and the
// .env.example developers copy are renders of it, so a setting added, renamed or redocumented
// there shows up in both or this fails.

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

describe('the documentation of the settings', () => {
  it('docs/operations.md holds the configuration table as npm run config:emit renders it', () => {
    const page = read('docs/operations.md');
    expect(page).toBe(withSettingsTable(page));
  });

  it('.env.example is as npm run config:emit renders it', () => {
    expect(read('.env.example')).toBe(renderEnvExample());
  });

  it('both name every setting the server reads', () => {
    const page = read('docs/operations.md');
    const env = read('.env.example');
    const missing = Object.keys(SETTINGS).filter(
      (name) => !page.includes(`| \`${name}\``) || !env.includes(`# ${name}=`),
    );
    expect(missing).toEqual([]);
  });
});
