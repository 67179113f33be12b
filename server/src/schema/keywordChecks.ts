/**
 * The checks of the schema's own keywords (`positiveRate`, `oneAmount`), called by the
 * validators generated from the schema (validators.generated.ts, by
 * scripts/generate-validators.mjs): what JSON Schema alone cannot say.
 */
import { ratePerHour, thresholdPerHour } from '../model/rate';

/** A rule's threshold: a rate (the pattern checks the form) that is above zero and not absurdly large. */
export function positiveRateHolds(value: string): boolean {
  return ratePerHour(value) === undefined || thresholdPerHour(value) !== undefined;
}

/** A cost gives exactly one amount, `monthly` or `perMillion` (its other keys have their own checks). */
export function oneAmountHolds(value: Record<string, unknown>): boolean {
  return amountsOf(value).length === 1;
}

/** The amounts a cost map gives (`monthly`, `perMillion`), whatever their values. */
export function amountsOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? ['monthly', 'perMillion'].filter((k) => Object.hasOwn(value, k)) : [];
}
