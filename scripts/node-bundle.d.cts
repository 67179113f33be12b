import type { BuildOptions } from 'esbuild';

/** The esbuild options of every bundle that runs in Node (see node-bundle.cjs). */
export function nodeBundle(options?: { minify?: boolean }): BuildOptions & { banner: { js: string } };
