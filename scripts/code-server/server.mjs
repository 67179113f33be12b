// Starts and stops a code-server (a real VS Code workbench served to a browser) for the
// end-to-end tests and the demo. Everything it writes goes to its own state folder: its HOME,
// XDG folders, user data (settings) and extensions; nothing lands in the real home folder.
//
// It runs as the leader of its own process group (a new session, as `setsid` does), so the
// server, its extension host and our language server stop together with one signal.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync, readFileSync, existsSync, watch } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY } from './paths.mjs';

/** Settings for a quiet workbench: no trust prompt, welcome page, update or telemetry. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Creates the state folder layout and the environment code-server runs with.
 * @param {string} stateDir an empty or reusable folder
 * @param {Record<string, unknown>} [settings] merged over QUIET_SETTINGS
 */
export function prepareState(stateDir, settings = {}) {
  const dirs = {
    home: join(stateDir, 'home'),
    config: join(stateDir, 'xdg-config'),
    data: join(stateDir, 'xdg-data'),
    cache: join(stateDir, 'xdg-cache'),
    userData: join(stateDir, 'user-data'),
    extensions: join(stateDir, 'extensions'),
    log: join(stateDir, 'code-server.log'),
  };
  for (const dir of [dirs.home, dirs.config, dirs.data, dirs.cache, join(dirs.userData, 'User'), dirs.extensions]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2) + '\n');
  const env = { ...process.env };
  // A parent VS Code (a terminal inside one) must not leak its IPC hooks into ours.
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  Object.assign(env, {
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
  });
  return { dirs, env };
}

function commonArgs(dirs) {
  return ['--config', '/dev/null', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/**
 * Installs a packaged extension (.vsix) into the state folder's extensions dir.
 * @param {{ dirs: ReturnType<typeof prepareState>['dirs'], env: NodeJS.ProcessEnv }} state
 * @param {string} vsix
 */
export function installExtension(state, vsix) {
  const out = execFileSync(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(state.dirs), '--install-extension', vsix, '--force'], {
    env: state.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (!/successfully installed/i.test(out)) throw new Error(`code-server: installing ${vsix} said:\n${out}`);
  return out.trim();
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it says in its log that it listens and
 * then answers GET /healthz. Waits on the log's changes and the process's exit; the timeout
 * only guards against a start that never ends.
 * @param {object} options
 * @param {string} options.stateDir folder for HOME, settings, extensions and the log
 * @param {string} [options.folder] workspace folder to open by default
 * @param {number} [options.port] default: a free port
 * @param {string} [options.vsix] a packaged extension to install first
 * @param {Record<string, unknown>} [options.settings] user settings over QUIET_SETTINGS
 * @param {NodeJS.ProcessEnv} [options.env] extra environment (seen by the extension host too)
 * @param {number} [options.timeoutMs]
 */
export async function startCodeServer({ stateDir, folder, port, vsix, settings, env = {}, timeoutMs = 60_000 }) {
  const state = prepareState(stateDir, settings);
  if (vsix) installExtension(state, vsix);
  port ??= await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    ...commonArgs(state.dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(folder ? [folder] : []),
  ];
  const logFd = openSync(state.dirs.log, 'a');
  const child = spawn(process.execPath, args, {
    detached: true, // setsid(): the child leads a new process group
    stdio: ['ignore', logFd, logFd],
    env: { ...state.env, ...env },
  });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server: could not start');
  let exited = null;
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  const server = {
    pid,
    port,
    url: `http://127.0.0.1:${port}/`,
    logFile: state.dirs.log,
    /** Resolves with { code, signal } when code-server has exited. */
    exited: exitedPromise,
    dirs: state.dirs,
    /** The log so far. */
    log: () => (existsSync(state.dirs.log) ? readFileSync(state.dirs.log, 'utf8') : ''),
    /** Stops the whole process group and resolves when code-server itself has exited. */
    stop: () => stopGroup(child, () => exited !== null),
  };
  const stopOnExit = () => killGroup(pid, 'SIGKILL');
  process.once('exit', stopOnExit);
  child.once('exit', () => process.off('exit', stopOnExit));

  try {
    await listening(server, exitedPromise, timeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Resolves when code-server's log says it listens and /healthz answers; rejects if it exits first or time is up. */
function listening(server, exitedPromise, timeoutMs) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const check = async () => {
      // This start's line: the log may hold earlier starts (on other ports) of a reused state folder.
      if (done || !server.log().includes(`HTTP server listening on ${server.url}`)) return;
      if (await healthy(server.url)) finish();
      else finish(new Error(`code-server says it listens, but ${server.url}healthz does not answer; log:\n${server.log()}`));
    };
    const watcher = watch(server.logFile, () => void check());
    const timer = setTimeout(() => finish(new Error(`code-server did not answer /healthz within ${timeoutMs} ms; log:\n${server.log()}`)), timeoutMs);
    void exitedPromise.then((exit) => finish(new Error(`code-server exited (${JSON.stringify(exit)}) before answering; log:\n${server.log()}`)));
    void check();
  });
}

async function healthy(base) {
  try {
    const response = await fetch(new URL('healthz', base), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone already
  }
}

/** SIGTERM to the group, SIGKILL after 5 s if code-server is still there. */
function stopGroup(child, hasExited) {
  return new Promise((resolve) => {
    if (hasExited()) {
      killGroup(child.pid, 'SIGKILL'); // leftovers such as a language server
      resolve();
      return;
    }
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL');
      resolve();
    });
    if (!killGroup(child.pid, 'SIGTERM')) {
      clearTimeout(timer);
      resolve();
    }
  });
}
