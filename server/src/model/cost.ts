/**
 * Operating costs (SPEC 13): the `cost` of systems and integrations turned into monthly
 * figures and rolled up per integration, per system and for the solution, one total per
 * currency (amounts in different currencies are never added). A cost `perMillion` messages is
 * multiplied by the messages a month at the volume, and at the peak, to show how scaling moves it.
 */
import { findSystem, type Cost, type Integration, type Manifest, type System } from './manifest';
import { ratePerHour } from './rate';

/** Hours in an average month (8,760 / 12), as `rate.ts` counts a month. */
export const HOURS_PER_MONTH = (24 * 365) / 12;

/** A monthly figure in one currency: at the volume, and at the peak held for the month. */
export interface Amount {
  currency: string;
  monthly: number;
  atPeak: number;
}

/** A roll-up: one amount per currency, and what could not be priced (in words, Markdown). */
export interface Estimate {
  amounts: Amount[];
  unpriced: string[];
}

/** Messages per hour at the volume and at the peak; either falls back on the other; undefined without both. */
function messagesPerHour(integration: Integration): { volume: number; peak: number } | undefined {
  const volume = ratePerHour(integration.volume);
  const peak = ratePerHour(integration.peak);
  if (volume === undefined && peak === undefined) return undefined;
  return { volume: volume ?? peak!, peak: peak ?? volume! };
}

/** A cost as monthly figures for the integrations it is charged on (perMillion), or as written (monthly). */
function amountOf(cost: Cost, integrations: readonly Integration[], what: string, unpriced: string[]): Amount | undefined {
  if (cost.monthly !== undefined) return { currency: cost.currency, monthly: cost.monthly, atPeak: cost.monthly };
  let monthly = 0;
  let atPeak = 0;
  let priced = false;
  for (const integration of integrations) {
    const rates = messagesPerHour(integration);
    if (!rates) {
      unpriced.push(`${what} is charged per million messages, and \`${integration.id || '?'}\` declares no \`volume\` or \`peak\``);
      continue;
    }
    priced = true;
    monthly += (cost.perMillion * rates.volume * HOURS_PER_MONTH) / 1e6;
    atPeak += (cost.perMillion * rates.peak * HOURS_PER_MONTH) / 1e6;
  }
  if (!priced && integrations.length === 0) unpriced.push(`${what} is charged per million messages, and no integration passes through it`);
  return priced ? { currency: cost.currency, monthly, atPeak } : undefined;
}

/** Adds amounts per currency, in the order currencies first appear. */
export function sumByCurrency(amounts: readonly Amount[]): Amount[] {
  const sums = new Map<string, Amount>();
  for (const a of amounts) {
    const sum = sums.get(a.currency);
    if (sum) {
      sum.monthly += a.monthly;
      sum.atPeak += a.atPeak;
    } else sums.set(a.currency, { ...a });
  }
  return [...sums.values()];
}

/** The systems on an integration's path: `from`, each of `via`, `to` (declared ones, each once). */
export function pathSystems(manifest: Manifest, integration: Integration): System[] {
  const systems = [integration.from, ...integration.via, integration.to].map((r) => findSystem(manifest, r?.id));
  return [...new Set(systems.filter((s): s is System => s !== undefined))];
}

/** The integrations whose path holds `system` (as an end or in `via`). */
export function integrationsThrough(manifest: Manifest, system: System): Integration[] {
  return manifest.integrations.filter((i) => i.from?.id === system.id || i.to?.id === system.id || i.via.some((v) => v.id === system.id));
}

/**
 * What one integration costs a month: its own `cost`, plus its share of every system on its
 * path charged per million messages (its own messages times the price). Fixed monthly costs of
 * systems are not shared out: they count once, for the system and the solution.
 */
export function integrationEstimate(manifest: Manifest, integration: Integration): Estimate {
  const unpriced: string[] = [];
  const amounts: Amount[] = [];
  const own = integration.cost && amountOf(integration.cost, [integration], `\`${integration.id || '?'}\``, unpriced);
  if (own) amounts.push(own);
  for (const system of pathSystems(manifest, integration)) {
    if (system.cost?.perMillion === undefined) continue;
    const share = amountOf(system.cost, [integration], `\`${system.id}\``, unpriced);
    if (share) amounts.push(share);
  }
  return { amounts: sumByCurrency(amounts), unpriced };
}

/** What a system costs a month: fixed, or per million messages of every integration through it. Undefined without `cost`. */
export function systemEstimate(manifest: Manifest, system: System): Estimate | undefined {
  if (!system.cost) return undefined;
  const unpriced: string[] = [];
  const amount = amountOf(system.cost, integrationsThrough(manifest, system), `\`${system.id}\``, unpriced);
  return { amounts: amount ? [amount] : [], unpriced };
}

/** The solution's roll-up: each priced system (middleware first) and the integrations' own costs, with totals per currency. */
export interface SolutionCosts {
  systems: { system: System; estimate: Estimate }[];
  integrations: { integration: Integration; estimate: Estimate }[];
  totals: Amount[];
  unpriced: string[];
}

export function solutionCosts(manifest: Manifest): SolutionCosts {
  const systems = manifest.systems
    .map((system) => ({ system, estimate: systemEstimate(manifest, system) }))
    .filter((s): s is { system: System; estimate: Estimate } => s.estimate !== undefined)
    .sort((a, b) => Number(b.system.family === 'middleware') - Number(a.system.family === 'middleware'));
  const integrations = manifest.integrations
    .filter((i) => i.cost !== undefined)
    .map((integration) => {
      const unpriced: string[] = [];
      const own = amountOf(integration.cost!, [integration], `\`${integration.id || '?'}\``, unpriced);
      return { integration, estimate: { amounts: own ? [own] : [], unpriced } };
    });
  const all = [...systems, ...integrations].map((p) => p.estimate);
  return { systems, integrations, totals: sumByCurrency(all.flatMap((e) => e.amounts)), unpriced: all.flatMap((e) => e.unpriced) };
}

/** `EUR 1,234.50`. */
export function formatMoney(currency: string, value: number): string {
  return `${currency} ${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `EUR 120.00/month`, with `(EUR 180.00 at peak)` when the peak moves it. */
export function formatAmount(a: Amount): string {
  const peak = Math.abs(a.atPeak - a.monthly) >= 0.005 ? ` (${formatMoney(a.currency, a.atPeak)} at peak)` : '';
  return `${formatMoney(a.currency, a.monthly)}/month${peak}`;
}

/** The amounts of an estimate in one line: `EUR 120.00/month + USD 40.00/month`; undefined when none is priced. */
export function formatEstimate(estimate: Estimate): string | undefined {
  return estimate.amounts.length ? estimate.amounts.map(formatAmount).join(' + ') : undefined;
}
