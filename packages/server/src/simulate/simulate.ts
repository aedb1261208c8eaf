import type { Lane, MessageRole, RiskTier, TriggerName, Unit } from '@baton/shared';
import { laneRank, type Policy } from '@baton/escalation';
import { assistantFailureReason, type Assistant, type AssistantProposal } from '../assistant';
import { buildContacts, classifyWithAssistant, contactsInWindow } from '../services/contactTopics';
import { planTurn, type TurnPlan, type TurnRecord } from '../services/turnPlanner';
import type { ConversationInput } from './parseInput';

/** The fixed clock of a replay, so that a run is repeatable. */
export const DEFAULT_SIMULATION_NOW = new Date('2026-01-01T12:00:00Z');

export interface SimulationDeps {
  assistant: Assistant;
  /** The acting policy. */
  policy: Policy;
  now: Date;
}

/** One customer turn of a replay, as `pnpm simulate` prints it. */
export interface SimulatedTurn {
  /** 1-based customer turn. */
  turn: number;
  /** The intent the engine saw; null for a button press or when nothing matched. */
  intent: string | null;
  confidence: number | null;
  /** The lane the turn was handled in. */
  lane: Lane;
  triggers: TriggerName[];
  /** Whether an assistant message reached the customer on this turn. */
  assistantReplied: boolean;
}

/** One conversation of a replay; the key order is the output format. */
export interface SimulatedConversation {
  id: string;
  /** The highest lane reached (autonomous < assisted < human). */
  lane: Lane;
  /** Unit, tier and queue of the decision that first reached `lane`. */
  unit: Unit | null;
  tier: RiskTier;
  /** Every trigger that fired, in order of first appearance. */
  triggers: TriggerName[];
  queue: string | null;
  /** First 1-based turn handled outside the autonomous lane, or null. */
  escalatedAtTurn: number | null;
  policyVersion: string;
  turns: SimulatedTurn[];
}

function toTurn(plan: TurnPlan): SimulatedTurn {
  // A guess under the floor is shown with its confidence: it set nothing, but it explains a reply.
  const intent = plan.facts.intent ?? plan.facts.guess ?? null;
  return {
    turn: plan.facts.turn,
    intent: intent?.name ?? null,
    confidence: intent?.confidence ?? null,
    lane: plan.turnLane,
    triggers: plan.decision?.triggers.map((hit) => hit.name) ?? [],
    assistantReplied: plan.replyText !== null,
  };
}

function summarise(
  id: string,
  policy: Policy,
  plans: TurnPlan[],
  turns: SimulatedTurn[],
): SimulatedConversation {
  let lane: Lane = 'autonomous';
  let deciding: TurnPlan | null = null;
  let maxTier: RiskTier = 1;
  const triggers = new Set<TriggerName>();
  for (const plan of plans) {
    if (laneRank(plan.turnLane) > laneRank(lane)) {
      lane = plan.turnLane;
      deciding = plan;
    }
    if (plan.decision) {
      if (plan.decision.tier > maxTier) maxTier = plan.decision.tier;
      for (const hit of plan.decision.triggers) triggers.add(hit.name);
    }
  }
  const escalated = turns.find((t) => t.lane !== 'autonomous');
  const decision = deciding?.decision ?? null;
  return {
    id,
    lane,
    unit: decision?.unit ?? null,
    tier: decision?.tier ?? maxTier,
    triggers: [...triggers],
    queue: decision?.queue ?? null,
    escalatedAtTurn: escalated?.turn ?? null,
    policyVersion: policy.version,
    turns,
  };
}

/**
 * Replays one conversation through the real assistant and the server's turn planner: the same
 * explicit-request detection, engine decision and sticky lane as a live conversation, with no
 * network, no storage and the clock fixed at `deps.now`.
 */
export async function simulateConversation(
  input: ConversationInput,
  deps: SimulationDeps,
): Promise<SimulatedConversation> {
  const { assistant, policy, now } = deps;
  const context = input.context;
  // The same topic classification as the server; a replay has no history of its own.
  const contacts = await buildContacts({
    storefront: contactsInWindow(
      input.context.recentContacts ?? [],
      policy.repeatContact.windowDays,
    ),
    history: [],
    now,
    classify: classifyWithAssistant(assistant),
  });
  const prior: TurnRecord[] = [];
  /** What the assistant would see as history: the customer's words and replies that were sent. */
  const history: { role: MessageRole; text: string }[] = [];
  let lane: Lane = 'autonomous';
  const plans: TurnPlan[] = [];

  for (const message of input.messages) {
    const text = message.kind === 'text' ? message.text : null;
    // The server does not ask the assistant once a person owns the conversation. A failing
    // assistant (an LLM's timeout or invalid output) hands the turn to a person, as on the server.
    let proposal: AssistantProposal | null = null;
    let assistantFailure: string | undefined;
    if (text !== null && lane !== 'human') {
      try {
        proposal = await assistant.propose({ text, context, history: [...history] });
      } catch (error) {
        assistantFailure = assistantFailureReason(error);
      }
    }
    const plan = planTurn({
      text,
      proposal,
      ...(assistantFailure !== undefined && { assistantFailure }),
      context,
      prior,
      lane,
      policy,
      now,
      contacts,
      // Further business domains the assistant found in the message (multi_domain).
      domains: proposal?.domains ?? [],
    });
    plans.push(plan);
    prior.push({
      text,
      intent: plan.facts.intent,
      sentiment: text === null ? null : (plan.proposal?.sentiment ?? null),
      decision: plan.decision,
    });
    lane = plan.lane;
    if (text !== null) history.push({ role: 'customer', text });
    // What the customer actually saw: the reply or the one clarifying question.
    if (plan.replyText !== null) history.push({ role: 'assistant', text: plan.replyText });
  }

  return summarise(input.id, policy, plans, plans.map(toTurn));
}

/** Replays every conversation, one after another; results are in input order. */
export async function simulateAll(
  inputs: readonly ConversationInput[],
  deps: SimulationDeps,
): Promise<SimulatedConversation[]> {
  const results: SimulatedConversation[] = [];
  for (const input of inputs) results.push(await simulateConversation(input, deps));
  return results;
}

/** One output line (JSON Lines). */
export function toJsonLine(result: SimulatedConversation): string {
  return JSON.stringify(result);
}
