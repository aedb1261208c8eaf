import { assessment, type Assessment } from '../assessment';
import type { HumanRequestFact } from '../facts';

/**
 * explicit_human_request: the customer asked for a person, in words or with the button. Human
 * lane, whole conversation, on this turn — no policy setting weakens it.
 */
export function explicitRequest(request: HumanRequestFact | null): Assessment[] {
  if (!request) return [];
  const reason =
    request.source === 'button'
      ? 'the customer pressed the button to talk to a person'
      : request.source === 'assistant'
        ? "the assistant read a request for a person in the customer's words"
        : `the customer asked for a person${request.phrase ? ` ("${request.phrase}")` : ''}`;
  return [
    assessment(
      'explicit_human_request',
      reason,
      { source: request.source, phrase: request.phrase },
      { severity: 'high', unit: 'conversation', floor: 'human' },
    ),
  ];
}
