/**
 * What the command line needs from its surroundings, so tests can run it in process, and the
 * one place where it reads arguments and files and turns what goes wrong into a message.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { parseArgs } from 'node:util';

/** What the command line needs from its surroundings. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  resolve(file: string): string;
  color: boolean;
  version: string;
  /** The environment: the CI service's variables (Azure Pipelines' name the run in SARIF). None in most tests. */
  env?: Readonly<Record<string, string | undefined>>;
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

/**
 * `--max-warnings -1`: a negative number after a string option is read as its value, not as a
 * flag, so that `parseCount` refuses it with its own message rather than `parseArgs` calling it
 * ambiguous.
 */
function joinNegativeNumbers(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg.startsWith('--') && options?.[arg.slice(2)]?.type === 'string' && next !== undefined && /^-[0-9.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * A count given to an option such as `--max-warnings`: digits only (`0`, `12`), at most
 * `Number.MAX_SAFE_INTEGER`. No sign, exponent, hex, fraction or space: `Number()` would take
 * `1e3`, `0x10`, `+5`, ` 5`, `5.0` and `` (as 0), and a typo should not pass as a limit.
 * `-1` is refused too: the README documents no "no limit" value (leave the option out).
 */
export function parseCount(option: string, raw: string): number {
  if (!/^[0-9]+$/.test(raw)) {
    const hint = raw.startsWith('-') ? ' Leave the option out for no limit.' : '';
    throw new CliError(`${option} takes a whole number, not ${raw ? `\`${shorten(raw)}\`` : 'an empty value'}. Write it in digits, such as 0 or 10.${hint}`);
  }
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new CliError(`${option} takes a whole number up to ${Number.MAX_SAFE_INTEGER}, not \`${shorten(raw)}\`.`);
  return n;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The text of a manifest named on the command line; what goes wrong (missing, a folder,
 * unreadable, not a regular file) is a `CliError` that says so. Only regular files are read
 * (symbolic links followed): a FIFO would wait for a writer for ever and a device such as
 * `/dev/zero` never ends. The path is checked before it is opened (opening a device can have
 * effects of its own), and what was opened is checked again, non-blocking, so a file swapped
 * for a FIFO in between is refused as well.
 */
export function readManifestFile(file: string, io: CliIo): string {
  const path = io.resolve(file);
  try {
    refuseUnlessRegular(file, statSync(path));
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      refuseUnlessRegular(file, fstatSync(fd));
      return readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`File not found: ${file}`);
    if (code === 'EISDIR') throw new CliError(folderMessage(file));
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
}

function refuseUnlessRegular(file: string, stats: Stats): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw new CliError(folderMessage(file));
  const what = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isCharacterDevice()
      ? 'a character device'
      : stats.isBlockDevice()
        ? 'a block device'
        : stats.isSocket()
          ? 'a socket'
          : undefined;
  throw new CliError(`${file} is ${what ? `${what}, ` : ''}not a regular file: only regular manifest files are read.`);
}

function folderMessage(file: string): string {
  return `${file} is a folder; give manifest files or a glob such as \`${file.replace(/\/$/, '')}/*.integration.yaml\`.`;
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
