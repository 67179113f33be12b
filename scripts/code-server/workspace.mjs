// The workspace the end-to-end tests and the demo open: a fresh copy of examples/ (so that
// edits never touch the repository) and, for the tests, the e2e fixtures beside it.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');

/**
 * Makes `dir` a fresh workspace. Tests get `examples/` as a subfolder and the fixtures at the
 * top; the demo gets the examples at the top.
 * @param {string} dir
 * @param {{ fixtures?: boolean }} [options]
 */
export function makeWorkspace(dir, { fixtures = true } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (existsSync(EXAMPLES)) cpSync(EXAMPLES, fixtures ? join(dir, 'examples') : dir, { recursive: true });
  if (fixtures) cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}
