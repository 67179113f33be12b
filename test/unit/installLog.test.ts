/**
 * The demo's install of code-server keeps npm's output in a log and says in one line what it
 * held (scripts/code-server/install.mjs), so that a first-time user reads no error.
 */
import assert from 'node:assert/strict';

/** Lines of a real install on a machine that reaches the npm registry but not GitHub. */
const LOG = [
  'npm warn Unknown env config "unsafe-perm". This will stop working in the next major version of npm.',
  '> argon2@0.31.2 install',
  '> node-pre-gyp install --fallback-to-build',
  'node-pre-gyp ERR! install request to https://github.com/ranisalt/node-argon2/releases/download/v0.31.2/argon2-v0.31.2-napi-v3-linux-x64-glibc.tar.gz failed, reason: getaddrinfo ENOTFOUND github.com',
  'node-pre-gyp WARN Pre-built binaries not installable for argon2@0.31.2 and node@20.20.2 (node-v115 ABI, glibc) (falling back to source compile with node-gyp)',
  '  CC(target) Release/obj.target/libargon2/argon2/src/opt.o',
  '> @vscode/spdlog@0.15.1 install',
  '> node-gyp rebuild',
  '> kerberos@2.1.1 install',
  '> prebuild-install --runtime napi || node-gyp rebuild',
  'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
  '> @vscode/ripgrep@1.15.11 postinstall',
  'Using cached download: /tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
  'npm warn install-scripts 9 packages have install scripts not yet covered by allowScripts:',
  'added 215 packages in 1m',
].join('\n');

describe('the install log of code-server', () => {
  it('is said in one line: the native modules built from source after a failed download, and the count of npm warnings', async () => {
    const { expectedNoise } = await import('../../scripts/code-server/install.mjs');
    const said = expectedNoise(LOG);
    assert.equal(
      said,
      'As expected, argon2 and kerberos could not download a prebuilt binary (GitHub is out of reach) and were built from source instead; npm gave 2 warnings (unknown config, install scripts it has not reviewed): nothing to do.',
    );
    assert.ok(!said.includes('\n'));
    assert.ok(!/ERR/.test(said), 'it names no error');
  });

  it('says nothing when there was nothing', async () => {
    const { expectedNoise } = await import('../../scripts/code-server/install.mjs');
    assert.equal(expectedNoise('added 215 packages in 1m\n'), '');
  });
});
