/**
 * How the language server's Node process is started: the extension starts it so, and the
 * benchmark too, so that it measures what users run.
 *
 * `--max-semi-space-size=4`: V8's young generation in semi-spaces of 4 MB instead of 16. The
 * server's garbage is short-lived (parses, answers), and a smaller nursery is collected more
 * often for the same work: measured on 1,000 integrations, the resident memory after opening
 * went from 135 to about 115 MB, with the engine's CPU time unchanged within the noise of the
 * machine (BENCHMARKS.md). Only a flag at start sets it: V8 sizes the heap when the process starts.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
