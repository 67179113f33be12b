// `npm run demo`: the product as a user meets it. Builds the extension and its .vsix, installs
// what is missing (Debian packages, code-server), starts a real VS Code (code-server) on
// 127.0.0.1 with the extension installed and a copy of examples/ as the workspace, prints the
// address to open, and runs until Ctrl+C, which stops code-server and all it started.
//
// Usage: npm run demo [-- --port 8080] [-- --no-package]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './code-server/install.mjs';
import { E2E_DIR, ROOT } from './code-server/paths.mjs';
import { startCodeServer } from './code-server/server.mjs';
import { ensureSystemPackages } from './code-server/system.mjs';
import { makeWorkspace } from './code-server/workspace.mjs';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
  },
});

const DEMO_DIR = join(E2E_DIR, 'demo');
const VSIX = join(DEMO_DIR, 'integration-manifests.vsix');
const WORKSPACE = join(DEMO_DIR, 'workspace');

/**
 * Runs a step with its output in .e2e/demo/<name>.log rather than on the terminal (npm's
 * deprecation notices and vsce's file list are not news); on failure, the end of the log.
 */
function run(name, command, args) {
  mkdirSync(DEMO_DIR, { recursive: true });
  const log = join(DEMO_DIR, `${name}.log`);
  const fd = openSync(log, 'w');
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (result.status !== 0) {
    console.error(readFileSync(log, 'utf8').trimEnd().split('\n').slice(-30).join('\n'));
    console.error(`demo: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); the end of its log is above, all of it in ${log}`);
    process.exit(1);
  }
}

ensureSystemPackages();
if (!existsSync(join(ROOT, 'node_modules', '.bin', 'vsce'))) {
  console.log('demo: installing the npm dependencies (npm ci)');
  run('npm-ci', 'npm', ['ci']);
}
if (!options['no-package'] || !existsSync(VSIX)) {
  console.log('demo: building and packaging the extension');
  run('package', 'npm', ['run', 'package', '--', '--out', VSIX]);
  console.log(`demo: packaged ${VSIX} (${(statSync(VSIX).size / 1024 / 1024).toFixed(1)} MB)`);
}
ensureCodeServer();

makeWorkspace(WORKSPACE, { fixtures: false });

const server = await startCodeServer({
  stateDir: join(DEMO_DIR, 'state'),
  folder: WORKSPACE,
  vsix: VSIX,
  ...(options.port ? { port: Number(options.port) } : {}),
});

const address = `${server.url}?folder=${encodeURIComponent(WORKSPACE)}`;
console.log(`
Integration Manifests is running in VS Code (code-server ${server.pid}).

    Open ${address}

The workspace is a copy of examples/ (edit freely: the repository is untouched).
Open a manifest, such as order-to-cash.integration.yaml, and run
"Integration Manifests: Open Diagram to the Side" from the command palette (F1).
To start from an empty file, create one named like orders.integration.yaml and press
Ctrl+Space in it. The walkthrough (F1, "Welcome: Open Walkthrough...", "Get started with
Integration Manifests") goes through a finding, a fix, the diagram and CI.
Log: ${server.logFile}
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\ndemo: stopping code-server');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// Keep running while code-server does; if it stops on its own, say so and leave.
server.exited.then(() => {
  if (stopping) return;
  console.error(`demo: code-server stopped on its own; see ${server.logFile}`);
  process.exit(1);
});
