import { describe, expect, it } from 'vitest';
import { changeOf, median, metricsOf, ratio } from './scorecard';
import { parseScorecardQuery, scorecardCsv } from './scorecardService';

const NOW = new Date('2026-05-01T00:00:00Z');
const empty = metricsOf([], { drafts: [], outcomes: [], csat: [] }, []);

describe('scorecard arithmetic', () => {
  it('a share of nothing has no rate', () => {
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(ratio(1, 4)).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(empty.autonomousResolution.rate).toBeNull();
    expect(empty.packetUsefulness.mean).toBeNull();
  });

  it('median of an odd and an even count', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('the change between versions is null where either has no data', () => {
    const current = { ...empty, autonomousResolution: ratio(3, 4) };
    const previous = { ...empty, autonomousResolution: ratio(1, 4) };
    const change = changeOf(current, previous);
    expect(change.autonomousResolution).toBe(0.5);
    expect(change.humanOverride).toBeNull();
  });

  it('quotes CSV cells that need it and leaves no-data values empty', () => {
    const csv = scorecardCsv({
      from: NOW.toISOString(),
      to: NOW.toISOString(),
      by: 'policyVersion',
      policyVersion: null,
      generatedAt: NOW.toISOString(),
      overall: empty,
      groups: [{ key: 'v1, "draft"', metrics: empty }],
      comparison: null,
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('scope,group,metric,numerator,denominator,value');
    expect(lines).toContain('all,overall,autonomousResolution,0,0,');
    expect(lines).toContain('all,"policyVersion=v1, ""draft""",conversations,,,0');
  });

  it('validates the query: defaults, order, span and unknown keys', () => {
    const q = parseScorecardQuery({}, NOW);
    expect(q).toMatchObject({ by: 'queue', format: 'json', version: null, to: NOW });
    expect(NOW.getTime() - q.from.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    expect(parseScorecardQuery({ compare: 'policyVersion' }, NOW).version).toBe('current');
    for (const bad of [
      { from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' },
      { from: '2024-01-01T00:00:00Z' },
      { by: 'agent' },
      { extra: '1' },
      { to: 'soon' },
    ]) {
      expect(() => parseScorecardQuery(bad, NOW), JSON.stringify(bad)).toThrow(/Invalid/);
    }
  });
});
