/**
 * The MCP tool `checklist`: the integration strategy checklist of one manifest (SPEC 13, 15), as
 * `integration-manifests checklist --format json` gives it: every item of the guidance's checklist
 * with its id, our wording, its status and evidence, and the estimated operating costs.
 */
import * as z from 'zod';
import type { Analysis } from '../analysis/analyze';
import { CHECKLIST_STATUSES, checklistOf } from '../checklist/checklist';

const COUNT = z.number().int().nonnegative();
const AMOUNT = z
  .object({ currency: z.string(), monthly: z.number().describe('Per month at the declared volumes.'), atPeak: z.number().describe('Per month if the peaks held all month.') })
  .describe('A monthly cost in one currency; amounts in different currencies are never added.');

export const CHECKLIST_DESCRIPTION =
  "The integration strategy checklist of one manifest: every item of the guidance's checklist (business goals, platform, design, pattern, project governance) with its id, its wording, a status — met (with the fields that show it), at-risk (with the findings that bear on it), open (nothing in the manifest speaks to it yet) or manual (a manifest cannot show it; answers are recorded under `checklist:` in the manifest) — and the estimated operating costs per system and per currency. Use it to review how far a design is, or what is left before go-live.";

export const CHECKLIST_OUTPUT = {
  file: z.string(),
  solution: z.string().nullable(),
  counts: z.object({ met: COUNT, 'at-risk': COUNT, open: COUNT, manual: COUNT }).describe('How many items have each status.'),
  items: z.array(
    z.object({
      id: z.string().describe('The item id, the key its answer is recorded under (`checklist: { <id>: { status, note } }`).'),
      section: z.string(),
      sectionTitle: z.string(),
      text: z.string().describe('The item, in our words.'),
      status: z.enum(CHECKLIST_STATUSES as [string, ...string[]]),
      evidence: z.array(z.string()).describe('What shows the status: fields of the manifest, or the recorded answer.'),
      findings: z.array(z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info', 'hint']), message: z.string(), line: COUNT, column: COUNT })),
      answer: z.object({ status: z.enum(['met', 'at-risk', 'open']).nullable(), note: z.string().nullable() }).nullable().describe('The answer recorded in the manifest, if any.'),
    }),
  ),
  costs: z.object({
    totals: z.array(AMOUNT).describe('The solution per month, one total per currency.'),
    systems: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string().nullable(), amounts: z.array(AMOUNT) })).describe('Each system with a cost, middleware first.'),
    unpriced: z.array(z.string()).describe('Costs that could not be turned into money, and why.'),
  }),
};

export function checklistAnswer(name: string, analysis: Analysis): z.infer<z.ZodObject<typeof CHECKLIST_OUTPUT>> {
  const result = checklistOf(analysis);
  return {
    file: name,
    solution: result.solution ?? null,
    counts: result.counts,
    items: result.items.map((i) => ({
      ...i,
      findings: i.findings.map(({ rule, severity, message, line, column }) => ({ rule, severity, message, line, column })),
      answer: i.answer ? { status: i.answer.status ?? null, note: i.answer.note ?? null } : null,
    })),
    costs: { ...result.costs, systems: result.costs.systems.map((s) => ({ ...s, kind: s.kind ?? null })) },
  };
}
