/**
 * What can be said of a value of `imports:` from its text alone, without reading a file: the
 * rule `import-unresolved` says it of a manifest judged alone, and the estate refuses such an
 * import before any read (server/src/estate/load.ts).
 */

/** Why a value of `imports:` cannot name a file relative to the manifest, if it cannot (a sentence, Markdown). */
export function notRelative(spec: string): string | undefined {
  if (spec.trim() === '') return 'An import names a manifest by its path; this one is empty.';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(spec)) {
    return /^[A-Za-z]:[\\/]/.test(spec)
      ? `\`${spec}\` is an absolute path. Write the path relative to this manifest, such as \`./shared/systems.integration.yaml\`.`
      : `\`${spec}\` is a URL. Imports name manifests in the workspace by their path relative to this manifest, such as \`./shared/systems.integration.yaml\`.`;
  }
  if (spec.startsWith('/') || spec.startsWith('~'))
    return `\`${spec}\` is an absolute path. Write the path relative to this manifest, such as \`./shared/systems.integration.yaml\`.`;
  if (spec.includes('\\')) return `\`${spec}\` uses backslashes. Write the path with forward slashes (\`shared/systems.integration.yaml\`), which work on every system.`;
  return undefined;
}
