// Where the project keeps its code-server (VS Code's workbench served to a browser, with a
// Node extension host) and the version it uses. See scripts/code-server/install.mjs.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** code-server 4.100.3 is VS Code 1.100.3 and runs on Node 20, the Node of this project. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Gitignored: `.e2e/` holds the install, the run state of tests and of the demo. */
export const E2E_DIR = join(ROOT, '.e2e');
export const INSTALL_DIR = join(E2E_DIR, 'code-server');
export const CODE_SERVER_PACKAGE = join(INSTALL_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PACKAGE, 'out', 'node', 'entry.js');
/** Written last by a successful install: its content is the installed version. */
export const INSTALLED_MARKER = join(INSTALL_DIR, 'installed-version');
