import type { BuildOptions, Plugin } from 'esbuild';

/** Fails the build on an import of a Node built-in module (see browser-bundle.cjs). */
export const noNodeBuiltins: Plugin;
/** The esbuild options of every bundle that runs in a browser (see browser-bundle.cjs). */
export function browserBundle(options?: { minify?: boolean }): BuildOptions & { plugins: Plugin[] };
