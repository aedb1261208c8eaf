export type SentimentTrend = 'improving' | 'steady' | 'worsening';

/** Turns the trend looks back over. */
const TREND_WINDOW = 4;
/** Change per turn (on the -1..1 scale) below which the mood counts as steady. */
const STEADY_SLOPE = 0.1;

/**
 * Direction of the customer's mood over the last few turns: the least-squares slope of the
 * recent scores, so one outlier moves it less than a first-vs-last comparison would.
 */
export function sentimentTrend(scores: number[]): SentimentTrend {
  const recent = scores.filter(Number.isFinite).slice(-TREND_WINDOW);
  const n = recent.length;
  if (n < 2) return 'steady';
  const meanX = (n - 1) / 2;
  const meanY = recent.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  recent.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = num / den;
  if (slope <= -STEADY_SLOPE) return 'worsening';
  if (slope >= STEADY_SLOPE) return 'improving';
  return 'steady';
}
