import type { CustomerContext, Lane, RiskTier, TriggerName } from '@baton/shared';
import type { Stake } from './stakes/types';

/** What the assistant understood the customer to want. */
export interface IntentFacts {
  name: string;
  confidence: number;
  tier: RiskTier;
  /** Business domain of the intent, e.g. `orders`, `billing`, `security`. Drives routing. */
  domain: string;
  /**
   * The step the assistant proposes: `answer` / `lookup` are informational; `return`, `refund`,
   * `dispute`, `price_match`, `promo_exception`, `cancel_subscription`, `account_change`,
   * `report_fraud`, `legal`, `data_deletion` change state or carry risk.
   */
  action: string;
}

export interface HumanRequestFact {
  /** `assistant`: the rules found none, the assistant (an LLM) read one in the words. */
  source: 'button' | 'text' | 'assistant';
  phrase: string | null;
}

export interface AmountFact {
  value: number;
  currency: string | null;
  /** Where the amount came from, e.g. `order:A1001`, `message`. */
  source: string;
}

export interface PriorTurn {
  intent: string | null;
  lane: Lane;
  triggers: TriggerName[];
  /** The intent only guessed on that turn (under its threshold: low_confidence), if any. */
  guess?: string | null;
}

/** An earlier contact of the same customer, with its topic when known (repeat_contact). */
export interface ContactFact {
  daysAgo: number;
  /** Intent / domain of that contact, classified by the assistant; null when unknown. */
  intent: string | null;
  domain: string | null;
  /**
   * What the contact's words were about (`topicSignature` of its text), when its text is known:
   * a contact naming the same problem as this turn counts whatever intent was guessed for it.
   */
  signature?: string[];
  /** `storefront`: passed in context.recentContacts; `history`: Baton's own earlier conversation. */
  source: 'storefront' | 'history';
}

/** Everything the engine knows about one customer turn. The engine reads nothing else. */
export interface TurnFacts {
  /** 1-based customer turn number. */
  turn: number;
  /** Customer text; null for a press of the "talk to a person" button. */
  text: string | null;
  humanRequest: HumanRequestFact | null;
  /** Null when nothing matched, or for a button press. */
  intent: IntentFacts | null;
  /** Money involved in the proposed action. */
  amount: AmountFact | null;
  /** Per-customer-turn sentiment, oldest first, including this turn; roughly -1..1. */
  sentimentScores: number[];
  context: CustomerContext;
  /** Earlier turns of this conversation, oldest first. */
  priorTurns: PriorTurn[];
  /** Further business domains the message touches besides the intent's (feeds `multi_domain`). */
  domains?: string[];
  /**
   * Earlier contacts with their topics (storefront and history, not this conversation). When
   * given, repeat_contact counts those within the window that could be on this turn's topic
   * (same intent, same domain, or a contact of unknown topic) instead of the raw
   * `context.recentContacts`. This turn's topic is its intent, or for a turn without one the
   * most recent earlier turn's intent.
   */
  contacts?: ContactFact[];
  /**
   * The assistant's guess when it was under the confidence floor (see `separateGuess`): named in
   * the low_confidence reason, but it never sets tier, queue or lane — the words do (`stakes`).
   * `intent` is then null.
   */
  guess?: IntentFacts | null;
  /** What the words put at stake; computed from `text` (detectStakes) when absent. */
  stakes?: Stake[];
}
