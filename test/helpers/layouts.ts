/**
 * Manifests laid out every way a quick fix has to write into: the maps and lists the fixes
 * insert into (an integration, `security`, `monitoring`, `errorHandling`, `testing`, `data`,
 * `via`, `goals`, `systems`, `solution`) written as block collections, one-line flow
 * collections or flow collections over several lines; comments in every position (before an
 * entry, after it, between entries, after the last entry, before a closing bracket, after
 * it, after a block scalar's header, after its content); block scalars with every chomping
 * indicator as the last value of a collection, right before where a new entry goes; LF or
 * CRLF; with or without a final line break.
 *
 * The designs are chosen so that many rules fire and their fixes insert into these
 * collections: a sync high-volume integration (prefer-async-messaging), an async one without
 * dead-lettering, authentication or audit, through Logic Apps without alerts, with no goal
 * and no system of record, and no `governance`.
 *
 * Every comment is `# c<n> <word>` with a unique n, and no `#` is written anywhere else, so
 * a test can find each comment again. Deterministic: the same seed lays out the same text.
 */
import fc from 'fast-check';
import { prng } from '../../bench/generate';

export const CHOMPING = ['|', '|-', '|+', '>', '>-', '>+'] as const;
export type Chomping = (typeof CHOMPING)[number];

type Value =
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; header: Chomping; lines: string[]; blank: number }
  | { kind: 'map'; entries: [string, Value][] }
  | { kind: 'seq'; items: Value[] };

export interface LayoutOptions {
  seed: number;
  crlf: boolean;
  finalNewline: boolean;
}

export const layoutArb: fc.Arbitrary<LayoutOptions> = fc.record({ seed: fc.integer(), crlf: fc.boolean(), finalNewline: fc.boolean() });

const WORDS = ['orders', 'ledger', 'stock', 'invoices', 'workers', 'quotes', 'cases', 'prices'];


const scalar = (text: string): Value => ({ kind: 'scalar', text });
const map = (...entries: [string, Value][]): Value => ({ kind: 'map', entries });
const seq = (...items: Value[]): Value => ({ kind: 'seq', items });

/** Renders a manifest of the designs above in the layout `seed` picks. */
export function renderLayout({ seed, crlf, finalNewline }: LayoutOptions): string {
  const rand = prng(seed);
  const chance = (p: number) => rand() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let n = 0;
  const comment = () => `# c${++n} ${pick(WORDS)}`;
  const trailing = (line: string) => (chance(0.3) ? `${line}  ${comment()}` : line);
  const commentLine = (pad: string): string[] => (chance(0.25) ? [`${pad}${comment()}`] : []);
  const block = (): Value => ({ kind: 'block', header: pick(CHOMPING), lines: Array.from({ length: 1 + Math.floor(rand() * 2) }, () => `${pick(WORDS)} ${pick(WORDS)}`), blank: Math.floor(rand() * 3) });
  /** Sometimes a block scalar as the last entry: a new entry then goes right after it. */
  const withText = (entries: [string, Value][], key: string): [string, Value][] => (chance(0.5) ? [...entries, [key, block()]] : entries);
  const onlyScalars = (v: Value): boolean => v.kind === 'scalar' || (v.kind === 'map' ? v.entries.every(([, x]) => onlyScalars(x)) : v.kind === 'seq' && v.items.every(onlyScalars));

  /** A value in flow style, on one line. */
  const flow = (v: Value): string => {
    if (v.kind === 'scalar') return v.text;
    if (v.kind === 'map') return v.entries.length ? `{ ${v.entries.map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }` : '{}';
    if (v.kind === 'seq') return `[${v.items.map(flow).join(', ')}]`;
    throw new Error('no block scalar in flow style');
  };

  /** A flow collection over several lines, with comments between its entries and before its closing bracket. */
  const flowLines = (head: string, v: Value & { kind: 'map' | 'seq' }, pad: string): string[] => {
    const [open, close] = v.kind === 'map' ? ['{', '}'] : ['[', ']'];
    const entries = v.kind === 'map' ? v.entries.map(([k, x]) => `${k}: ${flow(x)}`) : v.items.map(flow);
    const inner = pad + '  ';
    const lines = [chance(0.4) ? `${head} ${open}  ${comment()}` : `${head} ${open}`];
    entries.forEach((entry, i) => {
      lines.push(...commentLine(inner));
      const last = i === entries.length - 1;
      lines.push(trailing(`${inner}${entry}${!last || chance(0.3) ? ',' : ''}`));
    });
    lines.push(...commentLine(inner));
    lines.push(trailing(`${chance(0.5) ? inner : pad}${close}`));
    return lines;
  };

  /** `key: value` at `pad`, as lines. */
  const pair = (pad: string, key: string, v: Value): string[] => {
    const head = `${pad}${key}:`;
    if (v.kind === 'scalar') return [trailing(`${head} ${v.text}`)];
    if (v.kind === 'block') return blockScalar(head, pad, v);
    const style = onlyScalars(v) ? pick(['block', 'flow', 'flow-lines'] as const) : 'block';
    const empty = v.kind === 'map' ? v.entries.length === 0 : v.items.length === 0;
    if (style === 'flow' || (empty && style === 'block')) return [trailing(`${head} ${flow(v)}`)];
    if (style === 'flow-lines') return flowLines(head, v, pad);
    const lines = [trailing(head)];
    lines.push(...body(pad + '  ', v));
    return lines;
  };

  const blockScalar = (head: string, pad: string, v: Value & { kind: 'block' }): string[] => {
    const lines = [chance(0.2) ? `${head} ${v.header}  ${comment()}` : `${head} ${v.header}`];
    for (const line of v.lines) lines.push(`${pad}  ${line}`);
    for (let i = 0; i < v.blank; i++) lines.push('');
    return lines;
  };

  /** The lines of a block map or list at `pad`. */
  const body = (pad: string, v: Value): string[] => {
    const lines: string[] = [];
    if (v.kind === 'map') {
      for (const [k, x] of v.entries) {
        lines.push(...commentLine(pad));
        lines.push(...pair(pad, k, x));
      }
    } else if (v.kind === 'seq') {
      for (const item of v.items) {
        lines.push(...commentLine(pad));
        if (item.kind === 'map') {
          const [first, ...rest] = body(pad + '  ', { kind: 'map', entries: item.entries });
          lines.push(`${pad}- ${first!.trimStart()}`, ...rest);
        } else if (item.kind === 'block') lines.push(...blockScalar(`${pad}-`, pad, item));
        else lines.push(trailing(`${pad}- ${flow(item)}`));
      }
    }
    lines.push(...commentLine(pad));
    return lines;
  };

  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };

  const integration = (id: string, fixed: [string, Value][], layouted: [string, Value][]): Value => {
    const rest = shuffle([...fixed, ...layouted]);
    return map(['id', scalar(id)], ...withText(rest, 'description'));
  };

  const manifest = map(
    ['integrationManifest', scalar('1')],
    ['solution', map(...withText([['name', scalar('Layouts')]], 'description'))],
    ['goals', seq(map(['id', scalar('visibility')], ['title', scalar('Sales sees order status')]))],
    [
      'systems',
      seq(
        map(['id', scalar('erp')], ['name', scalar('ERP')], ['kind', scalar('erp')], ['hosting', scalar('on-premises')]),
        map(['id', scalar('sales')], ['name', scalar('Sales')], ['kind', scalar('dynamics-365-sales')], ['hosting', scalar('cloud')]),
        map(...withText([['id', scalar('flows')], ['name', scalar('Flows')], ['kind', scalar('logic-apps')], ['hosting', scalar('cloud')]], 'description')),
      ),
    ],
    [
      'integrations',
      seq(
        integration(
          'orders',
          [['name', scalar('Orders')], ['type', scalar('data')], ['from', scalar('erp')], ['to', scalar('sales')], ['mode', scalar('async')], ['volume', scalar('5k/hour')]],
          [
            ['via', seq(scalar('flows'))],
            ['goals', seq()],
            ['data', map(['pii', scalar('true')])],
            ['security', map(...(chance(0.5) ? ([['transport', scalar('http')]] as [string, Value][]) : []), ['secrets', scalar('key-vault')])],
            ['monitoring', map(['tool', scalar('application-insights')])],
            ['errorHandling', map(['retry', map(['attempts', scalar('3')])], ...withText([], 'notify'))],
            ['testing', map(['endToEnd', scalar('planned')])],
          ],
        ),
        integration(
          'prices',
          [['name', scalar('Prices')], ['type', scalar('process')], ['from', scalar('sales')], ['to', scalar('erp')], ['mode', scalar('sync')], ['peak', scalar('2k/hour')], ['trigger', scalar('event')]],
          [
            ['via', chance(0.5) ? seq() : seq(scalar('flows'))],
            ['goals', seq(scalar('visibility'))],
            ['security', map(['authentication', scalar('entra-id')], ['transport', scalar('tls1.2')])],
            ['errorHandling', map(...withText([['retry', map(['attempts', scalar('5')], ['backoff', scalar('exponential')])]], 'notify'))],
            ['systemOfRecord', scalar('erp')],
          ],
        ),
      ),
    ],
  );
  const lines = [...(chance(0.3) ? [comment()] : []), ...body('', manifest)];
  const nl = crlf ? '\r\n' : '\n';
  const text = lines.join(nl) + nl;
  return finalNewline ? text : text.replace(/(\r?\n)+$/, '');
}
