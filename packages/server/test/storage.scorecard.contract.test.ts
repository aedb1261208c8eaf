import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeldDraft, Lane, RiskTier } from '@baton/shared';
import { createSqlStore, migrate, type SqlDatabase, type Store } from '../src/storage';
import { computeScorecard, NO_TRANSFERS_NOTE } from '../src/services/scorecard';
import { newConversation, storageBackends, testPacket } from './support/backends';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** [intent, domain, tier] of a decision's classified intent; null when nothing was understood. */
type Intent = [string, string, RiskTier] | null;

/**
 * The scorecard's arithmetic over a hand-written day, on both backends. The seed (period
 * [t0, t0 + 1 day)):
 *
 * | conv | lanes decided (policy)      | intent (domain)          | what people did                                                              |
 * |------|-----------------------------|--------------------------|------------------------------------------------------------------------------|
 * | C1   | auto, auto (v1)             | order_status (orders)    | nobody; recontact C7 (same customer id, other browser) 2 days later; CSAT 4; drawn, not audited |
 * | C2   | auto (v1)                   | store_hours (store)      | nobody; later contacts C12 (other topic) and C13 (same, 8 days later); drawn, audited missed |
 * | C3   | auto (v2)                   | – (nothing understood)   | nobody; drawn, audited ok                                                    |
 * | C4   | assisted (v1)               | refund_status (billing)  | queued billing (estimate 5 min), claimed after 4 min; drafts approved, edited, rejected, one closed unreviewed; outcome late, usefulness 4; CSAT 5 |
 * | C5   | auto, human (v2)            | refund_request (billing) | queued general (estimate 10 min), SLA breached, claimed after 12 min; transferred after the claim; outcome unnecessary, usefulness 2; CSAT 2 then 3 |
 * | C6   | human (v2)                  | – (the button)           | queued general (no estimate), claimed after 1 min; action denied; outcome late, usefulness 5 |
 * | C8   | auto, assisted (v1)         | returns (orders)         | queued billing with a pending draft; nobody came                             |
 * | C11  | human (v2)                  | order_status (orders)    | a transfer row before its claim; queued general (estimate 3), claimed after 1 min; outcome needed, usefulness 3 |
 * | C9   | – (no decision)             |                          | not in the scorecard                                                         |
 * | C10  | auto (v1), started before t0|                          | not in the scorecard                                                         |
 */
describe.each(storageBackends('Scorecard storage contract'))(
  'Scorecard contract: $name',
  (backend) => {
    let db: SqlDatabase;
    let store: Store;
    let cleanup: () => Promise<void>;
    const t0 = new Date('2026-03-02T09:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const ids: Record<string, string> = {};

    async function decide(
      conversationId: string,
      minute: number,
      lane: Lane,
      intent: Intent,
      policyVersion: string,
      turn: number,
    ) {
      await store.recordDecision({
        conversationId,
        messageId: null,
        turn,
        mode: 'enforce',
        decision: {
          lane,
          unit: lane === 'autonomous' ? null : 'conversation',
          tier: intent?.[2] ?? 1,
          triggers: [],
          queue: null,
          reasons: [],
          policyVersion,
        },
        facts: {
          text: 'x',
          intent: intent && {
            name: intent[0],
            domain: intent[1],
            tier: intent[2],
            confidence: 0.9,
          },
        },
        now: at(minute),
      });
    }

    async function queue(conversationId: string, minute: number, name: string, slaMinutes = 500) {
      await store.enqueue(conversationId, {
        lane: 'human',
        unit: 'conversation',
        tier: 2,
        queue: name,
        slaDeadline: at(minute + slaMinutes),
        packet: testPacket(conversationId),
        now: at(minute),
      });
    }

    const estimate = (conversationId: string, queueName: string, minutes: number, minute: number) =>
      store.recordWaitEstimates({
        conversationIds: [conversationId],
        queue: queueName,
        minutes,
        basis: 'test',
        now: at(minute),
      });

    const outcome = (escalation: 'needed' | 'unnecessary' | 'late', packetUsefulness: number) => ({
      escalation,
      rootCause: 'none' as const,
      packetUsefulness,
    });

    beforeAll(async () => {
      const opened = await backend.open();
      db = opened.db;
      cleanup = opened.cleanup;
      await migrate(db);
      store = createSqlStore(db);
      await store.upsertSite({ id: 's1', siteKey: 'key-1', name: 'Shop', allowedOrigins: [] });
      await store.upsertAgent({
        id: 'a1',
        email: 'a1@example.com',
        name: 'A One',
        passwordHash: 'x',
        queues: ['billing', 'general'],
        capacity: 10,
      });
      const conv = async (name: string, minute: number, visitorOf?: string) => {
        const c = visitorOf
          ? await store.createConversation({
              siteId: 's1',
              visitorId: (await store.getConversation(ids[visitorOf]!))!.visitorId,
              now: at(minute),
            })
          : await newConversation(store, at(minute));
        ids[name] = c.id;
        return c;
      };

      // C1: assistant only; the same customer (by id) comes back from another browser as C7.
      const c1 = await conv('C1', 0);
      await store.updateVisitor(c1.visitorId, { externalId: 'cust-1' });
      await decide(c1.id, 0, 'autonomous', ['order_status', 'orders', 1], 'v1', 1);
      await decide(c1.id, 1, 'autonomous', ['order_status', 'orders', 1], 'v1', 2);
      const c7 = await conv('C7', 2 * 24 * 60);
      await store.updateVisitor(c7.visitorId, { externalId: 'cust-1' });
      await decide(c7.id, 2 * 24 * 60, 'autonomous', ['order_status', 'orders', 1], 'v1', 1);
      expect(
        (await store.submitCsat({ conversationId: c1.id, rating: 4, comment: null, now: at(2) }))
          ?.replaced,
      ).toBe(false);

      // C2: assistant only; its visitor comes back on another topic (C12) and, too late, on the
      // same one (C13, 8 days later).
      const c2 = await conv('C2', 3);
      await decide(c2.id, 3, 'autonomous', ['store_hours', 'store', 1], 'v1', 1);
      const c12 = await conv('C12', 3 * 24 * 60, 'C2');
      await decide(c12.id, 3 * 24 * 60, 'autonomous', ['order_status', 'orders', 1], 'v1', 1);
      const c13 = await conv('C13', 8 * 24 * 60 + 10, 'C2');
      await decide(c13.id, 8 * 24 * 60 + 10, 'autonomous', ['store_hours', 'store', 1], 'v1', 1);

      // C3: assistant only, nothing understood (unknown topic).
      const c3 = await conv('C3', 5);
      await decide(c3.id, 5, 'autonomous', null, 'v2', 1);

      // C4: assisted from the first turn, claimed after 4 minutes (promised about 5).
      const c4 = await conv('C4', 10);
      await decide(c4.id, 10, 'assisted', ['refund_status', 'billing', 2], 'v1', 1);
      await queue(c4.id, 10, 'billing');
      expect(await estimate(c4.id, 'billing', 5, 10)).toBe(1);
      expect(await estimate(c4.id, 'billing', 9, 11)).toBe(0); // the first one shown stays
      const drafts: HeldDraft[] = [];
      for (let i = 0; i < 4; i++) {
        drafts.push(
          await store.createDraft({
            conversationId: c4.id,
            messageId: `m${i}`,
            text: 'd',
            now: at(10),
          }),
        );
      }
      expect((await store.claim(c4.id, 'a1', at(14))).ok).toBe(true);
      const review = (i: number, status: 'approved' | 'edited' | 'rejected') =>
        store.reviewDraft({
          conversationId: c4.id,
          draftId: drafts[i]!.id,
          status,
          reviewedBy: 'a1',
          now: at(15),
        });
      await review(0, 'approved');
      await review(1, 'edited');
      await review(2, 'rejected');
      await store.resolve(c4.id, 'a1', outcome('late', 4), at(16)); // closes draft 3 unreviewed
      await store.submitCsat({ conversationId: c4.id, rating: 5, comment: 'quick', now: at(17) });

      // C5: the assistant first, then a person; the SLA lapsed; claimed after 12 minutes
      // (promised about 10); transferred after the claim.
      const c5 = await conv('C5', 20);
      await decide(c5.id, 20, 'autonomous', ['refund_request', 'billing', 3], 'v2', 1);
      await decide(c5.id, 21, 'human', ['refund_request', 'billing', 3], 'v2', 2);
      await queue(c5.id, 21, 'general', 10);
      await estimate(c5.id, 'general', 10, 21);
      const breached = await store.takeSlaBreaches(at(31), {}, 100);
      expect(breached.map((b) => b.conversationId)).toEqual([c5.id]);
      expect((await store.claim(c5.id, 'a1', at(33))).ok).toBe(true);
      await store.recordTransfer({
        conversationId: c5.id,
        fromQueue: 'general',
        toQueue: 'billing',
        fromAgentId: 'a1',
        toAgentId: null,
        note: 'refunds sit with billing',
        now: at(34),
      });
      await store.resolve(c5.id, 'a1', outcome('unnecessary', 2), at(35));
      expect(
        (await store.submitCsat({ conversationId: c5.id, rating: 2, comment: null, now: at(36) }))
          ?.replaced,
      ).toBe(false);
      expect(
        (await store.submitCsat({ conversationId: c5.id, rating: 3, comment: 'ok', now: at(37) }))
          ?.replaced,
      ).toBe(true);

      // C6: the button at once; no estimate was shown; an action denied; outcome late.
      const c6 = await conv('C6', 40);
      await decide(c6.id, 40, 'human', null, 'v2', 1);
      await queue(c6.id, 40, 'general');
      expect((await store.claim(c6.id, 'a1', at(41))).ok).toBe(true);
      const action = await store.createAction({
        conversationId: c6.id,
        action: 'refund',
        intent: 'refund_request',
        amount: { value: 250, currency: 'USD' },
        reasons: ['above the limit'],
        now: at(41),
      });
      await store.decideAction({
        conversationId: c6.id,
        actionId: action.id,
        status: 'denied',
        decidedBy: 'a1',
        note: null,
        now: at(42),
      });
      await store.resolve(c6.id, 'a1', outcome('late', 5), at(43));

      // C8: up to assisted with a draft waiting; nobody came.
      const c8 = await conv('C8', 50);
      await decide(c8.id, 50, 'autonomous', ['returns', 'orders', 2], 'v1', 1);
      await decide(c8.id, 51, 'assisted', ['returns', 'orders', 2], 'v1', 2);
      await store.createDraft({ conversationId: c8.id, messageId: 'm8', text: 'd', now: at(51) });
      await queue(c8.id, 51, 'billing');

      // C11: a person at once, promised about 3 minutes, claimed after 1; a transfer row from
      // before the claim does not count.
      const c11 = await conv('C11', 58);
      await decide(c11.id, 58, 'human', ['order_status', 'orders', 1], 'v2', 1);
      await store.recordTransfer({
        conversationId: c11.id,
        fromQueue: 'billing',
        toQueue: 'general',
        fromAgentId: null,
        toAgentId: null,
        note: null,
        now: at(58.5),
      });
      await queue(c11.id, 59, 'general');
      await estimate(c11.id, 'general', 3, 59);
      expect((await store.claim(c11.id, 'a1', at(60))).ok).toBe(true);
      await store.resolve(c11.id, 'a1', outcome('needed', 3), at(62));

      // C9: no decision at all; C10: started before the period.
      await conv('C9', 70);
      const c10 = await conv('C10', -60);
      await decide(c10.id, -60, 'autonomous', ['order_status', 'orders', 1], 'v1', 1);

      // Audits: C1 drawn (pending), C2 missed, C3 ok.
      const drawn = await store.insertAuditSamples(
        ['C1', 'C2', 'C3'].map((n) => ({ conversationId: ids[n]!, queue: 'general' })),
        1,
        at(100),
      );
      expect(drawn).toHaveLength(3);
      await store.recordAuditVerdict({
        conversationId: ids.C2!,
        verdict: 'missed',
        note: 'refund talk',
        auditedBy: 'a1',
        now: at(101),
      });
      await store.recordAuditVerdict({
        conversationId: ids.C3!,
        verdict: 'ok',
        note: null,
        auditedBy: 'a1',
        now: at(102),
      });
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    const routed = (c: { domain: string | null }) =>
      c.domain === 'billing' ? 'billing' : 'general';
    const card = async (by: 'queue' | 'intent' | 'tier' | 'policyVersion' = 'queue') =>
      computeScorecard(await store.scorecardFacts(t0, new Date(t0.getTime() + DAY)), by, routed);

    it('counts the conversations started in the period that have a decision', async () => {
      const facts = await store.scorecardFacts(t0, new Date(t0.getTime() + DAY));
      const names = Object.fromEntries(Object.entries(ids).map(([n, id]) => [id, n]));
      expect(facts.conversations.map((c) => names[c.id])).toEqual([
        'C1',
        'C2',
        'C3',
        'C4',
        'C5',
        'C6',
        'C8',
        'C11',
      ]);
      const { overall } = await card();
      expect(overall.conversations).toBe(8);
    });

    it('autonomous resolution, overall and by ticket type', async () => {
      const { overall } = await card();
      // C1, C2, C3 of C1 C2 C3 C4 C5 C6 C8 C11: 3/8.
      expect(overall.autonomousResolution).toEqual({ numerator: 3, denominator: 8, rate: 3 / 8 });
      const byIntent = Object.fromEntries(
        (await card('intent')).groups.map((g) => [g.key, g.metrics]),
      );
      // order_status: C1 (assistant only) and C11 (a person): 1/2.
      expect(byIntent.order_status!.autonomousResolution).toEqual({
        numerator: 1,
        denominator: 2,
        rate: 0.5,
      });
      // (unknown): C3 (assistant only) and C6 (the button): 1/2.
      expect(byIntent['(unknown)']!.autonomousResolution.numerator).toBe(1);
      expect(byIntent['(unknown)']!.autonomousResolution.denominator).toBe(2);
      expect(byIntent.refund_status!.autonomousResolution).toEqual({
        numerator: 0,
        denominator: 1,
        rate: 0,
      });
    });

    it('assisted-response acceptance: approved, edited, rejected of the reviewed drafts', async () => {
      const { draftAcceptance } = (await card()).overall;
      // C4: approved, edited, rejected (3 reviewed) + one closed at resolve; C8: one pending.
      expect(draftAcceptance).toEqual({
        reviewed: 3,
        approved: { numerator: 1, denominator: 3, rate: 1 / 3 },
        edited: { numerator: 1, denominator: 3, rate: 1 / 3 },
        rejected: { numerator: 1, denominator: 3, rate: 1 / 3 },
        pending: 1,
        closed: 1,
      });
    });

    it('human override: rejected draft, denied action or unnecessary, of escalated conversations a person reached', async () => {
      const { humanOverride } = (await card()).overall;
      // Reached by a person above autonomous: C4, C5, C6, C11 (C8 was never reached) = 4.
      // Overridden: C4 (draft rejected), C5 (unnecessary), C6 (action denied) = 3 → 3/4.
      expect(humanOverride).toEqual({
        numerator: 3,
        denominator: 4,
        rate: 0.75,
        draftRejected: 1,
        actionDenied: 1,
        outcomeUnnecessary: 1,
      });
    });

    it('late escalation: a higher lane later that reached a person, or the late outcome', async () => {
      const { lateEscalation } = (await card()).overall;
      // Started below human: C1 C2 C3 C4 C5 C8 = 6 (C6, C11 started human; C6's `late` is not counted).
      // Late: C5 (auto → human, claimed after) by decision; C4 (outcome late). C8 rose but nobody
      // came → 2/6.
      expect(lateEscalation).toEqual({
        numerator: 2,
        denominator: 6,
        rate: 2 / 6,
        byDecision: 1,
        byOutcome: 1,
      });
    });

    it('recontact within 7 days on the same issue after an assistant-only conversation', async () => {
      const { recontact7d } = (await card()).overall;
      // Assistant-only with a known topic: C1, C2 (C3's topic is unknown). C1 → C7 (same customer
      // id, order_status, 2 days). C2 → C12 is another topic, C13 is 8 days later. 1/2.
      expect(recontact7d).toEqual({ numerator: 1, denominator: 2, rate: 0.5, unknownTopic: 1 });
    });

    it('high-risk miss review: missed of audited', async () => {
      const { missReview } = (await card()).overall;
      // Drawn C1 C2 C3; audited C2 (missed), C3 (ok) → 1/2; C1 pending.
      expect(missReview).toEqual({
        numerator: 1,
        denominator: 2,
        rate: 0.5,
        sampled: 3,
        pending: 1,
      });
    });

    it('packet usefulness: mean and distribution', async () => {
      const { packetUsefulness } = (await card()).overall;
      // C4 4, C5 2, C6 5, C11 3 → (4 + 2 + 5 + 3) / 4 = 3.5.
      expect(packetUsefulness).toEqual({
        count: 4,
        mean: 3.5,
        distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 1 },
      });
    });

    it('specialist bounce: transfers after a claim, of claimed conversations', async () => {
      const { overall, groups } = await card('policyVersion');
      // Claimed: C4 C5 C6 C11; transferred after the claim: C5 (C11's row is before its claim) → 1/4.
      expect(overall.specialistBounce).toEqual({
        numerator: 1,
        denominator: 4,
        rate: 0.25,
        note: null,
      });
      // v1's only claimed conversation (C4) had none: 0 of 1, said so.
      const v1 = groups.find((g) => g.key === 'v1')!.metrics;
      expect(v1.specialistBounce).toEqual({
        numerator: 0,
        denominator: 1,
        rate: 0,
        note: NO_TRANSFERS_NOTE,
      });
    });

    it('wait-estimate accuracy: median absolute error and claims within the promise', async () => {
      const { waitEstimate } = (await card()).overall;
      // Claims: C4 4 min (promised 5), C5 12 (10), C6 1 (none shown), C11 1 (3).
      // |4−5| = 1, |12−10| = 2, |1−3| = 2 → median 2; within: C4, C11 → 2/3.
      expect(waitEstimate).toEqual({
        claims: 4,
        withEstimate: 3,
        medianAbsErrorMinutes: 2,
        withinEstimate: { numerator: 2, denominator: 3, rate: 2 / 3 },
      });
    });

    it('SLA attainment and CSAT', async () => {
      const { slaAttainment, csat } = (await card()).overall;
      // Stays: C4, C5 (breached), C6, C11 → 3 within / 4.
      expect(slaAttainment).toEqual({ numerator: 3, denominator: 4, rate: 0.75, breaches: 1 });
      // C1 4, C4 5, C5 3 (its 2 was replaced) → mean 4; satisfied (4–5): C1, C4 → 2/3.
      expect(csat).toEqual({
        count: 3,
        mean: 4,
        distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
        satisfied: { numerator: 2, denominator: 3, rate: 2 / 3 },
      });
    });

    it('by policy version, with null rates where there is nothing to divide', async () => {
      const byVersion = Object.fromEntries(
        (await card('policyVersion')).groups.map((g) => [g.key, g.metrics]),
      );
      expect(Object.keys(byVersion)).toEqual(['v1', 'v2']);
      const v1 = byVersion.v1!;
      const v2 = byVersion.v2!;
      // v1: C1 C2 C4 C8; v2: C3 C5 C6 C11.
      expect(v1.autonomousResolution).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
      expect(v2.autonomousResolution).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
      // v2 has no drafts: no acceptance rate at all (not 0%).
      expect(v2.draftAcceptance.approved).toEqual({ numerator: 0, denominator: 0, rate: null });
      // v2's only assistant-only conversation (C3) has no known topic.
      expect(v2.recontact7d).toEqual({ numerator: 0, denominator: 0, rate: null, unknownTopic: 1 });
      // v2 overrides: C5, C6 of C5 C6 C11 → 2/3; v1: C4 of C4 → 1/1.
      expect(v2.humanOverride.numerator / v2.humanOverride.denominator).toBe(2 / 3);
      expect(v1.humanOverride.rate).toBe(1);
      // Late, v1: C4 of C1 C2 C4 C8 → 1/4; v2: C5 of C3 C5 → 1/2.
      expect([v1.lateEscalation.rate, v2.lateEscalation.rate]).toEqual([0.25, 0.5]);
      // Packet usefulness, v2: (2 + 5 + 3) / 3.
      expect(v2.packetUsefulness.mean).toBeCloseTo(10 / 3, 10);
      // SLA, v2: C6, C11 of C5 C6 C11 → 2/3.
      expect(v2.slaAttainment).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3, breaches: 1 });
    });

    it('by queue: where a person took it, else where routing would send it', async () => {
      const byQueue = Object.fromEntries(
        (await card('queue')).groups.map((g) => [g.key, g.metrics]),
      );
      expect(Object.keys(byQueue)).toEqual(['billing', 'general']);
      // billing: C4 (claimed there) and C8 (waits there); general: the rest (C1 C2 C3 routed by
      // their domains, C5 C6 C11 claimed there).
      expect(byQueue.billing!.conversations).toBe(2);
      expect(byQueue.general!.conversations).toBe(6);
      expect(byQueue.general!.autonomousResolution.rate).toBe(0.5);
      // Stays by the queue they waited in: billing C4; general C5 (breached) C6 C11.
      expect(byQueue.billing!.slaAttainment).toEqual({
        numerator: 1,
        denominator: 1,
        rate: 1,
        breaches: 0,
      });
      expect(byQueue.general!.slaAttainment).toEqual({
        numerator: 2,
        denominator: 3,
        rate: 2 / 3,
        breaches: 1,
      });
    });

    it('an empty period has no rates, never 0%', async () => {
      const empty = computeScorecard(
        await store.scorecardFacts(at(-10 * 24 * 60), at(-9 * 24 * 60)),
        'queue',
        routed,
      );
      expect(empty.overall.conversations).toBe(0);
      expect(empty.overall.autonomousResolution.rate).toBeNull();
      expect(empty.overall.waitEstimate.medianAbsErrorMinutes).toBeNull();
      expect(empty.overall.csat.mean).toBeNull();
      expect(empty.groups).toEqual([]);
    });

    it('audit draws: a stable hash under the share, each conversation drawn once even when drawn at once', async () => {
      // 40 assistant-only conversations a month later; half of them by hash.
      const base = 30 * 24 * 60;
      const created: string[] = [];
      for (let i = 0; i < 40; i++) {
        const c = await newConversation(store, at(base + i));
        await decide(c.id, base + i, 'autonomous', ['order_status', 'orders', 1], 'v2', 1);
        created.push(c.id);
      }
      // One that reached a person is never eligible.
      const handled = await newConversation(store, at(base + 50));
      await decide(handled.id, base + 50, 'human', null, 'v2', 1);
      await queue(handled.id, base + 50, 'general');
      const window = { from: at(base), to: at(base + 60), share: 0.5, minTier: 1 };
      const hash = (id: string) =>
        parseInt(createHash('md5').update(id).digest('hex').slice(0, 8), 16) / 2 ** 32;
      const expected = created.filter((id) => hash(id) < 0.5).sort();
      const candidates = await store.auditCandidates(window);
      expect(candidates.map((c) => c.conversationId)).toEqual(expected);
      const samples = candidates.map((c) => ({
        conversationId: c.conversationId,
        queue: 'general',
      }));
      // Two nodes drawing the same samples at the same moment: each conversation once, in total.
      const [a, b] = await Promise.all([
        store.insertAuditSamples(samples, 0.5, at(base + 61)),
        store.insertAuditSamples(samples, 0.5, at(base + 61)),
      ]);
      expect([...a, ...b].sort()).toEqual(expected);
      expect(a.filter((id) => b.includes(id))).toEqual([]);
      // Drawing again finds nothing new; tier 2 and above finds none of these tier-1 ones.
      expect(await store.auditCandidates(window)).toEqual([]);
      expect(await store.auditCandidates({ ...window, share: 1, minTier: 2 })).toEqual([]);
      const pending = await store.listAudits({
        queues: ['general'],
        pendingOnly: true,
        limit: 500,
      });
      expect(pending.map((p) => p.conversationId)).toEqual(expect.arrayContaining(expected));
      expect(
        await store.listAudits({ queues: ['billing'], pendingOnly: true, limit: 500 }),
      ).toEqual([]);
    });

    it('records the first estimate shown only while the conversation waits', async () => {
      // C9 never queued: nothing recorded.
      expect(await estimate(ids.C9!, 'general', 4, 70)).toBe(0);
      expect(
        await store.submitCsat({ conversationId: 'nope', rating: 3, comment: null, now: at(1) }),
      ).toBeNull();
    });
  },
);
