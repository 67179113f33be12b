/**
 * Interaction diagrams (ARCHITECTURE.md, "The diagram path"): one sequence diagram per integration. From its `steps` when
 * it has them; otherwise derived: the trigger, then `from` → each `via` → `to`, with replies
 * for a synchronous call. Either way the failure path closes the diagram as an `alt` block
 * drawn from `errorHandling`: the abnormal path the guidance asks every design to plan.
 */
import { keySpan, nodeAt, pairOf } from '../document/nodes';
import type { Span } from '../document/range';
import { spanIn } from '../model/itemAt';
import { findItem, type Integration, type Manifest, type Ref } from '../model/manifest';
import { writtenAmount } from './application';
import { mermaidId, sequenceText } from '../../../shared/src/mermaidText';
import { NO_FINDINGS, type Counts } from './findings';
import type { DiagramTarget, InteractionDiagram } from '../../../shared/src/diagrams';

interface Message {
  from: string;
  to: string;
  arrow: '->>' | '-)' | '-->>';
  text: string;
  target: DiagramTarget;
}

export function interactionDiagram(manifest: Manifest, integration: Integration, counts: Counts = NO_FINDINGS): InteractionDiagram {
  const b = new SequenceBuilder(manifest, integration);
  const source = integration.steps.some((s) => s.from && s.to) ? 'steps' : 'derived';
  if (source === 'steps') fromSteps(b, integration);
  else derive(b, integration);
  failurePath(b, integration);
  return {
    integrationId: integration.id,
    title: integration.name ?? integration.id,
    mermaid: b.toMermaid(),
    source,
    participants: b.participants,
    messages: b.messages.map((m) => m.target),
    span: integration.span,
    errors: counts.errors,
    warnings: counts.warnings,
  };
}

class SequenceBuilder {
  readonly participants: Record<string, DiagramTarget> = {};
  readonly messages: Message[] = [];
  private readonly declarations: string[] = [];
  private readonly body: string[] = [];
  private readonly byRef = new Map<string, string>();
  /** The sender of the last message into the target: where a failure is seen. */
  lastHop: { from: string; to: string; arrow: Message['arrow'] } | undefined;

  constructor(
    readonly manifest: Manifest,
    readonly integration: Integration,
  ) {}

  /** The participant for a system or actor reference, declared on first use. */
  participant(ref: Ref): string {
    const known = this.byRef.get(ref.id);
    if (known) return known;
    const id = mermaidId('p', this.byRef.size);
    this.byRef.set(ref.id, id);
    const item = findItem(this.manifest, ref.id);
    const isActor = item?.kind === 'actor';
    const name = item && (item.kind === 'system' || item.kind === 'actor') ? (item.name ?? item.id) : `${ref.id} (not declared)`;
    this.declarations.push(`  ${isActor ? 'actor' : 'participant'} ${id} as ${sequenceText(name) || sequenceText(ref.id)}`);
    if (item && (item.kind === 'system' || item.kind === 'actor')) this.participants[id] = { itemId: item.id, kind: item.kind, span: item.span, selection: item.idSpan };
    return id;
  }

  /** A participant that is not a manifest item (the trigger, the dead-letter queue, who is notified). */
  extra(id: string, keyword: 'actor' | 'participant', label: string, selection: Span): string {
    if (!this.declarations.some((d) => d.startsWith(`  ${keyword} ${id} `))) {
      this.declarations.push(`  ${keyword} ${id} as ${label}`);
      this.participants[id] = this.target(selection);
    }
    return id;
  }

  target(selection: Span, span: Span = this.integration.span, kind: DiagramTarget['kind'] = 'integration'): DiagramTarget {
    return { itemId: this.integration.id, kind, span, selection };
  }

  private depth = 1;

  message(m: Message): void {
    this.messages.push(m);
    this.line(`${m.from}${m.arrow}${m.to}: ${m.text}`);
  }

  line(text: string): void {
    this.body.push('  '.repeat(this.depth) + text);
  }

  /** Opens a block (`alt ...`, `loop ...`); `close` writes its `end`. */
  open(text: string): void {
    this.line(text);
    this.depth++;
  }

  close(): void {
    this.depth--;
    this.line('end');
  }

  toMermaid(): string {
    return ['sequenceDiagram', ...this.declarations, ...this.body].join('\n') + '\n';
  }
}

function fromSteps(b: SequenceBuilder, integration: Integration): void {
  for (const step of integration.steps) {
    if (!step.from || !step.to) continue;
    const from = b.participant(step.from);
    const to = b.participant(step.to);
    const arrow = step.async ? '-)' : '->>';
    b.message({ from, to, arrow, text: sequenceText(step.action) || 'no action described', target: b.target(step.span, step.span, 'step') });
    b.lastHop = { from, to, arrow };
  }
}

function derive(b: SequenceBuilder, integration: Integration): void {
  const i = integration;
  if (!i.from || !i.to) {
    b.line(`Note over ${b.extra('p_missing', 'participant', sequenceText(i.name ?? i.id) || 'Integration', i.idSpan)}: wrap: Declare from and to to see this integration's sequence`);
    return;
  }
  const trigger = triggerParticipant(b, i);
  const path = [i.from, ...i.via, i.to];
  const ids = path.map((r) => b.participant(r));
  const async = i.mode === 'async' || i.mode === 'batch';
  const payload = payloadText(i);
  if (trigger) b.message({ from: trigger.id, to: ids[0]!, arrow: '->>', text: trigger.text, target: b.target(valueSpan(i, 'trigger') ?? i.idSpan) });
  for (let k = 0; k + 1 < ids.length; k++) {
    const arrow = async ? '-)' : '->>';
    b.message({ from: ids[k]!, to: ids[k + 1]!, arrow, text: k === 0 ? payload : 'Forward', target: b.target(path[k + 1]!.span) });
    b.lastHop = { from: ids[k]!, to: ids[k + 1]!, arrow };
  }
  if (!async) {
    const replySpan = valueSpan(i, 'mode') ?? i.idSpan;
    for (let k = ids.length - 1; k > 0; k--) b.message({ from: ids[k]!, to: ids[k - 1]!, arrow: '-->>', text: k === ids.length - 1 && i.twoWay ? 'Response with changes' : 'Response', target: b.target(replySpan) });
    if (trigger?.user) b.message({ from: ids[0]!, to: trigger.id, arrow: '-->>', text: 'Shows the result', target: b.target(replySpan) });
  } else if (i.twoWay) {
    const back = `Changes from ${sequenceText(systemName(b, i.to))}`;
    for (let k = ids.length - 1; k > 0; k--) b.message({ from: ids[k]!, to: ids[k - 1]!, arrow: '-)', text: back, target: b.target(valueSpan(i, 'direction') ?? i.idSpan) });
  }
}

function triggerParticipant(b: SequenceBuilder, i: Integration): { id: string; text: string; user: boolean } | undefined {
  const at = valueSpan(i, 'trigger') ?? i.idSpan;
  if (i.trigger === 'user') return { id: b.extra('t0', 'actor', 'User', at), text: `Starts ${sequenceText(i.name ?? i.id)}`, user: true };
  if (i.trigger === 'schedule') {
    const when = i.frequency ? sequenceText(i.frequency) : 'on schedule';
    return { id: b.extra('t0', 'participant', `Schedule (${when})`, at), text: 'Starts the run', user: false };
  }
  if (i.trigger === 'event') return { id: b.extra('t0', 'participant', 'Event', at), text: 'Triggers the integration', user: false };
  return undefined;
}

/** What travels on the first hop: the entities and format, and how much as written (`8k/day`). */
function payloadText(i: Integration): string {
  const what = i.data.entities.length ? i.data.entities.map((e) => sequenceText(e, 40)).join(', ') : sequenceText(i.name ?? i.id);
  const format = i.data.format ? ` (${sequenceText(i.data.format)})` : '';
  const amount = writtenAmount(i);
  const rate = amount ? ` · ${sequenceText(amount, 32)}` : '';
  return (i.mode === 'batch' ? 'Batch of ' : '') + what + format + rate;
}

function failurePath(b: SequenceBuilder, i: Integration): void {
  const hop = b.lastHop;
  if (!hop) return;
  const eh = i.errorHandling;
  const at = keySpan(pairOf(i.node, 'errorHandling')) ?? i.idSpan;
  const receiver = hop.to;
  b.open('alt Delivery fails');
  if (!eh.present) {
    // `wrap:` lets Mermaid wrap the note to its box instead of letting it run past the edges.
    b.line(`Note over ${hop.from},${receiver}: wrap: ⚠ No errorHandling: failures are lost. Add retries, a dead-letter queue and a notification.`);
    b.close();
    return;
  }
  if (eh.retryAttempts !== undefined && eh.retryAttempts > 0) {
    const backoff = eh.backoff ? `, ${sequenceText(eh.backoff)} backoff` : '';
    b.open(`loop Up to ${eh.retryAttempts} retr${eh.retryAttempts === 1 ? 'y' : 'ies'}${backoff}`);
    b.message({ from: hop.from, to: receiver, arrow: hop.arrow, text: 'Retry', target: b.target(valueSpan(i, 'errorHandling', 'retry') ?? at) });
    b.close();
  } else {
    b.line(`Note over ${hop.from}: No retries declared`);
  }
  if (eh.deadLetter === true) {
    const dlq = b.extra('d0', 'participant', 'Dead-letter queue', valueSpan(i, 'errorHandling', 'deadLetter') ?? at);
    b.message({ from: hop.from, to: dlq, arrow: '-)', text: 'Park the failed message', target: b.target(valueSpan(i, 'errorHandling', 'deadLetter') ?? at) });
  }
  if (eh.notify) {
    const notifyAt = valueSpan(i, 'errorHandling', 'notify') ?? at;
    const who = b.extra('n0', 'participant', sequenceText(eh.notify, 48) || 'Support', notifyAt);
    b.message({ from: hop.from, to: who, arrow: '-)', text: 'Notify', target: b.target(notifyAt) });
  }
  if (eh.deadLetter !== true && !eh.notify && !(eh.retryAttempts && eh.retryAttempts > 0)) {
    b.line(`Note over ${hop.from}: wrap: errorHandling declares no retry, dead-letter or notify`);
  }
  b.close();
}

function systemName(b: SequenceBuilder, ref: Ref): string {
  return findItem(b.manifest, ref.id)?.name ?? ref.id;
}

/** The span of a value under the integration (`trigger`, `errorHandling.notify`), if written. */
/** Where the value at `path` is written for this integration (on the alias when it comes from a shared anchor); undefined when absent. */
function valueSpan(i: Integration, ...path: string[]): Span | undefined {
  return nodeAt(i.node, path) === undefined ? undefined : spanIn(i, path);
}
