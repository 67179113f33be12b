// Installs code-server from the npm registry into .e2e/code-server, with no download from
// anywhere else (see docs in README "Tests"). Skips the work when that version is installed.
//
// Usage: node scripts/code-server/install.mjs      (or import { ensureCodeServer })
//
// What the install needs on a machine that reaches only the npm registry:
// - code-server's postinstall runs `npm install` in lib/vscode and refuses to run as root
//   without npm_config_unsafe_perm=true;
// - node-pty's install runs `npx node-gyp`, which aborts with no stdin unless npm_config_yes=true;
// - node-gyp uses the local Node headers with npm_config_nodedir=/usr instead of downloading them;
// - @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache in $TMPDIR already
//   holds the release archive: we place Debian's /usr/bin/rg there under the expected name.
// - npm 11 warns about install scripts that no allowScripts policy covers (and a stricter npm
//   refuses them). The wrapper package.json approves code-server's and argon2's. The install
//   that code-server's postinstall runs inside lib/vscode has its own package.json, which we
//   cannot edit before it runs: npm warns there and runs the scripts. (An `allow-scripts` in an
//   npmrc is no way out: npm hands it to that nested install as npm_config_allow_scripts, and a
//   project install rejects that setting with EALLOWSCRIPTS.)
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, INSTALL_DIR } from './paths.mjs';

/** The wrapper's dependencies whose install scripts must run: code-server's postinstall installs
 * VS Code's own dependencies; argon2 builds its native module (its prebuilt one is on GitHub). */
const ALLOW_SCRIPTS = { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true };

/** Files that only the install scripts make: their absence means the scripts did not run. */
const NATIVE_PARTS = [
  'out/node/entry.js',
  'lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
];

/** Where an install in `dir` keeps its parts (.e2e/code-server by default, see paths.mjs). */
function layout(dir) {
  const pkg = join(dir, 'node_modules', 'code-server');
  return { dir, pkg, entry: join(pkg, 'out', 'node', 'entry.js'), marker: join(dir, 'installed-version'), log: join(dir, 'install.log') };
}

/** True when `dir` (.e2e/code-server) holds a finished install of CODE_SERVER_VERSION. */
export function isCodeServerInstalled(dir = INSTALL_DIR) {
  const { entry, marker } = layout(dir);
  return existsSync(entry) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
}

/**
 * Installs code-server unless it is already there. Returns the path of its entry script.
 *
 * What npm prints (deprecation notices, install scripts it warns about, node-gyp's build, the
 * native modules that try a prebuilt download before building from source) goes to
 * `install.log` in the install folder, not to the terminal: on success one line says it went
 * well and where the log is; on failure the end of the log is printed.
 * @param {{ log?: (line: string) => void, dir?: string }} [options]
 */
export function ensureCodeServer({ log = (line) => console.log(line), dir = INSTALL_DIR } = {}) {
  const paths = layout(dir);
  if (isCodeServerInstalled(dir)) return paths.entry;
  const rg = findRipgrep();
  const started = Date.now();
  log(`code-server: installing ${CODE_SERVER_VERSION} from the npm registry into ${dir} (about a minute, once)`);
  rmSync(dir, { recursive: true, force: true });
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true });

  seedRipgrepCache(tmp, rg);

  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        private: true,
        description: 'code-server for the end-to-end tests and the demo',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: ALLOW_SCRIPTS,
      },
      null,
      2,
    ) + '\n',
  );

  const logFd = openSync(paths.log, 'w');
  const result = spawnSync('npm', ['install', '--foreground-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: dir,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_nodedir: '/usr',
      npm_config_update_notifier: 'false',
      // Unreviewed install scripts (those of the lib/vscode install) warn and run, as today's
      // default; said here so that a future default does not skip them silently.
      npm_config_strict_allow_scripts: 'false',
    },
  });
  closeSync(logFd);
  const missing = NATIVE_PARTS.find((part) => !existsSync(join(paths.pkg, part)));
  if (result.status !== 0 || missing) {
    log(tail(paths.log, 40));
    throw new Error(
      result.status !== 0
        ? `code-server: npm install failed (exit ${result.status ?? result.signal}); the end of its log is above, all of it in ${paths.log}`
        : `code-server: the install finished but ${missing} is missing (did its install script run?); see ${paths.log}`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(paths.marker, CODE_SERVER_VERSION + '\n');
  log(`code-server: installed in ${Math.round((Date.now() - started) / 1000)} s. ${expectedNoise(readFileSync(paths.log, 'utf8'))} The whole log: ${paths.log}`);
  return paths.entry;
}

/**
 * One sentence on what an install that went well printed on the way, so that nobody reads its
 * errors as a failure: the native modules that tried to download a prebuilt binary (from
 * GitHub, out of reach here: `node-pre-gyp ERR!`, `prebuild-install warn`) and were built from
 * source instead, and how many warnings npm gave (unknown config, unreviewed install scripts).
 */
export function expectedNoise(text) {
  const built = new Set();
  let current;
  for (const line of text.split('\n')) {
    const script = /^> (\S+)@\S+ install$/.exec(line);
    if (script) current = script[1];
    else if (current && /request to https?:\/\/\S+ failed|prebuild-install warn install|Pre-built binaries not installable/.test(line)) built.add(current);
  }
  const warnings = text.split('\n').filter((line) => /^npm warn /.test(line)).length;
  const parts = [];
  if (built.size) {
    const names = [...built];
    parts.push(`${names.join(' and ')} could not download a prebuilt binary (GitHub is out of reach) and ${names.length === 1 ? 'was' : 'were'} built from source instead`);
  }
  if (warnings) parts.push(`npm gave ${warnings} warning${warnings === 1 ? '' : 's'} (unknown config, install scripts it has not reviewed)`);
  return parts.length ? `As expected, ${parts.join('; ')}: nothing to do.` : '';
}

/** The last `count` lines of a file. */
function tail(file, count) {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}

function findRipgrep() {
  for (const candidate of ['/usr/bin/rg', '/usr/local/bin/rg']) if (existsSync(candidate)) return candidate;
  throw new Error('code-server: ripgrep (rg) is missing: run `bash scripts/setup-system.sh` first');
}

/**
 * Reads which @vscode/ripgrep code-server pins and which rg release that package fetches, and
 * puts an archive with `rg` where that package's postinstall looks before downloading:
 * $TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<rg version>-<target>.tar.gz
 */
function seedRipgrepCache(tmp, rg) {
  const codeServerTgz = npmPack(`code-server@${CODE_SERVER_VERSION}`, tmp);
  const shrinkwrap = JSON.parse(tarRead(codeServerTgz, 'package/lib/vscode/npm-shrinkwrap.json'));
  const packageVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!packageVersion) throw new Error('code-server: no @vscode/ripgrep in lib/vscode/npm-shrinkwrap.json');
  const ripgrepTgz = npmPack(`@vscode/ripgrep@${packageVersion}`, tmp);
  const postinstall = tarRead(ripgrepTgz, 'package/lib/postinstall.js');
  const rgVersion = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!rgVersion) throw new Error('code-server: no VERSION in @vscode/ripgrep lib/postinstall.js');
  rmSync(codeServerTgz);
  rmSync(ripgrepTgz);

  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  if (!arch || process.platform !== 'linux') throw new Error(`code-server: no ripgrep target for ${process.platform}-${process.arch}`);
  const cacheDir = join(tmp, `vscode-ripgrep-cache-${packageVersion}`);
  const staging = join(tmp, 'rg-staging');
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(staging, { recursive: true });
  copyFileSync(rg, join(staging, 'rg'));
  execFileSync('tar', ['-czf', join(cacheDir, `ripgrep-${rgVersion}-${arch}-unknown-linux-musl.tar.gz`), '-C', staging, 'rg']);
  rmSync(staging, { recursive: true });
  return { packageVersion, rgVersion };
}

function npmPack(spec, dir) {
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir, '--loglevel=error'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return join(dir, JSON.parse(out)[0].filename);
}

function tarRead(tgz, member) {
  return execFileSync('tar', ['-xzOf', tgz, member], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

// `node scripts/code-server/install.mjs [folder]`: the folder is .e2e/code-server unless given.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureCodeServer(process.argv[2] ? { dir: process.argv[2] } : {});
}
