// The esbuild options of every bundle that runs in a browser (the web extension and its
// language server in a web worker): shared by scripts/build.mjs and the test that holds the
// build to them. Such a bundle may not use Node's built-in modules: esbuild would leave some
// of them out silently (a package's `browser` field can map one to nothing), and the bundle
// would fail only when that code runs. `noNodeBuiltins` makes the build fail instead, naming
// the module and who imports it.
'use strict';
const { builtinModules } = require('node:module');

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The plugin that fails the build on an import of a Node built-in module (`fs`, `node:fs`, `fs/promises`...). */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
      return {
        errors: [
          {
            text: `"${args.path}" is a Node built-in module: the web build runs where Node is not (a web worker in vscode.dev). Keep it in server/src/node or client/src/node and reach it through an interface.`,
          },
        ],
      };
    });
  },
};

/** @param {{ minify?: boolean }} [options] */
function browserBundle(options = {}) {
  return {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    minify: options.minify ?? false,
    logLevel: 'warning',
    plugins: [noNodeBuiltins],
  };
}

module.exports = { browserBundle, noNodeBuiltins };
