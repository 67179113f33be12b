/** Rates (`20k/day`) and frequencies (`every 15m`) (the `volume` and `frequency` keys of schemas/integration-manifest.schema.json), normalized per hour. */

const HOURS_PER: Record<string, number> = {
  second: 1 / 3600,
  minute: 1 / 60,
  hour: 1,
  day: 24,
  week: 24 * 7,
  month: (24 * 365) / 12,
};

const RATE = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*\/\s*(second|minute|hour|day|week|month)\s*$/;

/** Count per hour of a rate such as `20k/day` (833.3), or undefined when it is not a rate. */
export function ratePerHour(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = RATE.exec(text);
  if (!m) return undefined;
  const multiplier = m[2] === '' ? 1 : m[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  return (Number(m[1]) * multiplier) / HOURS_PER[m[3]!]!;
}

/**
 * The largest threshold a rule accepts, per hour: far above any real integration, and small
 * enough that the arithmetic on it stays exact. The schema's message (schema/validate.ts) writes it out.
 */
export const MAX_THRESHOLD_PER_HOUR = 1e12;

/** A rule's threshold per hour, or undefined when `text` is not a rate, is zero, or is beyond `MAX_THRESHOLD_PER_HOUR`. */
export function thresholdPerHour(text: string | undefined): number | undefined {
  const perHour = ratePerHour(text);
  return perHour !== undefined && perHour > 0 && perHour <= MAX_THRESHOLD_PER_HOUR ? perHour : undefined;
}

/** A rate per hour written for people: `833.3/hour`, `72k/hour`. */
export function formatPerHour(perHour: number): string {
  const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));
  if (perHour >= 1_000_000) return `${round(perHour / 1_000_000)}m/hour`;
  if (perHour >= 10_000) return `${round(perHour / 1_000)}k/hour`;
  return `${round(perHour)}/hour`;
}

/** What a rate is written in: an integration's `volume`, `peak` and `frequency`, and the per-hour figure rules use. */
export interface WrittenRates {
  volume: string | undefined;
  peak: string | undefined;
  frequency: string | undefined;
  ratePerHour: number | undefined;
}

/**
 * The rate as the author wrote it (volume, peak, frequency), then the hourly figure the rules
 * compare when the figure it comes from is not already per hour: `8k/day · every 4h
 * (333.3/hour)`, `20k/day · peak 3k/hour (3000/hour at peak)`. Undefined when nothing is written.
 */
export function writtenWithHourly(i: WrittenRates): string | undefined {
  const written = [i.volume, i.peak === undefined ? undefined : `peak ${i.peak}`, i.frequency].filter((s): s is string => !!s?.trim()).join(' · ');
  const source = ratePerHour(i.peak) !== undefined ? i.peak! : i.volume;
  const hourly = i.ratePerHour !== undefined && !/\/\s*hour\s*$/.test(source ?? '') ? `(${formatPerHour(i.ratePerHour)}${source === i.peak ? ' at peak' : ''})` : '';
  return [written, hourly].filter(Boolean).join(' ') || undefined;
}

export const REAL_TIME_FREQUENCIES: readonly string[] = ['real-time', 'near-real-time'];
