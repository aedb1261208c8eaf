import { describe, expect, it } from 'vitest';
import { resolveSchema } from '@baton/shared';
import { emptyResolveDraft, validateResolveDraft } from './resolveDraft';

describe('validateResolveDraft', () => {
  it('names every missing field', () => {
    const result = validateResolveDraft(emptyResolveDraft());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual([
        'escalation',
        'packetUsefulness',
        'rootCause',
      ]);
    }
  });

  it('builds an outcome the server schema accepts, note trimmed and omitted when blank', () => {
    const result = validateResolveDraft({
      escalation: 'late',
      rootCause: 'policy_ambiguity',
      packetUsefulness: 4,
      note: '   ',
    });
    expect(result).toEqual({
      ok: true,
      outcome: { escalation: 'late', rootCause: 'policy_ambiguity', packetUsefulness: 4 },
    });
    if (result.ok) {
      expect(
        resolveSchema.safeParse({ conversationId: 'c1', outcome: result.outcome }).success,
      ).toBe(true);
    }
  });

  it('keeps a note', () => {
    const result = validateResolveDraft({
      escalation: 'needed',
      rootCause: 'none',
      packetUsefulness: 5,
      note: ' refund approved ',
    });
    expect(result.ok && result.outcome.note).toBe('refund approved');
  });

  it('rejects an overlong note', () => {
    const result = validateResolveDraft({
      escalation: 'needed',
      rootCause: 'none',
      packetUsefulness: 5,
      note: 'x'.repeat(2001),
    });
    expect(result.ok).toBe(false);
  });
});
