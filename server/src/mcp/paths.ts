/**
 * Where the MCP server may read: the manifests under its root, and nothing else. An agent names
 * a file by its path relative to the root (as `list_manifests` gives it); this module turns that
 * path into the text of a regular manifest file under the root, or refuses it with a message
 * the agent can act on (`ToolError`).
 *
 * Architecture Invariant: every file a tool reads comes through `readManifest`. A path is
 * refused when it is absolute, leaves the root (`../x`), resolves outside the root through a
 * symbolic link anywhere along it (checked on the real path, `realpath`), is not named as a
 * manifest (`*.integration.yaml`, `*.integration.yml`, for the name given and for the file it
 * resolves to), is missing, or is anything but a regular file (a FIFO would block for ever, a
 * device never ends). What was opened is checked again (`fstat`, opened non-blocking and without
 * following a last symbolic link), so a file swapped for a link or a FIFO after the check is
 * refused too. The server never writes.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep, win32 } from 'node:path';

/** A request the server refuses or cannot answer, with the message the agent sees (`isError: true`). */
export class ToolError extends Error {}

/** The names of manifests, as the extension contributes the language (package.json `languages`). */
export const MANIFEST_NAME = /\.integration\.ya?ml$/;

/** Larger than any manifest the engine is held to (10 MB, SPEC 16), so the server's memory stays bounded. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

/** At most this many manifests are listed; `list_manifests` says when there were more. */
export const MAX_LISTED = 1000;

const HINT = 'Give a path relative to the root, as list_manifests returns it (such as `sales/order-to-cash.integration.yaml`).';

/**
 * The real path of the folder the server serves: `dir` with every symbolic link resolved, which
 * must be a folder. Throws an `Error` whose message says what is wrong with it.
 */
export function realRoot(dir: string): string {
  let real: string;
  try {
    real = realpathSync.native(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' || code === 'ENOTDIR' ? `The root ${dir} does not exist.` : `The root ${dir} cannot be read: ${(e as Error).message}`, { cause: e });
  }
  if (!statSync(real).isDirectory()) throw new Error(`The root ${dir} is not a folder: give the folder that holds the manifests.`);
  return real;
}

/** `file` quoted for a message: as JSON writes it (control characters escaped), and shortened when long. */
export function quoted(file: string): string {
  const text = JSON.stringify(file);
  return text.length > 120 ? `${text.slice(0, 118)}…"` : text;
}

/** `path` (under `root`) relative to the root, with `/` between folders whatever the platform. */
function relativeName(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Where `file` (relative to `root`, the real root) is: its name relative to the root, as shown
 * back to the agent, and its real path, under the root. Refuses (`ToolError`) what the module
 * header lists, except the type of file, which `readManifest` checks on what it opens.
 */
export function confine(root: string, file: string): { name: string; real: string } {
  if (file.trim() === '') throw new ToolError(`\`file\` is empty. ${HINT}`);
  if (file.includes('\0')) throw new ToolError(`${quoted(file)} contains a NUL character, which no file name holds. ${HINT}`);
  if (isAbsolute(file) || win32.isAbsolute(file)) throw new ToolError(`${quoted(file)} is an absolute path; this server reads only files under its root. ${HINT}`);
  const target = resolve(root, file);
  if (!isInside(root, target)) {
    throw new ToolError(relative(root, target) === '' ? `${quoted(file)} is the root folder itself, not a manifest. ${HINT}` : `${quoted(file)} lies outside the root; this server reads only files under it. ${HINT}`);
  }
  const name = relativeName(root, target);
  if (!MANIFEST_NAME.test(name)) throw new ToolError(`${quoted(file)} is not a manifest: manifest file names end in .integration.yaml or .integration.yml. list_manifests lists the manifests under the root.`);
  let real: string;
  try {
    real = realpathSync.native(target);
  } catch (e) {
    throw new ToolError(accessMessage(file, e));
  }
  if (!isInside(root, real)) throw new ToolError(`${quoted(file)} is a symbolic link (or lies in a linked folder) that resolves outside the root; this server reads only files under it.`);
  if (!MANIFEST_NAME.test(real)) throw new ToolError(`${quoted(file)} is a symbolic link to ${quoted(relativeName(root, real))}, which is not a manifest: manifest file names end in .integration.yaml or .integration.yml.`);
  return { name, real };
}

function accessMessage(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `There is no file ${quoted(file)} under the root. list_manifests lists the manifests there.`;
  if (code === 'ELOOP') return `${quoted(file)} is a loop of symbolic links, or was replaced by a symbolic link while being read.`;
  if (code === 'EACCES' || code === 'EPERM') return `${quoted(file)} cannot be read: permission denied.`;
  return `${quoted(file)} cannot be read (${code ?? 'unknown error'}).`;
}

/** Why `stats` is not a file the server reads (not a regular file, or too large), or undefined when it is one. */
function unreadable(file: string, stats: Stats): string | undefined {
  if (stats.isFile()) return stats.size > MAX_MANIFEST_BYTES ? `${quoted(file)} is ${stats.size} bytes, more than the ${MAX_MANIFEST_BYTES} this server reads.` : undefined;
  const what = stats.isDirectory()
    ? 'a folder'
    : stats.isFIFO()
      ? 'a named pipe (FIFO)'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'neither a file nor a folder';
  return `${quoted(file)} is ${what}, not a regular file: only regular manifest files are read.`;
}

/**
 * The text of the manifest `file` (relative to `root`, the real root) and its name relative to
 * the root; a refusal is a `ToolError`. The file is checked before it is opened (opening a
 * device can have effects of its own) and what was opened is checked again.
 */
export function readManifest(root: string, file: string): { name: string; text: string } {
  const { name, real } = confine(root, file);
  try {
    const before = unreadable(file, statSync(real));
    if (before) throw new ToolError(before);
    const fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    try {
      const after = unreadable(file, fstatSync(fd));
      if (after) throw new ToolError(after);
      return { name, text: readFileSync(fd, 'utf8') };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof ToolError) throw e;
    throw new ToolError(accessMessage(file, e));
  }
}

/**
 * The manifests under `root` (the real root), by their names relative to it, sorted: every
 * `*.integration.yaml` and `*.integration.yml` in any folder below it but `node_modules` and
 * hidden folders, that `readManifest` would read. Those it would refuse (a link out of the
 * root, a FIFO, ...) are listed apart with the reason. Linked folders are not entered: a link
 * to `/` would have the whole disk walked.
 */
export function findManifests(root: string): { files: string[]; refused: { file: string; reason: string }[]; truncated: boolean } {
  const files: string[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const file of namedAsManifests(root)) {
    try {
      const { real } = confine(root, file);
      const reason = unreadable(file, statSync(real));
      if (reason) refused.push({ file, reason });
      else files.push(file);
    } catch (e) {
      refused.push({ file, reason: e instanceof ToolError ? e.message : accessMessage(file, e) });
    }
  }
  return { files: files.slice(0, MAX_LISTED), refused, truncated: files.length > MAX_LISTED };
}

/** The entries under `root` named as manifests, whatever they are (files, links, FIFOs), relative to it with `/`, sorted. */
function namedAsManifests(root: string): string[] {
  const found: string[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue; // unreadable (or gone): nothing to list there
    }
    for (const entry of entries) {
      const name = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') folders.push(name);
      } else if (MANIFEST_NAME.test(entry.name)) {
        found.push(name);
      }
    }
  }
  return found.sort();
}
