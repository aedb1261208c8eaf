import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';
import { sentimentTrend } from '../sentiment';

/**
 * negative_sentiment (medium): sustained negativity across turns, never one cross word. Fires
 * when at least `minNegativeTurns` of the last `window` customer turns are clearly negative, or
 * when a full window averages at or below `averageBelow`.
 */
export function negativeSentiment(facts: TurnFacts, policy: Policy): Assessment[] {
  const { negativeScore, window, minNegativeTurns, averageBelow } = policy.sentiment;
  const recent = facts.sentimentScores.filter(Number.isFinite).slice(-window);
  const negativeTurns = recent.filter((s) => s <= negativeScore).length;
  const average = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
  const sustained = negativeTurns >= minNegativeTurns;
  const lowAverage = recent.length >= window && average <= averageBelow;
  if (!sustained && !lowAverage) return [];
  const rounded = Math.round(average * 100) / 100;
  return [
    assessment(
      'negative_sentiment',
      sustained
        ? `${negativeTurns} of the last ${recent.length} customer turns were clearly negative`
        : `the last ${recent.length} customer turns average ${rounded}`,
      {
        scores: recent,
        negativeTurns,
        average: rounded,
        trend: sentimentTrend(facts.sentimentScores),
      },
      { severity: 'medium', unit: 'answer' },
    ),
  ];
}
