// The esbuild options of every bundle that runs in Node (the language server, the command
// line, the extension): shared by scripts/build.mjs, the benchmark and the tests that build
// the server themselves, so that they all run the bundle `npm run build` makes.
'use strict';

/** @param {{ minify?: boolean }} [options] */
function nodeBundle(options = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    minify: options.minify ?? false,
    logLevel: 'warning',
    // ESM dependencies (fdir) read import.meta.url, which a CommonJS bundle lacks.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  };
}

module.exports = { nodeBundle };
