/**
 * fast-check arbitraries for the property and fuzz tests: SPEC-format manifests (systems,
 * integrations with random vocabulary values, rates, via, steps, waivers, goals, actors,
 * governance, rules), rendered as YAML in a random mix of block and flow styles, quoting and
 * comments; random edits of a text; English-like sentences.
 *
 * Every comment the renderer writes is `# note-<n> ...` with a unique n and no `#` anywhere
 * else, so a test can find each comment again after an edit.
 */
import fc from 'fast-check';
import { manifestSchema, type JsonSchema } from '../../server/src/model/vocabulary';
import { RULE_IDS } from '../../server/src/rules';

// ---- vocabularies, read from the schema so they never drift --------------------------------

function enumAt(path: readonly string[]): readonly string[] {
  let node: JsonSchema | undefined = manifestSchema;
  for (const key of path) node = key === 'items' ? node?.items : node?.properties?.[key];
  if (!node?.enum) throw new Error(`no enum at ${path.join('.')}`);
  return node.enum;
}

const integrationSchema = manifestSchema.definitions!['integration']!;
function integrationEnum(...path: string[]): readonly string[] {
  let node: JsonSchema | undefined = integrationSchema;
  for (const key of path) node = node?.properties?.[key];
  if (!node?.enum) throw new Error(`no enum at integration.${path.join('.')}`);
  return node.enum;
}

export const VOCABULARY = {
  kind: enumAt(['systems', 'items', 'kind']),
  hosting: enumAt(['systems', 'items', 'hosting']),
  alm: enumAt(['governance', 'alm']),
  type: integrationEnum('type'),
  direction: integrationEnum('direction'),
  mode: integrationEnum('mode'),
  trigger: integrationEnum('trigger'),
  pattern: integrationEnum('pattern'),
  format: integrationEnum('data', 'format'),
  authentication: integrationEnum('security', 'authentication'),
  secrets: integrationEnum('security', 'secrets'),
  transport: integrationEnum('security', 'transport'),
  tool: integrationEnum('monitoring', 'tool'),
  backoff: integrationEnum('errorHandling', 'retry', 'backoff'),
  load: integrationEnum('testing', 'load'),
  severity: ['error', 'warning', 'info', 'hint', 'off'],
};

const FREQUENCIES = ['real-time', 'near-real-time', 'on-demand', 'hourly', 'daily', 'weekly', 'monthly', 'every 15m', 'every 30s', 'every 2h', 'every 1d'];
const PERIODS = ['second', 'minute', 'hour', 'day', 'week', 'month'];

// ---- the plain tree the renderer writes ------------------------------------------------------

export type Plain = string | number | boolean | Plain[] | { [key: string]: Plain };

/** A value of `values`, now and then a near miss (a typo the schema catches and may fix). */
function vocab(values: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom(...values).chain((v) => fc.nat(v.length - 1).map((i) => v.slice(0, i) + v.slice(i + 1))) },
    { weight: 1, arbitrary: fc.constantFrom(...values).map((v) => `${v}x`) },
  );
}

const WORDS = ['order', 'status', 'invoice', 'customer', 'sync', 'ledger', 'worker', 'stock', 'price', 'case', 'shipment', 'vendor', 'payment', 'asset', 'quote'];
const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** An id: a letter, then letters, digits, `-`, `_` (never a YAML keyword such as `true` or `null`). */
export const idArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.stringMatching(/^[a-z0-9_-]{0,10}$/))
  .map(([first, rest]) => first + rest)
  .filter((id) => !/^(true|false|null|True|False|Null|TRUE|FALSE|NULL)$/.test(id));

const rateArb = fc
  .tuple(fc.nat(2_000), fc.constantFrom('', 'k', 'm', '.5k'), fc.constantFrom(...PERIODS))
  .map(([n, suffix, period]) => `${n}${suffix}/${period}`);

const dateArb = fc.date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Some of the keys of `entries` (each kept with probability ~1/2), in order. */
function some(entries: Record<string, fc.Arbitrary<Plain>>): fc.Arbitrary<Record<string, Plain>> {
  return fc.record(entries, { requiredKeys: [] }) as fc.Arbitrary<Record<string, Plain>>;
}

function waiversArb(): fc.Arbitrary<Plain[]> {
  return fc.array(
    fc.record(
      {
        rule: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...RULE_IDS) }, { weight: 1, arbitrary: idArb }),
        reason: fc.oneof(words(1, 5), fc.constant('')),
        expires: dateArb,
      },
      { requiredKeys: ['rule'] },
    ),
    { maxLength: 2 },
  );
}

export interface GeneratedManifest {
  value: { [key: string]: Plain };
  /** Drives the renderer's choices (styles, quotes, comments). */
  styleSeed: number;
}

/** A manifest in the SPEC format: mostly valid, with the designs the rules flag and now and then a schema error. */
export const manifestArb: fc.Arbitrary<GeneratedManifest> = fc
  .record({
    systemIds: fc.uniqueArray(idArb, { minLength: 1, maxLength: 6 }),
    goalIds: fc.uniqueArray(idArb, { maxLength: 3 }),
    actorIds: fc.uniqueArray(idArb, { maxLength: 2 }),
    styleSeed: fc.integer(),
  })
  .chain(({ systemIds, goalIds, actorIds, styleSeed }) => {
    const system = fc.constantFrom(...systemIds);
    // Now and then an id nothing declares: unknown-reference and its fixes.
    const systemRef = fc.oneof({ weight: 9, arbitrary: system }, { weight: 1, arbitrary: idArb });
    const participant = fc.oneof(system, ...(actorIds.length ? [fc.constantFrom(...actorIds)] : []), idArb);
    const systems = fc.tuple(
      ...systemIds.map((id) =>
        fc
          .tuple(
            fc.record({ id: fc.constant(id), name: words(1, 3), kind: vocab(VOCABULARY.kind) }),
            some({ hosting: vocab(VOCABULARY.hosting), owner: words(1, 2), description: words(2, 6), tags: fc.array(word, { maxLength: 2 }), waivers: waiversArb() }),
          )
          .map(([required, optional]) => ({ ...required, ...optional })),
      ),
    );
    const integration = (index: number) =>
      fc
        .tuple(
          fc.record({ id: fc.constant(`int-${index}`), name: words(1, 4), type: vocab(VOCABULARY.type), from: systemRef, to: systemRef }),
          some({
            direction: vocab(VOCABULARY.direction),
            mode: vocab(VOCABULARY.mode),
            trigger: vocab(VOCABULARY.trigger),
            frequency: fc.constantFrom(...FREQUENCIES),
            volume: rateArb,
            peak: rateArb,
            pattern: vocab(VOCABULARY.pattern),
            via: fc.array(systemRef, { maxLength: 2 }),
            systemOfRecord: systemRef,
            goals: goalIds.length ? fc.subarray(goalIds) : fc.constant([]),
            owner: words(1, 2),
            data: some({ entities: fc.array(word, { maxLength: 2 }), format: vocab(VOCABULARY.format), pii: fc.boolean() }),
            security: some({
              authentication: vocab(VOCABULARY.authentication),
              secrets: fc.oneof({ weight: 9, arbitrary: vocab(VOCABULARY.secrets) }, { weight: 1, arbitrary: fc.constant('AccountName=x;AccountKey=c2VjcmV0') }),
              transport: vocab(VOCABULARY.transport),
              clientSecret: fc.oneof(fc.constant('s3cr3t-value'), fc.constant('key-vault:erp-client')),
            }),
            monitoring: some({ tool: vocab(VOCABULARY.tool), alerts: fc.boolean(), audit: fc.boolean() }),
            errorHandling: some({
              retry: some({ attempts: fc.nat(9), backoff: vocab(VOCABULARY.backoff) }),
              deadLetter: fc.boolean(),
              notify: fc.constant('support@contoso.com'),
            }),
            testing: some({ load: vocab(VOCABULARY.load), endToEnd: vocab(VOCABULARY.load) }),
            steps: fc.array(fc.record({ from: participant, to: participant, action: words(1, 3), async: fc.boolean() }, { requiredKeys: ['from', 'to'] }) as fc.Arbitrary<Plain>, {
              maxLength: 3,
            }),
            waivers: waiversArb(),
          }),
          fc.nat(9),
        )
        .map(([required, optional, typo]) => {
          const value: Record<string, Plain> = { ...required, ...optional };
          // A credential written in the manifest (no-inline-secrets and its fix), rarely.
          if (typo === 1) value['connectionString'] = 'Server=erp;User Id=sync;Password=hunter2';
          // Now and then a misspelt key (schema's rename fix), where the right one is absent.
          if (typo === 0 && !('direction' in value)) value['directon'] = 'two-way';
          return value;
        });
    return fc
      .record(
        {
          solution: fc.record({ name: words(1, 4), description: words(2, 8) }, { requiredKeys: ['name'] }),
          governance: some({ alm: vocab(VOCABULARY.alm), versionControl: fc.boolean(), availability: fc.constant('99.9%') }),
          actors: fc.constant(actorIds.map((id) => ({ id, name: id }))),
          goals: fc.tuple(...goalIds.map((id) => fc.record({ id: fc.constant(id), title: words(2, 5), metric: words(1, 3) }, { requiredKeys: ['id', 'title'] }))),
          systems,
          integrations: fc.nat(5).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => integration(i)))),
          rules: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.oneof(vocab(VOCABULARY.severity), fc.record({ severity: vocab(VOCABULARY.severity), threshold: rateArb }, { requiredKeys: [] })), {
            maxKeys: 2,
          }),
        },
        { requiredKeys: ['solution', 'systems', 'integrations'] },
      )
      .map((parts) => {
        const value: { [key: string]: Plain } = { integrationManifest: 1 };
        for (const [key, part] of Object.entries(parts)) {
          const empty = Array.isArray(part) ? part.length === 0 : typeof part === 'object' && Object.keys(part).length === 0;
          if (!empty) value[key] = part;
        }
        return { value, styleSeed };
      });
  });

// ---- rendering -------------------------------------------------------------------------------

/** A small deterministic generator for the renderer's choices. */
function choices(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

const PLAIN = /^[A-Za-z][A-Za-z0-9 _./@-]*$/;
const KEYWORD = /^(true|false|null|True|False|Null|TRUE|FALSE|NULL|~)$/;

/** Renders a manifest as YAML text with comments; the same manifest always renders the same way. */
export function renderManifest({ value, styleSeed }: GeneratedManifest, options: { crlf?: boolean } = {}): string {
  const rand = choices(styleSeed);
  const chance = (p: number) => rand(1) < p;
  let note = 0;
  const comment = () => `# note-${++note} ${WORDS[Math.floor(rand(WORDS.length))]}`;
  /** What goes before a key or an item: now and then a blank line, or a comment at any column up to the key's. */
  const before = (indent: number): string[] => {
    const lines: string[] = [];
    if (chance(0.05)) lines.push(chance(0.5) ? '' : ' '.repeat(Math.floor(rand(indent + 1))));
    if (chance(0.12)) lines.push(`${' '.repeat(chance(0.7) ? indent : Math.floor(rand(indent + 1)))}${comment()}`);
    return lines;
  };
  /** A line's end: now and then trailing spaces, or a comment after the value. */
  const end = (line: string): string => (chance(0.15) ? `${line}  ${comment()}` : chance(0.05) ? `${line}   ` : line);

  const scalar = (v: string | number | boolean): string => {
    if (typeof v !== 'string') return String(v);
    const plain = PLAIN.test(v) && !KEYWORD.test(v) && !/\s$/.test(v) && !/^\d{4}-\d\d-\d\d$/.test(v);
    if (plain && !chance(0.1)) return v;
    if (!/['\\]/.test(v) && chance(0.3)) return `'${v}'`;
    return JSON.stringify(v);
  };
  const flow = (v: Plain): string => {
    if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
    if (typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }`;
    return scalar(v);
  };
  const isCollection = (v: Plain): v is Plain[] | { [key: string]: Plain } => typeof v === 'object';
  const isEmpty = (v: Plain) => (Array.isArray(v) ? v.length === 0 : isCollection(v) && Object.keys(v).length === 0);

  /** Lines of a block map at `indent`; the first line may hang after a `- ` (its indent is then not written). */
  const blockMap = (map: { [key: string]: Plain }, indent: number, hanging: boolean): string[] => {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    Object.entries(map).forEach(([key, v], i) => {
      const lead = i === 0 && hanging ? '' : pad;
      if (!(i === 0 && hanging)) lines.push(...before(indent));
      if (!isCollection(v) || isEmpty(v) || chance(0.25)) {
        lines.push(end(`${lead}${key}: ${isCollection(v) ? flow(v) : scalar(v)}`));
        return;
      }
      lines.push(chance(0.1) ? `${lead}${key}:  ${comment()}` : `${lead}${key}:`);
      lines.push(...block(v, indent + 2));
    });
    return lines;
  };
  const block = (v: Plain[] | { [key: string]: Plain }, indent: number): string[] => {
    if (!Array.isArray(v)) return blockMap(v, indent, false);
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (const item of v) {
      lines.push(...before(indent));
      if (isCollection(item) && !Array.isArray(item) && !isEmpty(item) && !chance(0.2)) {
        const [first, ...rest] = blockMap(item, indent + 2, true);
        lines.push(`${pad}- ${first}`, ...rest);
      } else {
        lines.push(end(`${pad}- ${isCollection(item) ? flow(item) : scalar(item)}`));
      }
    }
    return lines;
  };

  const lines = chance(0.5) ? [comment()] : [];
  if (chance(0.05)) lines.push('---');
  lines.push(...blockMap(value, 0, false));
  if (chance(0.2)) lines.push(comment());
  const nl = options.crlf ? '\r\n' : '\n';
  return lines.join(nl) + nl;
}

/** A rendered manifest (with its value and seed, for messages). */
export const manifestTextArb: fc.Arbitrary<string> = manifestArb.map((m) => renderManifest(m));

// ---- random edits ----------------------------------------------------------------------------

export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'duplicate-line' | 'delete-line' | 'indent-line' | 'dedent-line' | 'swap-lines'; line: number };

/** Characters that matter to YAML, to this format, and to editors (line breaks, BOM, U+FFFD, a lone surrogate). */
const ALPHABET = [...':-[]{},#&*!|>\'"%@` \t\n\r?~.\\/=', 'a', 'Z', '0', '9', 'é', '\u00a0', '\ufeff', '\ufffd', '\ud800', '\u0000', '😀'];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 }).map((c) => c.join('')) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('  - ', 'id: ', 'from: ', 'via: [', ']', '{', '}', 'mode: sync', '\n  ', '\n- ', ': ', '&a ', '*a', '---\n', '"', "'", '# ', 'integrations:', 'systems:\n'),
  },
);

/** A random edit: offsets and line numbers are fractions, resolved against the text they apply to. */
export const editArb: fc.Arbitrary<{ edit: Edit; where: number }> = fc.record({
  where: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  edit: fc.oneof(
    fragment.map((text) => ({ kind: 'insert' as const, at: 0, text })),
    fc.integer({ min: 1, max: 20 }).map((length) => ({ kind: 'delete' as const, at: 0, length })),
    fragment.map((text) => ({ kind: 'replace' as const, at: 0, text })),
    fc.constantFrom('duplicate-line', 'delete-line', 'indent-line', 'dedent-line', 'swap-lines').map((kind) => ({ kind, line: 0 })),
  ),
});

/** Applies one random edit; returns the new text. */
export function applyRandomEdit(text: string, { edit, where }: { edit: Edit; where: number }): string {
  const at = Math.floor(where * (text.length + 1));
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'replace':
      return text.slice(0, at) + edit.text + text.slice(at + edit.text.length);
    default: {
      const lines = text.split('\n');
      const line = Math.floor(where * lines.length);
      if (edit.kind === 'duplicate-line') lines.splice(line, 0, lines[line]!);
      else if (edit.kind === 'delete-line') lines.splice(line, 1);
      else if (edit.kind === 'indent-line') lines[line] = `  ${lines[line]}`;
      else if (edit.kind === 'dedent-line') lines[line] = lines[line]!.replace(/^ {1,2}/, '');
      else if (line + 1 < lines.length) [lines[line], lines[line + 1]] = [lines[line + 1]!, lines[line]!];
      return lines.join('\n');
    }
  }
}

// ---- English-like sentences ------------------------------------------------------------------

const PROSE = [
  'the', 'a', 'our', 'each', 'every', 'no', 'is', 'are', 'was', 'be', 'kept', 'stored', 'rotated', 'monthly', 'in', 'at', 'by', 'from', 'with', 'for',
  'password', 'passwords', 'Password', 'token', 'tokens', 'Token', 'secret', 'secrets', 'Secret', 'key', 'keys', 'API', 'access', 'shared', 'account',
  'credential', 'credentials', 'connection', 'string', 'vault', 'Key Vault', 'OAuth', 'bearer', 'signature', 'certificate', 'private', 'refresh', 'expires',
  'never', 'always', 'written', 'here', 'team', 'support', 'user', 'service', 'principal', 'client', 'policy', 'reset', 'after', 'days', '90', '30',
];
const PUNCTUATION = ['', '', '', ',', '.', ';', ' -', ' (see wiki)', ':'];

/** Sentences made of everyday words, many about passwords, tokens and secrets, none holding one. */
export const sentenceArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...PROSE), fc.constantFrom(...PUNCTUATION)), { minLength: 3, maxLength: 16 })
  .map((parts) => {
    const text = parts.map(([w, p]) => w + p).join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  });
