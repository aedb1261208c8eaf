import { z } from 'zod';
import type { AssistantInput, AssistantProposal, ProposedIntent } from './assistant';
import type { KnowledgeBase } from './knowledgeBase';
import { findMissingContext } from './missingContext';
import { draftReply, NOT_UNDERSTOOD_DRAFT } from './replyDraft';
import { scoreSentiment } from './scoreSentiment';

/** What the model must answer with: the JSON object the system prompt describes, nothing more. */
export const modelOutputSchema = z.strictObject({
  intent: z.string().trim().min(1),
  confidence: z.number().min(0).max(1),
  domains: z.array(z.string().trim().min(1).max(40)).max(10),
  amount: z
    .strictObject({
      value: z.number().nonnegative().max(1e9),
      currency: z
        .string()
        .regex(/^[A-Za-z]{3}$/)
        .nullable(),
    })
    .nullable(),
  language: z.string().regex(/^[a-z]{2}$/, { error: 'must be an ISO 639-1 code' }),
  humanRequest: z.boolean(),
  reply: z.string().max(2000),
  sources: z.array(z.string().trim().min(1)).max(10),
  sentiment: z.number().min(-1).max(1),
  missingContext: z.array(z.string().trim().min(1).max(120)).max(10),
});
export type ModelOutput = z.infer<typeof modelOutputSchema>;

export type MappedOutput =
  { ok: true; proposal: AssistantProposal } | { ok: false; reason: string };

const NONE = 'none';
/** A context path the reply may cite besides approved answers, e.g. 'context.orders[0]'. */
const CONTEXT_SOURCE = /^context\.[A-Za-z0-9_.[\]]+$/;

/** Figures in a text as numbers, so that "$1,299.50" and a context total of 1299.5 agree. */
function figures(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((f) => String(Number(f.replace(/,/g, ''))));
}

/**
 * The model's answer as an {@link AssistantProposal}, or the reason it cannot be trusted. The
 * model names facts; everything with consequences is taken from the knowledge base (tier, domain,
 * action, which answers exist) or checked against it (sources, the figures in the reply).
 * Signals that only ever add caution (the more negative sentiment, a request for a person) are
 * combined with Baton's own detectors, so the model can raise them but never hide them.
 */
export function mapModelOutput(
  output: ModelOutput,
  kb: KnowledgeBase,
  input: AssistantInput,
): MappedOutput {
  const byName = new Map(kb.intents.map((intent) => [intent.name, intent]));
  const entry = output.intent === NONE ? null : byName.get(output.intent);
  if (entry === undefined) {
    return { ok: false, reason: `the model chose an intent not in the knowledge base` };
  }
  const reply = output.reply.trim();
  const sources = [...new Set(output.sources)];
  const unknown = sources.find(
    (s) => !(s.startsWith('kb:') && byName.has(s.slice(3))) && !CONTEXT_SOURCE.test(s),
  );
  if (unknown !== undefined) {
    return { ok: false, reason: 'the reply cites a source not in the knowledge base' };
  }
  if (entry === null && reply !== '') {
    return { ok: false, reason: 'the model replied without choosing an intent' };
  }
  if (reply !== '' && !sources.some((s) => s.startsWith('kb:'))) {
    return { ok: false, reason: 'the reply cites no knowledge-base answer' };
  }
  if (reply !== '') {
    // Approved answers and the storefront's context are the only places a figure may come from:
    // a refund amount or a date the model made up would read as a promise.
    const allowed = new Set([
      ...sources
        .filter((s) => s.startsWith('kb:'))
        .flatMap((s) => figures(byName.get(s.slice(3))!.answer)),
      ...figures(JSON.stringify(input.context)),
    ]);
    if (figures(reply).some((f) => !allowed.has(f))) {
      return { ok: false, reason: 'the reply states a figure not in its sources' };
    }
  }

  const intent: ProposedIntent | null = entry && {
    name: entry.name,
    confidence: Math.round(output.confidence * 1000) / 1000,
    tier: entry.tier,
    domain: entry.domain,
    action: entry.action,
  };
  // Without a reply of its own, the intent's approved answer (with order facts) is the draft.
  const draft =
    reply !== ''
      ? { text: reply, sources }
      : entry
        ? draftReply(entry, input.text, input.context)
        : { text: NOT_UNDERSTOOD_DRAFT, sources: [] };
  const knownDomains = new Set(kb.intents.map((i) => i.domain));
  const domains = [...new Set(output.domains.map((d) => d.toLowerCase()))].filter(
    (d) => knownDomains.has(d) && d !== entry?.domain,
  );
  const missingContext = [
    ...new Set([...findMissingContext(entry?.requires, input.context), ...output.missingContext]),
  ];
  return {
    ok: true,
    proposal: {
      intent,
      replyDraft: draft.text,
      sources: draft.sources,
      amount: output.amount && {
        value: output.amount.value,
        currency: output.amount.currency?.toUpperCase() ?? null,
        source: 'model',
      },
      missingContext,
      sentiment: Math.min(output.sentiment, scoreSentiment(input.text)),
      domains,
      language: output.language,
      humanRequest: output.humanRequest,
    },
  };
}
