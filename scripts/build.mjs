// Bundles the extension (client), the language server, the command line and the webview.
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
import nodeBundleModule from './node-bundle.cjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const node = nodeBundleModule.nodeBundle({ minify });

const builds = [
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + node.banner.js } },
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
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
