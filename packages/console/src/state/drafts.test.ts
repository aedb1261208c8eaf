import { describe, expect, it } from 'vitest';
import { alex, detail, heldDraft, message, pendingAction } from '../test-support/fixtures';
import {
  draftReviewBlocker,
  groupDrafts,
  MAX_DRAFT_LENGTH,
  pendingCounts,
  replaceById,
  reviewerLabel,
  validateDraftEdit,
} from './drafts';

const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 12, 1, second)).toISOString();

describe('groupDrafts', () => {
  it('splits pending (oldest first) from reviewed (newest first) and finds the message answered', () => {
    const messages = [message(1), message(2, { role: 'assistant' }), message(3)];
    const drafts = [
      heldDraft({ id: 'late', messageId: 'm3', createdAt: at(30) }),
      heldDraft({ id: 'old-ok', status: 'approved', reviewedBy: 'Alex', createdAt: at(1) }),
      heldDraft({ id: 'early', messageId: 'm1', createdAt: at(10) }),
      heldDraft({ id: 'new-no', status: 'rejected', createdAt: at(20) }),
      heldDraft({ id: 'edited', status: 'edited', createdAt: at(15) }),
    ];
    const groups = groupDrafts(drafts, messages);
    expect(groups.pending.map((v) => v.draft.id)).toEqual(['early', 'late']);
    expect(groups.pending.map((v) => v.answers?.id)).toEqual(['m1', 'm3']);
    expect(groups.reviewed.map((v) => v.draft.id)).toEqual(['new-no', 'edited', 'old-ok']);
  });

  it('answers null when the customer message is not loaded', () => {
    const groups = groupDrafts([heldDraft({ messageId: 'm99' })], [message(1)]);
    expect(groups.pending[0]!.answers).toBeNull();
  });

  it('is empty without drafts', () => {
    expect(groupDrafts([], [message(1)])).toEqual({ pending: [], reviewed: [] });
  });
});

describe('draftReviewBlocker', () => {
  const owner = { id: alex.id, name: alex.name };
  it('lets only the owner of an assigned conversation review', () => {
    expect(draftReviewBlocker(detail({ state: 'assigned', assignedAgent: owner }), alex.id)).toBe(
      null,
    );
  });

  it('asks a non-owner to claim first, or names the owner', () => {
    expect(draftReviewBlocker(detail({ state: 'queued' }), alex.id)).toMatch(
      /Claim the conversation/,
    );
    expect(draftReviewBlocker(detail({ state: 'bot' }), alex.id)).toMatch(/Claim the conversation/);
    expect(
      draftReviewBlocker(
        detail({ state: 'assigned', assignedAgent: { id: 'agent-sam', name: 'Sam Okafor' } }),
        alex.id,
      ),
    ).toMatch(/Only Sam Okafor/);
  });

  it('blocks a resolved conversation, even for its owner', () => {
    expect(
      draftReviewBlocker(detail({ state: 'resolved', assignedAgent: owner }), alex.id),
    ).toMatch(/resolved/);
  });
});

describe('validateDraftEdit', () => {
  it('refuses an empty or too long text', () => {
    expect(validateDraftEdit('   ')).toMatch(/empty/);
    expect(validateDraftEdit('x'.repeat(MAX_DRAFT_LENGTH + 1))).toMatch(/at most/);
    expect(validateDraftEdit(`  ${'x'.repeat(MAX_DRAFT_LENGTH)}  `)).toBeNull();
  });
});

describe('helpers', () => {
  it('replaces by id or appends', () => {
    const a = heldDraft({ id: 'a' });
    const b = heldDraft({ id: 'b' });
    const b2 = heldDraft({ id: 'b', status: 'rejected' });
    expect(replaceById([a, b], b2)).toEqual([a, b2]);
    expect(replaceById([a], b)).toEqual([a, b]);
  });

  it('counts what is still pending', () => {
    expect(
      pendingCounts({
        drafts: [heldDraft(), heldDraft({ id: 'd2', status: 'edited' })],
        actions: [
          pendingAction(),
          pendingAction({ id: 'a2' }),
          pendingAction({ id: 'a3', status: 'approved' }),
        ],
      }),
    ).toEqual({ pendingDrafts: 1, pendingActions: 2 });
  });

  it('names the signed-in agent "you", by id or by name', () => {
    expect(reviewerLabel(alex.id, alex)).toBe('you');
    expect(reviewerLabel(alex.name, alex)).toBe('you');
    expect(reviewerLabel('Sam Okafor', alex)).toBe('Sam Okafor');
    expect(reviewerLabel(null, alex)).toBeNull();
    expect(reviewerLabel('Sam Okafor', undefined)).toBe('Sam Okafor');
  });
});
