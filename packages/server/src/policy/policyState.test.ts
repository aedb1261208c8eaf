import { describe, expect, it } from 'vitest';
import { PolicyError } from '@baton/escalation';
import { createPolicyState, policyFingerprint, restorePolicyState } from './policyState';
import { entryOf, testPolicy } from './testPolicies';

describe('policy state', () => {
  it('an enforce load becomes current, keeps the previous for rollback and clears the candidate', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    expect(state.apply(entryOf(testPolicy('v2', 'shadow')))).toBe('candidate');
    expect(state.current().version).toBe('v1');
    expect(state.candidate()?.version).toBe('v2');

    expect(state.apply(entryOf(testPolicy('v3')))).toBe('current');
    expect(state.current().version).toBe('v3');
    expect(state.candidate()).toBeNull();
    expect(state.rollbackTarget()?.policy.version).toBe('v1');
    expect(state.snapshot()).toMatchObject({
      current: { version: 'v3', mode: 'enforce' },
      candidate: null,
      rollbackTo: 'v1',
    });
  });

  it('a shadow load leaves the acting policy unchanged', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    state.apply(entryOf(testPolicy('v2', 'shadow')));
    state.apply(entryOf(testPolicy('v3', 'shadow')));
    expect(state.current().version).toBe('v1');
    expect(state.candidate()?.version).toBe('v3');
    expect(state.rollbackTarget()).toBeNull();
  });

  it('while no enforce policy was ever loaded, a shadow policy is current', () => {
    const state = createPolicyState(entryOf(testPolicy('s1', 'shadow')));
    expect(state.current()).toMatchObject({ version: 's1', mode: 'shadow' });
    expect(state.candidate()).toBeNull();
    expect(state.apply(entryOf(testPolicy('s2', 'shadow')))).toBe('current');
    expect(state.current().version).toBe('s2');
    expect(state.apply(entryOf(testPolicy('e1')))).toBe('current');
    expect(state.current()).toMatchObject({ version: 'e1', mode: 'enforce' });
    // Rollback only goes back to enforce versions.
    expect(state.rollbackTarget()).toBeNull();
    expect(state.apply(entryOf(testPolicy('s3', 'shadow')))).toBe('candidate');
  });

  it('rolls back one enforce version at a time', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    state.apply(entryOf(testPolicy('v2')));
    state.apply(entryOf(testPolicy('v3')));
    state.apply(entryOf(testPolicy('v4', 'shadow')));
    const target = state.rollbackTarget()!;
    state.rollback({ ...target, source: 'rollback' });
    expect(state.current().version).toBe('v2');
    expect(state.candidate()).toBeNull();
    expect(state.snapshot().current.source).toBe('rollback');
    state.rollback({ ...state.rollbackTarget()!, source: 'rollback' });
    expect(state.current().version).toBe('v1');
    expect(state.rollbackTarget()).toBeNull();
    expect(() => state.rollback(entryOf(testPolicy('v1')))).toThrow();
  });

  it('offers earlier enforce versions (e.g. from before a restart) for rollback', () => {
    const state = createPolicyState(entryOf(testPolicy('v2')), [entryOf(testPolicy('v1'))]);
    expect(state.current().version).toBe('v2');
    expect(state.rollbackTarget()?.policy.version).toBe('v1');
  });

  it('reloading what is already loaded changes nothing (the candidate survives)', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    state.apply(entryOf(testPolicy('v2', 'shadow')));
    expect(state.plan(testPolicy('v1'))).toBe('unchanged');
    expect(state.plan(testPolicy('v2', 'shadow'))).toBe('unchanged');
    expect(state.candidate()?.version).toBe('v2');
  });

  it('promoting the candidate keeps its version: only the mode changes', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    state.apply(entryOf(testPolicy('v2', 'shadow')));
    expect(state.apply(entryOf(testPolicy('v2', 'enforce')))).toBe('current');
    expect(state.current()).toMatchObject({ version: 'v2', mode: 'enforce' });
    expect(state.candidate()).toBeNull();
  });

  it('refuses other content under a version already loaded, naming the field', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    const changed = testPolicy('v1', 'enforce', 'loop: { turns: 4 }');
    try {
      state.plan(changed);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyError);
      expect((err as PolicyError).issues[0]?.path).toBe('version');
      expect((err as PolicyError).message).toMatch(/version: .*"v1"/);
    }
    expect(() => state.apply(entryOf(changed))).toThrow(PolicyError);
    expect(state.current().loop.turns).toBe(3);
  });

  it('fingerprints ignore key order and mode', () => {
    const a = testPolicy('v1', 'enforce', 'autonomy: { domains: { legal: false, billing: true } }');
    const b = testPolicy('v1', 'shadow', 'autonomy: { domains: { billing: true, legal: false } }');
    expect(policyFingerprint(a)).toBe(policyFingerprint(b));
    expect(policyFingerprint(a)).not.toBe(policyFingerprint(testPolicy('v2')));
  });

  it('stores as a layout and restores to the same state', () => {
    const state = createPolicyState(entryOf(testPolicy('v1')));
    state.apply(entryOf(testPolicy('v2')));
    state.apply(entryOf(testPolicy('v3', 'shadow')));
    const restored = restorePolicyState(state.layout());
    expect(restored.snapshot()).toEqual(state.snapshot());
    expect(restored.layout()).toEqual(state.layout());
    // The copy is independent: changing the restored state leaves the original as it was.
    restored.rollback({ ...restored.rollbackTarget()!, source: 'rollback' });
    expect(state.current().version).toBe('v2');
  });

  it('restoring drops what no state can hold, and refuses a state where nothing acts', () => {
    const restored = restorePolicyState({
      enforced: [entryOf(testPolicy('s0', 'shadow')), entryOf(testPolicy('v1'))],
      provisional: entryOf(testPolicy('s1', 'shadow')),
      candidate: entryOf(testPolicy('v2')),
    });
    expect(restored.layout()).toMatchObject({ provisional: null, candidate: null });
    expect(restored.layout().enforced.map((e) => e.policy.version)).toEqual(['v1']);
    expect(() =>
      restorePolicyState({ enforced: [], provisional: null, candidate: entryOf(testPolicy('s')) }),
    ).toThrow(/acting/);
  });
});
