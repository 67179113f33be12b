/**
 * Looking up a table of ours by a key the user wrote. A plain object answers `constructor`,
 * `__proto__`, `toString` and the like from its prototype, so a manifest key or value with one
 * of those names would find a function or `Object.prototype` where a guidance text or a list
 * was expected. `own` answers only from the table's own entries.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
