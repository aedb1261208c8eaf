import type { Lane } from '@baton/shared';

const RANK: Record<Lane, number> = { autonomous: 0, assisted: 1, human: 2 };

/** Orders lanes by how much of the conversation a person owns: autonomous 0 < assisted 1 < human 2. */
export function laneRank(lane: Lane): number {
  return RANK[lane];
}

/** The more restrictive of two lanes; the engine only ever raises a lane, never lowers it. */
export function maxLane(a: Lane, b: Lane): Lane {
  return RANK[b] > RANK[a] ? b : a;
}
