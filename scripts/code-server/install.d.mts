/** Types of install.mjs for the tests. */
export function isCodeServerInstalled(dir?: string): boolean;
export function ensureCodeServer(options?: { log?: (line: string) => void; dir?: string }): string;
/** One sentence on what a successful install printed on the way (native modules built from source, npm's warnings), or ''. */
export function expectedNoise(text: string): string;
