import type { EscalationOutcome, RootCause } from '@baton/shared';
import type { ResolveOutcome } from './consoleStore';
import type { UsefulnessScore } from './labels';

/** The resolve form while the agent fills it in. */
export interface ResolveDraft {
  escalation: EscalationOutcome | null;
  rootCause: RootCause | null;
  packetUsefulness: UsefulnessScore | null;
  note: string;
}

export const MAX_NOTE_LENGTH = 2000;

export const emptyResolveDraft = (): ResolveDraft => ({
  escalation: null,
  rootCause: null,
  packetUsefulness: null,
  note: '',
});

export type ResolveErrors = Partial<Record<keyof ResolveDraft, string>>;

/** Either the outcome to send, or a message per missing field. */
export function validateResolveDraft(
  draft: ResolveDraft,
): { ok: true; outcome: ResolveOutcome } | { ok: false; errors: ResolveErrors } {
  const errors: ResolveErrors = {};
  if (!draft.escalation) errors.escalation = 'Say whether the escalation was needed.';
  if (!draft.rootCause) errors.rootCause = 'Choose a root cause ("None" if there was none).';
  if (!draft.packetUsefulness) errors.packetUsefulness = 'Rate the packet from 1 to 5.';
  const note = draft.note.trim();
  if (note.length > MAX_NOTE_LENGTH)
    errors.note = `Keep the note under ${MAX_NOTE_LENGTH} characters.`;
  if (!draft.escalation || !draft.rootCause || !draft.packetUsefulness || errors.note) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    outcome: {
      escalation: draft.escalation,
      rootCause: draft.rootCause,
      packetUsefulness: draft.packetUsefulness,
      ...(note ? { note } : {}),
    },
  };
}
