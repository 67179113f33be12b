// Makes sure the Debian packages the real-VS-Code runs need are there (Chromium to drive the
// workbench, ripgrep for code-server, compilers for its native modules): when one is missing,
// runs scripts/setup-system.sh, which installs only what is missing.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './browser.mjs';
import { E2E_DIR, ROOT } from './paths.mjs';

const REQUIRED = [CHROMIUM, '/usr/bin/rg', '/usr/bin/make', '/usr/bin/g++', '/usr/include/gssapi/gssapi.h'];

/**
 * apt's output (and debconf's warnings about a terminal it has none of) goes to
 * .e2e/setup-system.log: one line says what is installed, and the end of the log is printed
 * only when it fails.
 */
export function ensureSystemPackages() {
  const missing = REQUIRED.filter((file) => !existsSync(file));
  if (missing.length === 0) return;
  mkdirSync(E2E_DIR, { recursive: true });
  const log = join(E2E_DIR, 'setup-system.log');
  console.log(`system: ${missing.join(', ')} missing: installing the Debian packages with scripts/setup-system.sh (log: ${log})`);
  const fd = openSync(log, 'w');
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'setup-system.sh')], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (result.status !== 0) {
    console.error(readFileSync(log, 'utf8').trimEnd().split('\n').slice(-30).join('\n'));
    throw new Error(`scripts/setup-system.sh failed (exit ${result.status ?? result.signal}); the end of its log is above, all of it in ${log}`);
  }
  console.log('system: Debian packages installed');
}
