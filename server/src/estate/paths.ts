/**
 * POSIX paths, as the estate names files: absolute (`/work/app/shared/systems.integration.yaml`),
 * `/`-separated, without `.` or `..` segments once normalized. No Node API: the web build uses
 * these too.
 */

/** The path without `.` segments, empty segments and `..` that climb over a named one; undefined when a `..` climbs above `/`. */
export function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** The folder that holds `path`. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Whether `path` is `root` or lies under it (both normalized). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** `path` relative to `root` when it lies inside, else `path` as it is. */
export function relativeTo(root: string, path: string): string {
  if (!isInside(root, path) || path === root) return path;
  return path.slice(root.endsWith('/') ? root.length : root.length + 1);
}

/** The absolute path `spec` names from the manifest at `from`, or undefined when it climbs above `/`. */
export function resolveFrom(from: string, spec: string): string | undefined {
  return normalize(`${dirname(from)}/${spec}`);
}
