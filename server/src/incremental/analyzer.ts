/**
 * The incremental analyzer of one document: each call takes the document's whole new text,
 * re-parses only what changed since the previous call, and gives what `analyze()` of the
 * whole text gives (the same document tree, model and problems).
 *
 * It owns the YAML nodes it hands out and moves them in place on the next call: use an
 * analysis only until the next call for the same document.
 */
import { checkManifest, runToEnd, todayUtc, type Analysis, type AnalysisOptions, type Problem, type RuleRuntime } from '../analysis/analyze';
import { IntegrationFindings } from '../analysis/integrationFindings';
import { manifestDocumentOf, type ManifestDocument } from '../document/manifestDocument';
import type { Manifest } from '../model/manifest';
import { LineIndex } from '../document/lineIndex';
import { IncrementalParser, type ParserStats, type PiecewiseParse } from './incrementalParser';
import { editBetween, type TextEdit } from './layout';
import { modelOf, warmModel } from './incrementalModel';
import type { UnitParse } from './unitParse';
import { isScalar, type Pair } from 'yaml';

export interface ParsedManifest {
  document: ManifestDocument;
  manifest: Manifest;
  /** Why the whole text was parsed at once, if it was (see `IncrementalParser`). */
  fallback: string | undefined;
}

export class IncrementalAnalyzer {
  private readonly parser = new IncrementalParser();
  private last: (ParsedManifest & { text: string; pieces: PiecewiseParse }) | undefined;
  private readonly kept = new IntegrationFindings();

  /** `runtime`: the rules to run (the catalog by default) and where a rule that throws is reported. */
  constructor(private readonly runtime: RuleRuntime = {}) {}

  /** How many integrations the rules that read one at a time checked, and how many they skipped, in the last check. */
  get ruleStats(): { checked: number; reused: number } {
    return this.kept.stats;
  }

  /** How much of the last text was parsed anew. */
  get stats(): ParserStats {
    return this.parser.stats;
  }

  /**
   * The document and model of `text` (the cheap part of an analysis: what completion and hover
   * read). `edits`, when given, says how the text of an earlier version became this one's.
   */
  parse(text: string, uri?: string, version = 0, edits?: VersionEdits): ParsedManifest {
    return runToEnd(this.parseSteps(text, uri, version, undefined, edits));
  }

  /**
   * `parse`, a step after each unit parsed anew, then (with `warm`) after each unit's model
   * items and, with `warm.data`, its plain data are read: what the lazy model would read at
   * once on first use. No other call on this analyzer may come before the steps are done.
   */
  *parseSteps(text: string, uri?: string, version = 0, warm?: { data: boolean }, edits?: VersionEdits): Generator<void, ParsedManifest> {
    const last = this.last;
    if (last && last.text === text && last.document.uri === (uri ?? last.document.uri) && last.document.version === version) return last;
    // The edit from the last text is found once, for the parser (when it laid out the same text) and the line index.
    const edit = last ? editFrom(last, text, uri, version, edits) : undefined;
    const parsed = yield* this.parser.parseSteps(text, last && edit ? { ...edit, before: last.text } : undefined);
    // A first text's line index is made a megabyte a step (a 10 MB manifest's takes some 20 ms).
    const lines = last && edit ? linesAfterEdit(last.document, text, edit) : yield* LineIndex.inSteps(text);
    const document = manifestDocumentOf(text, parsed.parsed, uri, version, lines);
    const manifest = modelOf(document, parsed);
    this.last = { text, document, manifest, fallback: parsed.fallback, pieces: parsed };
    if (warm) yield* warmModel(document, parsed, warm.data);
    return this.last;
  }

  /**
   * The problems of the last text parsed, a step at a time (see `checkManifest`): what
   * `analyze()` gives. When only integrations changed since the last check, the rules that
   * read one integration at a time check only those.
   */
  check(options: AnalysisOptions = {}, manifest?: Manifest): Generator<void, Problem[]> {
    const last = this.last;
    if (!last) throw new Error('check() before parse()');
    // The model of an older text (its analysis outlived a newer parse): checked as it is, nothing kept.
    if (manifest && manifest !== last.manifest) return checkManifest(manifest, options, undefined, this.runtime);
    const context = contextOf(last.pieces, last.manifest, options);
    if (!context) {
      this.kept.forget();
      return checkManifest(last.manifest, options, undefined, this.runtime);
    }
    this.kept.begin(context, last.manifest.integrations);
    return checkManifest(last.manifest, options, this.kept, this.runtime);
  }

  /** `analyze()` of the whole text. */
  analyze(text: string, uri?: string, version = 0, options: AnalysisOptions = {}): Analysis {
    const { document, manifest } = this.parse(text, uri, version);
    return { document, manifest, problems: runToEnd(this.check(options)) };
  }
}

/**
 * What the rules read besides the integrations: the options, the integrations' ids, and every
 * unit of text that is not an integration (kept as the same object while its text is
 * unchanged). Undefined when the text was parsed whole (there are no units to compare).
 */
function contextOf(pieces: PiecewiseParse, manifest: Manifest, options: AnalysisOptions): unknown[] | undefined {
  const { layout, units } = pieces;
  if (!layout || !units) return undefined;
  // The estate's key: imported systems join the namespace and the estate-wide rules read the others.
  const context: unknown[] = [JSON.stringify(options.settings ?? {}), options.today ?? todayUtc(), options.estate?.key ?? '', manifest.integrations.map((i) => i.id).join('\n')];
  let index = 0;
  for (const section of layout.sections) {
    const head = units[index++]!;
    context.push(head);
    const integrations = section.items.length > 0 && isIntegrationsHead(head);
    for (let i = 0; i < section.items.length; i++, index++) if (!integrations) context.push(units[index]);
  }
  return context;
}

/** Whether the list of a section hangs on the `integrations` key (the head's last key). */
function isIntegrationsHead(head: UnitParse): boolean {
  const pairs = head.nodes as Pair[];
  const key = pairs[pairs.length - 1]?.key;
  return isScalar(key) && key.value === 'integrations';
}

/** How the text of one version of a document became that of another, when known (the editor sends the ranges it changed). */
export type VersionEdits = (from: number, to: number) => TextEdit | undefined;

/**
 * How the last text parsed became `text`: as the document's edits say, or else found by
 * comparing the two texts (a 5 MB text takes milliseconds).
 */
function editFrom(last: ParsedManifest & { text: string }, text: string, uri: string | undefined, version: number, edits: VersionEdits | undefined): TextEdit {
  const said = edits && last.document.uri === uri ? edits(last.document.version, version) : undefined;
  if (said && said.prefix >= 0 && said.suffix >= 0 && said.prefix + said.suffix <= Math.min(last.text.length, text.length)) return said;
  return editBetween(last.text, text);
}

/** The line index of `text`, from that of the document's text before one edit. */
function linesAfterEdit(before: ManifestDocument, text: string, { prefix, suffix }: TextEdit): LineIndex {
  return LineIndex.afterEdit(before.lines, text, prefix, before.text.length - suffix, text.length - suffix);
}
