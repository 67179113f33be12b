/**
 * The systems, goals and actors a reference may name. They come from the model; when the
 * YAML does not parse, the model may miss items, so the lists are also read from the text
 * line by line and the two are merged. Then come those of the manifests it imports
 * (`manifest.imported`), each with its file.
 */
import type { Analysis } from '../../analysis/analyze';
import type { ManifestDocument } from '../../document/manifestDocument';
import type { Item, ItemKind } from '../../model/manifest';
import { familyOf, type SystemFamily } from '../../model/vocabulary';
import { readFlow } from './flow';
import { lineInfo } from './lines';

export interface Candidate {
  id: string;
  kind: ItemKind;
  name?: string;
  systemKind?: string;
  family?: SystemFamily;
  hosting?: string;
  domain?: string;
  owner?: string;
  description?: string;
  /** For an item of an imported manifest: that manifest, as a person reads its path. */
  file?: string;
}

export type ListKey = 'systems' | 'goals' | 'actors' | 'integrations';

const KIND_OF: Readonly<Record<ListKey, ItemKind>> = { systems: 'system', goals: 'goal', actors: 'actor', integrations: 'integration' };

/** Every list an id can be looked for in. */
export const LIST_KEYS = Object.keys(KIND_OF) as readonly ListKey[];

/** The list that holds items of `kind`. */
export function listOfKind(kind: ItemKind): ListKey {
  return LIST_KEYS.find((list) => KIND_OF[list] === kind)!;
}

export function candidates(analysis: Analysis, list: ListKey): Candidate[] {
  const result: Candidate[] = [];
  const seen = new Set<string>();
  for (const item of analysis.manifest[list]) {
    if (!item.id || seen.has(item.id)) continue;
    seen.add(item.id);
    result.push(candidateOf(item));
  }
  if (analysis.document.syntaxProblems.some((p) => p.severity === 'error'))
    for (const scanned of scanList(analysis.document, list)) {
      if (seen.has(scanned.id)) continue;
      seen.add(scanned.id);
      result.push(scanned);
    }
  const kind = KIND_OF[list];
  for (const [id, items] of analysis.manifest.imported) {
    const item = items.find((i) => i.kind === kind);
    if (!item || seen.has(id)) continue;
    seen.add(id);
    result.push(candidateOf(item));
  }
  return result;
}

export function candidateOf(item: Item): Candidate {
  return {
    id: item.id,
    kind: item.kind,
    ...defined({ name: item.name, description: item.description, file: item.origin?.file }),
    ...(item.kind === 'system' ? defined({ systemKind: item.systemKind, family: item.family, hosting: item.hosting, domain: item.domain, owner: item.owner }) : {}),
  };
}

/** `o` without its undefined properties (optional properties are absent, never `undefined`). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function unquote(raw: string): string {
  return /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** The items of a top-level list read from the text: each `- ` item's `key: value` lines, or its flow map. */
export function scanList(document: ManifestDocument, list: ListKey): Candidate[] {
  const count = document.lines.lineCount;
  let l = 0;
  for (; l < count; l++) {
    const info = lineInfo(document, l);
    if (info.indent === 0 && info.dashes.length === 0 && info.key?.name === list) break;
  }
  const items: Record<string, string>[] = [];
  let dashCol = -1;
  let itemCol = -1;
  for (l++; l < count; l++) {
    const info = lineInfo(document, l);
    if (info.blank) continue;
    if (info.indent === 0 && info.dashes.length === 0) break;
    if (info.dashes.length > 0 && (dashCol < 0 || info.dashes[0] === dashCol)) {
      dashCol = info.dashes[0]!;
      itemCol = info.contentCol;
      items.push({});
      // An item written as a flow map: `- { id: erp, kind: erp }`, perhaps over several lines.
      if (!info.key && document.text[info.content.start] === '{') {
        const fields = items.at(-1)!;
        for (const e of readFlow(document.text, info.content.start, info.indent).entries)
          if (e.key && e.value && !e.child) fields[e.key.name] = unquote(document.text.slice(e.value.start, e.value.end));
        itemCol = -1; // its following lines belong to the flow map
        continue;
      }
    }
    if (info.key && info.contentCol === itemCol && items.length > 0) {
      items.at(-1)![info.key.name] = unquote(document.text.slice(info.value!.start, info.value!.end));
    }
  }
  const kind = KIND_OF[list];
  return items
    .filter((fields) => fields['id'] && /^[A-Za-z][A-Za-z0-9_-]*$/.test(fields['id']))
    .map((fields) => ({
      id: fields['id']!,
      kind,
      ...defined({
        name: fields['name'] ?? fields['title'],
        description: fields['description'],
        ...(kind === 'system' ? { systemKind: fields['kind'], family: familyOf(fields['kind']), hosting: fields['hosting'], owner: fields['owner'] } : {}),
      }),
    }));
}

