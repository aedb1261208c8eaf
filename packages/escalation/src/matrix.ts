import type { Lane, TriggerName, Unit } from '@baton/shared';
import type { Assessment } from './assessment';
import { laneRank, maxLane } from './lanes';

export interface Interpretation {
  lane: Lane;
  unit: Unit | null;
  /** One line saying why the lane is what it is. */
  rationale: string;
}

/**
 * The escalation matrix: all low → autonomous; one medium and no high → assisted (an agent
 * sends the reply); any high → a person decides; several mediums together → a person owns the
 * conversation. Floors (explicit request, tier 4) and switched-off autonomy only ever raise the
 * lane. Every rule raises, none lowers, so adding a signal can never lower the lane.
 */
export function interpret(
  assessments: readonly Assessment[],
  options: { mediumsForHuman: number; autonomyOffDomain: string | null },
): Interpretation {
  const mediums = new Set<TriggerName>();
  const highs: Assessment[] = [];
  const floored: Assessment[] = [];
  for (const a of assessments) {
    if (a.severity === 'medium') mediums.add(a.hit.name);
    if (a.severity === 'high') highs.push(a);
    if (a.floor !== null) floored.push(a);
  }
  const several = mediums.size >= options.mediumsForHuman;

  let lane: Lane = 'autonomous';
  if (options.autonomyOffDomain !== null || mediums.size > 0) lane = 'assisted';
  if (several || highs.length > 0) lane = 'human';
  for (const a of floored) lane = maxLane(lane, a.floor!);

  if (lane === 'autonomous') {
    return { lane, unit: null, rationale: 'no risk signal: the assistant may answer' };
  }
  if (lane === 'assisted') {
    const why =
      mediums.size > 0
        ? `one medium signal (${[...mediums].join(', ')})`
        : `autonomous handling is off for ${options.autonomyOffDomain}`;
    return { lane, unit: 'answer', rationale: `${why}: an agent reviews the reply` };
  }

  // Human lane: a person decides the action when only action-bound signals put it there;
  // otherwise a person owns the whole conversation.
  const drivers = [...floored.filter((a) => laneRank(a.floor!) === 2), ...highs];
  // Any other medium signal bound to the answer or the conversation (an angry customer, a second
  // domain) keeps the whole conversation with a person: a bigger risk never shrinks the unit.
  const actionOnly =
    !several &&
    drivers.length > 0 &&
    drivers.every((a) => a.unit === 'action') &&
    assessments.every((a) => a.severity !== 'medium' || a.unit === 'action');
  const unit: Unit = actionOnly ? 'action' : 'conversation';
  const named = unique(drivers.map((a) => a.hit.name));
  const why =
    named.length > 0
      ? `${named.join(', ')}`
      : `${mediums.size} medium signals together (${[...mediums].join(', ')})`;
  return {
    lane,
    unit,
    rationale:
      unit === 'action'
        ? `${why}: a person decides the action`
        : `${why}: a person owns the conversation`,
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
