// Bundles the extension (client), the language server, the command line and the webview, and
// the web extension (client and server for a browser, no Node built-ins: see browser-bundle.cjs).
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import nodeBundleModule from './node-bundle.cjs';
import browserBundleModule from './browser-bundle.cjs';
import { GENERATED, validatorsSource } from './generate-validators.mjs';

// The schema's validators, generated ahead of time (a schema change regenerates them here).
const validators = validatorsSource();
if (!existsSync(GENERATED) || readFileSync(GENERATED, 'utf8') !== validators) writeFileSync(GENERATED, validators);

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const node = nodeBundleModule.nodeBundle({ minify });
const browser = browserBundleModule.browserBundle({ minify });

const builds = [
  { ...node, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + node.banner.js } },
  { ...node, entryPoints: ['client/src/node/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The web extension (vscode.dev, github.dev): the extension as the web extension host loads it, and the server in a web worker.
  { ...browser, format: 'cjs', entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'] },
  { ...browser, format: 'iife', entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js' },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
    minify: true,
    logLevel: 'warning',
    entryPoints: ['media/src/preview.ts'],
    outfile: 'media/dist/preview.js',
  },
  // The webview's stylesheet, loaded from the webview's own source (see client/src/preview/html.ts).
  { bundle: true, minify: true, logLevel: 'warning', entryPoints: ['media/src/preview.css'], outfile: 'media/dist/preview.css' },
].filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('watching for changes...');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
