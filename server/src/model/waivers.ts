/**
 * Whether a waiver silences its rule. A waiver needs a reason; its `expires`, when written,
 * must be a real calendar date (YYYY-MM-DD) on or after today. A waiver whose date is not a
 * date (`never`, `tomorrow`, `2026-02-30`, a number, a timestamp) silences nothing: the
 * schema reports the date, and the rule keeps reporting until it is fixed.
 */
import type { Waiver } from './manifest';

export type WaiverStatus = 'active' | 'expired' | 'no-reason' | 'bad-date';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a calendar date written YYYY-MM-DD (`2028-02-29` is, `2027-02-29` is not). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What the waiver does today (`today` is YYYY-MM-DD, UTC). */
export function waiverStatus(waiver: Pick<Waiver, 'reason' | 'expires'>, today: string): WaiverStatus {
  if (waiver.reason === undefined) return 'no-reason';
  if (waiver.expires === undefined) return 'active';
  if (!isCalendarDate(waiver.expires)) return 'bad-date';
  return waiver.expires >= today ? 'active' : 'expired';
}
