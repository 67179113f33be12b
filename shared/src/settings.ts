/**
 * The extension's settings (package.json `contributes.configuration`), as the language server
 * receives them: in `initializationOptions` and from `workspace/configuration` for the
 * `integrationManifests` section. Everything here comes from the user: `readSettings` keeps
 * what has the right shape and reads anything else as unset.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

/** One rule's setting: a severity, or a severity and a rate threshold (`500/hour`). */
export type RuleSetting = SeverityOrOff | { severity?: SeverityOrOff; threshold?: string };

/** `integrationManifests.rules`: rule id → setting. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/** The `integrationManifests` section. */
export interface Settings {
  rules?: RuleSettings;
  /** `integrationManifests.maxProblems`: at most this many diagnostics per document. */
  maxProblems?: number;
  /** `integrationManifests.preview.debounceMs` (read by the client only). */
  preview?: { debounceMs?: number };
}

/** The language server's `initializationOptions`: the settings a client without `workspace/configuration` can pass, and the push delay. */
export interface InitializationOptions {
  /** Delay of pushed diagnostics after a change, in milliseconds; 0 pushes at once. */
  debounceMs?: number;
  rules?: RuleSettings;
  maxProblems?: number;
}

export const DEFAULT_MAX_PROBLEMS = 1000;
export const DEFAULT_PREVIEW_DEBOUNCE_MS = 300;

/** The rule settings and the problem cap of a settings section; anything malformed reads as unset. */
export function readSettings(section: unknown): { rules: RuleSettings; maxProblems: number } {
  const { rules, maxProblems } = isRecord(section) ? section : {};
  return {
    // A map from user text: no prototype, so `__proto__` or `constructor` is only a key.
    rules: isRecord(rules) ? Object.assign(Object.create(null) as Record<string, RuleSetting>, rules) : {},
    maxProblems: typeof maxProblems === 'number' && Number.isFinite(maxProblems) && maxProblems >= 1 ? Math.floor(maxProblems) : DEFAULT_MAX_PROBLEMS,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
