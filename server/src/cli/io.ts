/**
 * What the command line needs from its surroundings, so tests can run it in process, and the
 * one place where it reads arguments and files and turns what goes wrong into a message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** What the command line needs from its surroundings. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  resolve(file: string): string;
  color: boolean;
  version: string;
}

/** A problem with how the command was called or what it was given: printed without a stack, exit code 2. */
export class CliError extends Error {}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** The options and positional arguments of a command; a usage problem is a `CliError`. */
export function parseOptions(args: readonly string[], options: Options): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeNumbers(args, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}. Run \`integration-manifests --help\` for the options.`);
  }
}

/** `--max-warnings -1` as ESLint takes it: a negative number after a string option is its value, not a flag. */
function joinNegativeNumbers(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg.startsWith('--') && options?.[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The text of a manifest named on the command line; what goes wrong (missing, a folder, unreadable) is a `CliError` that says so. */
export function readManifestFile(file: string, io: CliIo): string {
  try {
    return readFileSync(io.resolve(file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`File not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(`${file} is a folder; give manifest files or a glob such as \`${file.replace(/\/$/, '')}/*.integration.yaml\`.`);
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Writes an output file named on the command line; a failure is a `CliError` that says why. */
export function writeOutputFile(file: string, text: string, io: CliIo): void {
  try {
    writeFileSync(io.resolve(file), text, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `Cannot write ${file}: its folder does not exist.` : `Cannot write ${file}: ${(e as Error).message}`);
  }
}
