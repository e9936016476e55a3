import { join, resolve } from 'node:path';

/** The project root, whether this file runs from src/ (ts-jest) or dist/src/ (node). */
export const PROJECT_ROOT = resolve(__dirname, __dirname.endsWith(join('dist', 'src')) ? '../..' : '..');

export const DATA_DIR = join(PROJECT_ROOT, 'data');
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');
/** Generated from data/ (`npm run generate`); kept apart from the hand-written statements. */
export const SEED_SCRIPT_FILE = join(CYPHER_DIR, 'generated', 'seed.cypher');
