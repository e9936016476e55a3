import { join, resolve } from 'node:path';

/** The project root, whether this file runs from src/ (ts-jest) or dist/src/ (node). */
export const PROJECT_ROOT = resolve(__dirname, __dirname.endsWith(join('dist', 'src')) ? '../..' : '..');

export const DATA_DIR = join(PROJECT_ROOT, 'data');
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');
