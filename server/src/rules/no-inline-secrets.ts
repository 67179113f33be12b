import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { forEveryUser, inlineYaml, setIn, type TextEdit } from '../document/edits';
import { keyText, nodeAt, resolved, spanOf } from '../document/nodes';
import type { Span } from '../document/range';
import type { Item } from '../model/manifest';
import { waivableItemAt } from '../model/itemAt';
import { integrationAt } from './helpers';
import { defineRule } from './types';

/**
 * Key names that hold a credential, in any case, also as a suffix (`dbPassword`,
 * `client_secret`, `erp-connection-string`). `secrets` (where secrets are kept) is not one.
 */
const SECRET_KEY = /(?:password|passwd|secret|api[-_]?key|access[-_]?key|token|shared[-_]?key|connection[-_]?string)$/i;

/** Values that point at a secret kept elsewhere rather than holding it. */
const REFERENCE = /^(?:key-vault:|env:|\$\{.*\}$)/i;

/**
 * Credentials recognizable in any value. Deliberately narrow: each needs a marker that prose
 * does not contain (`AccountKey=`, `eyJ...`, `AKIA...`), so "the password is rotated" never fires.
 */
const SECRET_VALUES: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /AccountKey\s*=\s*[^;\s]/i, what: 'a storage account key' },
  { pattern: /SharedAccessKey\s*=\s*[^;\s]/i, what: 'a shared access key' },
  { pattern: /(?:^|;)\s*(?:Password|Pwd)\s*=\s*(?!\$\{)[^;\s]/i, what: 'a password in a connection string' },
  { pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, what: 'a private key' },
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, what: 'a JSON Web Token' },
  { pattern: /\bAKIA[0-9A-Z]{16}\b/, what: 'an AWS access key' },
  { pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/, what: 'a GitHub token' },
  { pattern: /[?&]sig=[A-Za-z0-9%+/=]{20,}/, what: 'a shared access signature' },
  { pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==/, what: 'an Azure storage key' },
];

/** Values read between two points where the caller may pause (about a millisecond's work). */
const SCALARS_PER_STEP = 500;

/** A cheap test that rules out most values before the patterns run. */
const MAYBE_SECRET = /=|eyJ|AKIA|gh[pousr]_|github_pat_|-----BEGIN/;

/** What credential a scalar holds, or undefined. */
function credentialIn(key: string | undefined, value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0 && MAYBE_SECRET.test(value)) {
    const match = SECRET_VALUES.find((s) => s.pattern.test(value));
    if (match) return match.what;
  }
  if (key === undefined || !SECRET_KEY.test(key)) return undefined;
  if (typeof value === 'number' || typeof value === 'bigint') return 'a credential';
  if (typeof value === 'string' && value.trim() !== '' && !REFERENCE.test(value.trim())) return 'a credential';
  return undefined;
}

/** `dbPassword` -> `db-password`: a valid Key Vault secret name part. */
function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** The Key Vault secret name a fix writes: item id and key, e.g. `erp-sync-password`. */
function secretName(item: Item | undefined, key: string | undefined): string {
  const name = [item?.id, key].filter((p): p is string => !!p).map(kebab).filter(Boolean).join('-');
  return (name || 'secret').slice(0, 127);
}

function trimmedSpan(text: string, start: number, end: number): Span {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** What the fix needs: the name of the Key Vault secret to refer to. */
interface SecretData extends Record<string, unknown> {
  secretName: string;
}

export default defineRule<SecretData>({
  id: 'no-inline-secrets',
  severity: 'error',
  category: 'correctness',
  summary: 'No credential is written in the manifest: passwords, keys, tokens and connection strings live in Azure Key Vault.',
  *check({ manifest }) {
    let read = 0;
    for (const { node, site, key, ownKey } of valueScalars(manifest.document.yaml.contents)) {
      const what = credentialIn(ownKey ? key : undefined, node.value);
      // Every value of the manifest is read, most without a finding: a point to pause now and then.
      if (++read % SCALARS_PER_STEP === 0) yield;
      if (!what) continue;
      const span = trimmedSpan(manifest.document.text, site.range![0], site.range![1]);
      const item = waivableItemAt(manifest, span.start);
      const name = secretName(item, key);
      const where = item ? ` (in ${item.kind} \`${item.id}\`)` : '';
      const label = key ? `\`${key}\`` : 'This value';
      yield {
        span,
        ...(item ? { item } : {}),
        message: `${label} holds ${what} in plain text${where}. Keep credentials out of the manifest: store it in Azure Key Vault and write a reference such as \`key-vault:${name}\`, then rotate the exposed secret.`,
        data: { secretName: name },
      };
    }
  },
  readData: (raw) => (typeof raw['secretName'] === 'string' && raw['secretName'] !== '' ? { secretName: raw['secretName'] } : undefined),
  fixes(manifest, { span, data }) {
    const name = data.secretName;
    const integration = integrationAt(manifest, span.start);
    const secretsAt = spanOf(nodeAt(integration?.node, ['security', 'secrets']))?.start;
    // A credential written into `security.secrets` itself: that key only says where secrets are kept.
    if (secretsAt === span.start)
      return [{ title: 'Keep the secret in Azure Key Vault (`secrets: key-vault`)', preferred: true, edits: forEveryUser([{ start: span.start, end: span.end, newText: 'key-vault' }]) }];
    // A credential in plain text is wrong for everyone who shares it, and keeping secrets in Key Vault is right for every integration: a shared anchor takes both.
    const edits: TextEdit[] = forEveryUser([{ start: span.start, end: span.end, newText: inlineYaml(`key-vault:${name}`) }]);
    if (integration && integration.security.secrets !== 'key-vault')
      edits.push(...forEveryUser(setIn(manifest.document, integration.node, ['security', 'secrets'], 'key-vault')));
    return [{ title: `Replace with a Key Vault reference (\`key-vault:${name}\`)`, preferred: true, edits }];
  },
});

/**
 * Every scalar value of the tree (not keys) with the key that names it: its own pair's key
 * (`ownKey`), or for a list item the key of the list, and where it is shown (`site`): the
 * scalar, or the alias that stands for it (`password: *pw` is a credential under that key,
 * shown there). An alias of a collection is not entered: its scalars are checked where they
 * are written. An explicit stack, not recursion, so that deeply nested input cannot exhaust
 * the call stack; faster than yaml's `visit`, which also builds a path for every key.
 */
function* valueScalars(root: unknown): Generator<{ node: Scalar; site: Node; key: string | undefined; ownKey: boolean }> {
  const stack: { node: unknown; key: string | undefined; ownKey: boolean }[] = [{ node: root, key: undefined, ownKey: false }];
  while (stack.length > 0) {
    const { node, key, ownKey } = stack.pop()!;
    if (isScalar(node)) {
      if (node.range) yield { node, site: node, key, ownKey };
    } else if (isAlias(node)) {
      const target = resolved(node);
      if (isScalar(target) && node.range) yield { node: target, site: node, key, ownKey };
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        stack.push({ node: pair.value, key: keyText(pair), ownKey: true });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], key, ownKey: false });
    }
  }
}
