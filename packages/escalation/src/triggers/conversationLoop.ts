import { assessment, type Assessment } from '../assessment';
import type { PriorTurn, TurnFacts } from '../facts';
import type { Policy } from '../policy';
import { saysNotAnswered } from '../notAnswered';
import { isUnderThreshold } from './lowConfidence';

function priorUnclear(turn: PriorTurn): boolean {
  if (turn.triggers.includes('explicit_human_request')) return false;
  return turn.intent === null || turn.triggers.includes('low_confidence');
}

/**
 * conversation_loop (medium): the customer has been on the same unresolved need for `turns`
 * consecutive turns, this one included — the same intent again, or the assistant not
 * understanding again (no intent or low confidence). Together with low confidence that makes
 * two mediums: a person takes over instead of the assistant asking a third time.
 */
export function conversationLoop(facts: TurnFacts, policy: Policy): Assessment[] {
  if (facts.text === null) return [];
  const name = facts.intent?.name ?? null;
  const unclear = facts.intent === null || isUnderThreshold(facts.intent, policy);
  let streak = 1;
  for (let i = facts.priorTurns.length - 1; i >= 0; i--) {
    const prior = facts.priorTurns[i]!;
    const same = (name !== null && prior.intent === name) || (unclear && priorUnclear(prior));
    if (!same) break;
    streak++;
  }
  if (streak < policy.loop.turns) {
    // The customer says the answers are not answering ("you're just repeating the same thing",
    // "that's not what I asked") after the assistant answered alone: a loop in their words, even
    // when the turns were read as different intents.
    const cue = saysNotAnswered(facts.text);
    const answered = facts.priorTurns.some((t) => t.lane === 'autonomous');
    if (cue === null || !answered) return [];
    return [
      assessment(
        'conversation_loop',
        `the customer says the answers are not answering ("${cue}")`,
        { turns: streak, intent: name, cue },
        { severity: 'medium', unit: 'answer' },
      ),
    ];
  }
  return [
    assessment(
      'conversation_loop',
      name !== null && !unclear
        ? `"${name}" came up ${streak} turns in a row without being resolved`
        : `${streak} turns in a row the customer's need was not understood`,
      { turns: streak, intent: name },
      { severity: 'medium', unit: 'answer' },
    ),
  ];
}
