// Makes sure the Debian packages the real-VS-Code runs need are there (Chromium to drive the
// workbench, ripgrep for code-server, compilers for its native modules): when one is missing,
// runs scripts/setup-system.sh, which installs only what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './browser.mjs';
import { ROOT } from './paths.mjs';

const REQUIRED = [CHROMIUM, '/usr/bin/rg', '/usr/bin/make', '/usr/bin/g++', '/usr/include/gssapi/gssapi.h'];

export function ensureSystemPackages() {
  const missing = REQUIRED.filter((file) => !existsSync(file));
  if (missing.length === 0) return;
  console.log(`missing ${missing.join(', ')}: running scripts/setup-system.sh`);
  execFileSync('bash', [join(ROOT, 'scripts', 'setup-system.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
}
