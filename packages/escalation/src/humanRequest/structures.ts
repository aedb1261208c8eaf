import { has, isBreak, type Token } from './tokens';
import type { Category } from './vocabulary';

/**
 * The shapes of a request for a person, the same in every language; only the words come from the
 * language's lists. Precision comes from structure rather than from word spotting: "human" in
 * "human hair wig" or "agent" in "my travel agent" is a noun modifying something or a mention, not
 * the object of a request.
 */
export interface Span {
  start: number;
  end: number;
}
/** Tries one structure starting at token `i`. */
export type Matcher = (tokens: Token[], i: number) => Span | null;

const span = (start: number, end: number | null): Span | null =>
  end === null ? null : { start, end };
const hasAny = (t: Token | undefined, categories: Category[]) => categories.some((c) => has(t, c));
/** "your", "vos", "Ihre": the article that makes what follows the business's own. */
const yourArticle = (t: Token | undefined) => has(t, 'yours') && has(t, 'glue');

/** Filler, a clause break, or the end: what may close a request. */
const closes = (t: Token | undefined, also: Category[] = []) =>
  t === undefined ||
  isBreak(t) ||
  // An article opens something new: "pakken echte mensen de bestellingen in?".
  (has(t, 'filler') && !has(t, 'glue')) ||
  hasAny(t, also);

/**
 * A person qualified as a real one or one of the business's: "real person", "persona real",
 * "human agent", "agente humano", "someone from your team", "alguien de atención al cliente",
 * "somebody on your staff". Returns the index of its last token.
 */
export function qualifiedPerson(tokens: Token[], i: number): number | null {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (has(t, 'real') && has(next, 'person')) return i + 1;
  // "a guy from shipping": a casual word names a person once said which desk.
  if (!has(t, 'person') && !(has(t, 'casual') && has(next, 'from'))) return null;
  if (has(next, 'real') && !has(tokens[i + 2], 'person')) return i + 1;
  if (has(next, 'from')) {
    // "someone from your team", and with one word saying which: "from the delivery team",
    // "in your shipping department"; not after other prepositions ("the manager of the Leeds
    // store" says whose, "anyone on the security team around on weekends" asks when).
    let modifiers = next!.word === 'from' || next!.word === 'in' ? 0 : 1;
    // "an agent in a furniture shop" works at some shop, not at this business ("one of your
    // teams" is one of the business's).
    if (has(tokens[i + 2], 'indefinite') && !has(tokens[i + 3], 'from')) return null;
    for (let j = i + 2; j < tokens.length && j <= i + 5; j++) {
      // "in your dispatch unit": a desk word before a word no list knows only says which.
      const after = tokens[j + 1];
      const modifies = after !== undefined && !isBreak(after) && after.categories.size === 0;
      if (hasAny(tokens[j], ['team', 'person']) && !(modifies && onlyTeam(tokens[j]!))) {
        // "of your accounting department": the desk's name runs on.
        let end = j;
        while (hasAny(tokens[end + 1], ['team', 'group']) && !has(tokens[end + 1], 'glue')) end++;
        return end;
      }
      if (has(tokens[j], 'glue')) continue;
      if (isBreak(tokens[j]) || ++modifiers > 1) return null;
    }
  }
  return null;
}

/** The person, plain or qualified, starting at `i`: the index of its last token, or null. */
function personAt(tokens: Token[], i: number, teams: boolean): number | null {
  const qualified = qualifiedPerson(tokens, i);
  if (qualified !== null) return qualified;
  if (has(tokens[i], 'group') && memberOfGroup(tokens, i)) return i;
  return has(tokens[i], 'person') || (teams && has(tokens[i], 'team')) ? i : null;
}

/**
 * One person of a group of people: "one of your people", "one of the warehouse people". Back
 * from the group over up to two words saying which, to an article, then "of".
 */
function memberOfGroup(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= i - 2 && k >= 0 && tokens[k]!.categories.size === 0 && !isBreak(tokens[k])) k--;
  return has(tokens[k], 'glue') && has(tokens[k - 1], 'from');
}

/**
 * Whether a group of people ends the noun phrase starting at `j` within two words: "the returns
 * people", "the service of returns" is a desk, "the delivery company" is not a group.
 */
function groupAhead(tokens: Token[], j: number): boolean {
  for (let k = j; k < tokens.length && k <= j + 2; k++) {
    if (has(tokens[k], 'group')) return true;
    if (tokens[k]!.categories.size > 0 || isBreak(tokens[k])) return false;
  }
  return false;
}

/**
 * From `from` across glue words to a person (or team); the index of the person's last token. After
 * "your", up to two words may say which of the business's people: "one of your shipping people",
 * "one of your outdoor gear lads".
 */
function reachPerson(tokens: Token[], from: number, maxGap: number, teams: boolean): number | null {
  let described = 0;
  let joined = 0;
  for (let j = from; j < tokens.length && j - from <= maxGap + described; j++) {
    const before = tokens[j - 1 - described];
    // "need your security team": a group of the business's people, when "your" says whose.
    const yourGroup = has(tokens[j], 'group') && yourArticle(before);
    const end = personAt(tokens, j, teams) ?? (yourGroup ? j : null);
    // "human" is a modifier in "a human agent" but the person itself in "a human please".
    const modifier = hasAny(tokens[j], ['glue', 'real']) && personAt(tokens, j + 1, teams) !== null;
    if (end !== null && !modifier) return end;
    if (hasAny(tokens[j], ['glue', 'real'])) continue;
    const describes = tokens[j]!.categories.size === 0 || onlyTeam(tokens[j]!);
    // After "your" any words may say which ("your shipping people"); after another article only
    // a group's ("the returns people", not "the delivery person").
    const yours = yourArticle(before) || (teams && has(before, 'glue') && groupAhead(tokens, j));
    if (yours && described < 2 + 2 * joined && describes) {
      described++;
      continue;
    }
    // "your partnerships or sales department": two words saying which, joined.
    const next = tokens[j + 1];
    if (yours && described > 0 && joined === 0 && has(tokens[j], 'and') && next) {
      if (next.categories.size === 0 || onlyTeam(next)) {
        described++;
        joined++;
        continue;
      }
    }
    return null;
  }
  return null;
}

/** 1. A qualified person that ends its clause: "are you a machine? I'd feel better with a living person". */
const realPerson: Matcher = (tokens, i) => {
  const end = qualifiedPerson(tokens, i);
  // "i talked to a person in store" tells of a contact, it asks for none.
  for (let k = i - 1; k >= 0 && !isBreak(tokens[k]); k--)
    if (has(tokens[k], 'mention')) return null;
  // "does a real person pack the orders?" goes on to say something about the person.
  if (end === null || !closes(tokens[end + 1], ['after'])) return null;
  // "a vendedora da loja do Chiado disse que…": the person is the subject of a telling.
  for (let k = end + 1; k < tokens.length && k <= end + 4 && !isBreak(tokens[k]); k++)
    if (has(tokens[k], 'mention')) return null;
  return span(i, end);
};

/** 2. Refusing the bot: "not a bot", "no more bots", "basta de robots", "kein Bot". */
export const refusesBot: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'refuse')) return null;
  for (let j = i + 1; j < tokens.length && j <= i + 6; j++) {
    if (has(tokens[j], 'bot')) return span(i, j);
    if (!hasAny(tokens[j], ['botGlue', 'glue', 'want', 'contact'])) return null;
  }
  return null;
};

/**
 * 3. A request on its own: "escalate", "callback", "call me back"; not one asked of another role
 * named just before it ("can the courier give me a ring", "could my neighbour's driver call me
 * back"): a word no list knows, after up to one more, after an article that is not "your".
 */
const request: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'request')) return null;
  const unknown = (t: Token | undefined) =>
    t !== undefined && !isBreak(t) && t.categories.size === 0;
  let k = i - 1;
  if (unknown(tokens[k])) {
    if (unknown(tokens[k - 1])) k--;
    const article = tokens[k - 1];
    if (has(article, 'glue') && !yourArticle(article)) return null;
  }
  return span(i, i);
};

/** 4. A verb of contact, then the person: "talk to a human", "hablar con alguien", "parler à". */
const contactVerb: Matcher = (tokens, i) => {
  // Calling is contact too when the customer asks to: "could I phone someone instead", "i want
  // to ring one of your team"; not when another person calls ("can the courier call me").
  let asked = false;
  for (let k = i - 1; k >= 0 && k >= i - 3 && !isBreak(tokens[k]); k--) {
    if (has(tokens[k], 'person') || tokens[k]!.categories.size === 0) break;
    if (hasAny(tokens[k], ['modal', 'want'])) asked = true;
  }
  if (!has(tokens[i], 'contact') && !(has(tokens[i], 'call') && asked)) return null;
  // "had a chat with one of your blokes last week", "had a really great chat with" tell of a
  // contact.
  for (let k = i - 1; k >= 0 && k >= i - 4 && !isBreak(tokens[k]); k--)
    if (has(tokens[k], 'mention')) return null;
  const direct = reachPerson(tokens, i + 1, 5, true);
  if (direct !== null) return span(i, direct);
  // What to talk about may come first: "discuss the same with some customer care person".
  for (let k = i + 2; k < tokens.length && k <= i + 6; k++) {
    // "pass my thanks to your delivery people" hands on thanks, not the customer.
    if (isBreak(tokens[k]) || hasAny(tokens[k], ['mention', 'negation', 'courtesy'])) return null;
    if (!has(tokens[k], 'glue')) continue;
    // "transfer money to someone": after a matter, a bare "someone" is anyone at all.
    const end = reachPerson(tokens, k, 4, false);
    // "whoever handles refunds" says which.
    if (end !== null && (!has(tokens[end], 'someone') || has(tokens[end], 'who')))
      return span(i, end);
  }
  return null;
};

/** 5. Wanting a person: "i need a human now", "get me a rep", "quiero un agente". */
const wantVerb: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'want')) return null;
  const end = reachPerson(tokens, i + 1, 4, false);
  if (end === null) return null;
  // "i want an agent discount", "i need a human-grade food": the noun modifies something else.
  // A real person may go on to what they should do: "I want human staff check where is it".
  // "i need whoever does security over there": the person is described by what they do.
  if (has(tokens[end], 'who') && has(tokens[end], 'someone')) return span(i, end);
  // "get me a human who can answer this": the person, described by what they can do.
  if (has(tokens[end + 1], 'who') && has(tokens[end + 1], 'modal')) return span(i, end + 1);
  const real = tokens.slice(i + 1, end + 1).some((t) => has(t, 'real'));
  if (closes(tokens[end + 1], real ? ['after', 'help'] : ['after'])) return span(i, end);
  // What the wanted person should do: "i want the manager of the shipping to contact me", "i would
  // like that somebody of your staff examines this", "I'd appreciate one of your colleagues
  // reviewing this".
  const act = actFollows(tokens, end);
  return act === null ? null : span(i, act);
};

/**
 * A verb of acting for the customer after the person at `end`, before the clause ends: at once,
 * or after "to" and up to four words saying which person ("the manager of the shipping to").
 */
function actFollows(tokens: Token[], end: number): number | null {
  let to = false;
  for (let k = end + 1; k < tokens.length && k <= end + 6; k++) {
    const t = tokens[k];
    if (isBreak(t) || hasAny(t, ['mention', 'negation', 'person'])) return null;
    if (has(t, 'help') && (k === end + 1 || to)) return k;
    if (has(t, 'glue') && has(t, 'after') && has(t, 'presenceAfter')) to = true;
    else if (k === end + 1 && !hasAny(t, ['glue', 'from', 'filler'])) return null;
  }
  return null;
}

/**
 * 6. The person before the verb, as German and Dutch put it and English may: "mit einem
 * Mitarbeiter sprechen", "iemand van de klantenservice spreken", "a medewerker nodig",
 * "someone i can talk to".
 */
const personThenVerb: Matcher = (tokens, i) => {
  const end = personAt(tokens, i, false);
  if (end === null) return null;
  for (let k = end + 1; k < tokens.length && k <= end + 3; k++) {
    if (has(tokens[k], 'contact')) return span(startOfGlue(tokens, i), k);
    // "ik heb een medewerker nodig" — but not "will a person need to sign for it?".
    if (has(tokens[k], 'want') && closes(tokens[k + 1])) return span(startOfGlue(tokens, i), k);
    if (!hasAny(tokens[k], ['glue', 'modal', 'filler'])) return null;
  }
  return null;
};
/** Back over the articles and prepositions before the person, so a negation is seen. */
function startOfGlue(tokens: Token[], i: number): number {
  let start = i;
  while (start > 0 && has(tokens[start - 1], 'glue') && i - start < 3) start--;
  return start;
}

/** 7. A person asked to act: "can someone help me", "¿alguien me puede ayudar?". */
const personSubject: Matcher = (tokens, i) => {
  let j = i;
  if (has(tokens[i], 'modal')) j = i + 1;
  else if (i !== 0 && !isBreak(tokens[i - 1])) return null;
  while (j < tokens.length && hasAny(tokens[j], ['glue', 'real']) && !has(tokens[j], 'person')) j++;
  let end = personAt(tokens, j, false);
  if (end === null) return null;
  // "whoever writes your descriptions deserves a raise": its verb is the relative clause's.
  if (has(tokens[end], 'who') && !has(tokens[i], 'modal')) return null;
  while (has(tokens[end + 1], 'person')) end++;
  // "can a gal or fella over there look at it": another person joined on.
  if (has(tokens[end + 1], 'and') && has(tokens[end + 2], 'person')) end += 2;
  for (let k = end + 1; k < tokens.length && k <= end + 4; k++) {
    if (has(tokens[k], 'help')) return span(i, k);
    // "the human who writes your product descriptions" says who someone is.
    if (!hasAny(tokens[k], ['modal', 'filler', 'glue']) || has(tokens[k], 'who')) return null;
  }
  return null;
};

/** 8. Asking whether a person is there: "is anyone there", "¿hay alguien?", "ist da jemand?". */
const presence: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'presence')) return null;
  let j = i + 1;
  while (j < tokens.length && hasAny(tokens[j], ['glue', 'real']) && !has(tokens[j], 'person')) j++;
  const end = personAt(tokens, j, false);
  if (end === null) return null;
  // "is there a person in the photo" asks about something else.
  if (closes(tokens[end + 1], ['presenceAfter'])) return span(i, end);
  // "is anybody actually there": an adverb before the place.
  if (
    has(tokens[end + 1], 'glue') &&
    !has(tokens[end + 1], 'person') &&
    has(tokens[end + 2], 'presenceAfter') &&
    closes(tokens[end + 3])
  )
    return span(i, end + 2);
  // "is there a human who can help me", "is there anyone at Northwind who could check it".
  const asked = relativeAsk(tokens, end);
  return asked === null ? null : span(i, asked);
};

/**
 * A relative clause that asks the person to act, after what says which person: "who can help
 * me", "at Northwind who could maybe check it", "somewhere in the building who can tell me".
 * The index of its modal, or null.
 */
function relativeAsk(tokens: Token[], end: number): number | null {
  for (let k = end + 1; k < tokens.length && k <= end + 5; k++) {
    const t = tokens[k];
    if (isBreak(t) || hasAny(t, ['mention', 'negation'])) return null;
    // "anyone can help?", "who could check", "someone that can look": not "a person the courier
    // can leave it with", where someone else acts.
    if (has(t, 'modal') && (k === end + 1 || hasAny(t, ['who']) || hasAny(tokens[k - 1], ['who'])))
      return k;
    if (hasAny(t, ['who', 'glue'])) {
      for (let m = k + 1; m <= k + 2 && m < tokens.length; m++) {
        if (has(tokens[m], 'modal')) return m;
        if (!has(tokens[m], 'filler')) break;
      }
    }
    if (!(
      t!.categories.size === 0 ||
      hasAny(t, ['from', 'glue', 'presenceAfter', 'person', 'team', 'filler'])
    ))
      return null;
  }
  return null;
}

/** 9. Help from a person: "i need help from a human", "quiero ayuda de una persona". */
const helpFrom: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'from') || !has(tokens[i - 1], 'helpNoun')) return null;
  let lead = -1;
  for (let k = Math.max(0, i - 6); k < i - 1; k++) {
    if (hasAny(tokens[k], ['want', 'modal'])) {
      lead = k;
      break;
    }
  }
  return lead < 0 ? null : span(lead, reachPerson(tokens, i + 1, 3, true));
};

/** 10. Asking for a phone line: "is there a number I can ring", "what number do i call". */
const phoneLine: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'channel')) return null;
  for (let k = i + 1; k < tokens.length && k <= i + 7; k++) {
    if (has(tokens[k], 'call')) return span(i, k);
    // "eine Nummer, die ich anrufen kann": a relative clause may follow a comma.
    if (isBreak(tokens[k]) && !has(tokens[k + 1], 'glue')) return null;
  }
  return null;
};

/**
 * 11. Asking whom to talk to: "who can I actually talk to?", "¿con quién puedo hablar?", "mit wem
 * kann ich reden?", "je peux contacter qui ?". The question word, a modal or want, and a verb of
 * contact in one clause, close together; a clause that tells of a contact ("who did I speak to")
 * is not.
 */
const whoContact: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'who')) return null;
  const clauseMentions = (from: number, to: number) => {
    for (let k = from; k <= to; k++) if (has(tokens[k], 'mention')) return true;
    return false;
  };
  // A modal or a want between them makes it a request ("who can I talk to"); without one it may
  // tell of a contact ("qui a parlé au livreur ?", "¿con quién hablé?").
  let asks = has(tokens[i], 'modal');
  // "kann i bitte mit wem Echten reden?": the modal may come first.
  for (let k = i - 1; k >= 0 && k >= i - 4 && !isBreak(tokens[k]); k--)
    if (has(tokens[k], 'modal')) asks = true;
  for (let k = i + 1; k < tokens.length && k <= i + 5 && !isBreak(tokens[k]); k++) {
    // "who do I ring about that?" asks whom to call as much as whom to talk to.
    if (hasAny(tokens[k], ['contact', 'call'])) {
      return asks && !clauseMentions(i, k) ? span(i, k) : null;
    }
    if (hasAny(tokens[k], ['modal', 'want'])) asks = true;
  }
  for (let k = i - 1; k >= 0 && k >= i - 2 && !isBreak(tokens[k]); k--) {
    if (has(tokens[k], 'contact') && has(tokens[k - 1], 'modal')) return span(k - 1, i);
  }
  // "who's in charge here?", "quem é o responsável aí?", "wie is hier de baas?": asking which
  // person to turn to, when the person closes the question ("who is the manager of the depot"
  // asks about something else).
  for (let k = i + 1; k < tokens.length && k <= i + 4 && !isBreak(tokens[k]); k++) {
    const end = personAt(tokens, k, false);
    if (end !== null) return closes(tokens[end + 1], ['presenceAfter']) ? span(i, end) : null;
  }
  return null;
};

/**
 * 13. Offering to call the business: "can I ring you?", "¿puedo llamarles?", "kann ich euch
 * anrufen?". A modal question whose verb is calling and whose object is the business.
 */
const callYou: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'modal')) return null;
  // "my boss may call you", "she may call you": someone else will call.
  if (hasAny(tokens[i - 1], ['others', 'person'])) return null;
  for (let k = i + 1; k < tokens.length && k <= i + 3 && !isBreak(tokens[k]); k++) {
    if (!has(tokens[k], 'call')) continue;
    const you = has(tokens[k + 1], 'yours') ? k + 1 : has(tokens[k - 1], 'yours') ? k - 1 : -1;
    const end = Math.max(k, you);
    return you >= 0 && closes(tokens[end + 1], ['after']) ? span(i, end) : null;
  }
  return null;
};

/**
 * 12. The business's own phone line, asked for: "your phone number?", "do you guys have a
 * hotline or something", "vous avez un numéro de téléphone ?". A line that is "yours" and ends the
 * clause; "my phone number changed" or "is your number on the invoice" say something else.
 */
const ownLine: Matcher = (tokens, i) => {
  // "is there a landline for you guys?": the line, said to be the business's.
  const forYou =
    has(tokens[i + 1], 'glue') &&
    !has(tokens[i + 1], 'yours') &&
    has(tokens[i + 2], 'yours') &&
    !has(tokens[i + 2], 'glue');
  const end = forYou ? i + 2 : i;
  if (!has(tokens[i], 'channel') || !closes(tokens[end + 1])) return null;
  for (let k = i - 1; k >= 0 && k >= i - 4 && !isBreak(tokens[k]); k--) {
    if (hasAny(tokens[k], ['yours', 'presence', 'want'])) return span(k, end);
    if (!hasAny(tokens[k], ['glue', 'filler', 'modal'])) return null;
  }
  return null;
};

/** A clause before `to` tells of an earlier contact: "someone from your team told me …". */
function mentionBefore(tokens: Token[], to: number): boolean {
  for (let k = to; k >= 0 && !isBreak(tokens[k]); k--) if (has(tokens[k], 'mention')) return true;
  return false;
}

/**
 * 15. A person of the business asked to act, wherever the clause starts and however the person
 * is described: "reckon a staffer could suss it out for me?", "I'd appreciate it if a live person
 * could just call me", "can someone from Northwind call me", "have a colleague of yours look into
 * this", "can someone who knows the gear jump on?". A modal, a want or a causative must make it a
 * request ("someone checks the orders" says how things are); a noun before the person names
 * another role ("the delivery person could call me"), unless the person is an indefinite pronoun.
 */
const personActs: Matcher = (tokens, i) => {
  const start = nounPhraseStart(tokens, i);
  // A team counts as a person in "one of your team".
  const group = tokens.slice(start, i).some((t) => has(t, 'from'));
  const first =
    personAt(tokens, i, group) ??
    // "could your warehouse people check", "let your team get in touch": a group of the
    // business's, when "your" says whose.
    (has(tokens[i], 'group') && tokens.slice(start, i).some(yourArticle) ? i : null);
  if (first === null) return null;
  const before = tokens[start - 1];
  const bare = before !== undefined && !isBreak(before) && before.categories.size === 0;
  if (bare && start === i && !has(tokens[i], 'someone')) return null;

  let asks = hasAny(before, ['modal', 'want', 'causative']);
  // "have someone call me"; after a want the verb needs its "to" ("get someone to call me"), or
  // "can i get the representative email address" would ask for a person.
  const direct = has(before, 'causative') || has(before, 'modal');
  let end = first;
  while (has(tokens[end + 1], 'person')) end++;
  // "one of the girls or lads", "your warehouse boys or the boss": another person joined on.
  for (let j = end + 2; j <= end + 3 && j < tokens.length; j++) {
    if (has(tokens[j], 'person') && has(tokens[end + 1], 'after') && !isBreak(tokens[end + 1])) {
      end = j;
      break;
    }
    if (!has(tokens[j], 'glue')) break;
  }
  let k = end + 1;
  // What says which person: "from your company", "of yours", "who knows the gear", "whoever runs
  // the aussie orders".
  if (hasAny(tokens[k], ['from', 'who']) || has(tokens[end], 'who')) {
    const limit = k + 6;
    for (k++; k < tokens.length && k <= limit; k++) {
      if (isBreak(tokens[k]) || hasAny(tokens[k], ['modal', 'help', 'mention', 'negation'])) break;
    }
  }
  const verbAt = k;
  // "Your warehouse staff please call me": an imperative, the person first in its clause.
  const clauseStart = start === 0 || isBreak(tokens[start - 1]);
  for (const limit = k + 3; k < tokens.length && k <= limit; k++) {
    const polite = has(tokens[k - 1], 'filler') && hasAny(tokens[k - 1], ['after']);
    if (clauseStart && k > verbAt && polite) asks = true;
    if (has(tokens[k], 'help')) {
      const joined = k > verbAt || direct;
      return asks && joined && !mentionBefore(tokens, k) ? span(start, k) : null;
    }
    if (has(tokens[k], 'modal')) asks = true;
    else if (!hasAny(tokens[k], ['glue', 'filler', 'real', 'presenceAfter'])) return null;
  }
  return null;
};

/** A desk's name that may describe a person: "your billing folks", "one of your sales people". */
const onlyTeam = (t: Token) => has(t, 'team') && !hasAny(t, ['person', 'glue', 'group']);

/**
 * Back from the person at `i` over what may precede it in its noun phrase: articles, "your",
 * "real", "one of", and up to two words after "your" saying which ("your shipping staff", "one of
 * your product folks"); not after "the" ("the delivery person" is another role).
 */
function nounPhraseStart(tokens: Token[], i: number): number {
  let start = i;
  let described = 0;
  while (start > 0) {
    const t = tokens[start - 1]!;
    if (hasAny(t, ['glue', 'real'])) start--;
    else if ((t.categories.size === 0 || onlyTeam(t)) && described < 2 && !isBreak(t)) {
      let d = start - 2;
      while (d >= 0 && tokens[d]!.categories.size === 0 && !isBreak(tokens[d]) && start - d <= 2)
        d--;
      // A desk names whose person it is without "your": "let billing team member check".
      if (!yourArticle(tokens[d])) {
        if (onlyTeam(t)) start--;
        break;
      }
      described += start - 1 - d;
      start = d + 1;
    } else break;
  }
  return start;
}

/**
 * 16. Passing the matter on to a person, with the matter in between: "refer my query regarding
 * order L2209 to a member of your customer services team", "pass this on to whoever handles
 * shipping", "forward my complaint to your billing people".
 */
const handOver: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'handOver')) return null;
  for (let k = i - 1; k >= 0 && k >= i - 2 && !isBreak(tokens[k]); k--)
    if (has(tokens[k], 'mention')) return null;
  for (let k = i + 1; k < tokens.length && k <= i + 12; k++) {
    // "give my thanks to your team": thanks are passed on, not a matter.
    if (isBreak(tokens[k]) || hasAny(tokens[k], ['mention', 'courtesy'])) return null;
    if (has(tokens[k], 'glue')) {
      const end = reachPerson(tokens, k, 4, true);
      // A bare "someone" is anyone at all, unless said which: "to someone who knows the gear".
      if (end === null) continue;
      const said = has(tokens[end], 'who') || has(tokens[end + 1], 'who');
      if (!has(tokens[end], 'someone') || said) return span(i, end);
    }
  }
  return null;
};

/**
 * 17. Asking whether anyone is reading, the pronoun first: "is anybody actually monitoring this
 * chat?", "anyone even reading these?", "hay alguien ahí?" is matcher 8.
 */
const anyoneThere: Matcher = (tokens, i) => {
  if (!has(tokens[i], 'someone')) return null;
  // "does anyone at Northwind actually read these?": a place or team may say where.
  let where = 0;
  for (let k = i + 1; k < tokens.length && k <= i + 3 + where && !isBreak(tokens[k]); k++) {
    if (has(tokens[k], 'presenceAfter') && !has(tokens[k], 'glue')) return span(i, k);
    if (k === i + 1 && has(tokens[k], 'from') && !has(tokens[k], 'glue')) {
      // "at Northwind", "at the shop": one word naming the place, after at most one article.
      let j = k + 1;
      if (has(tokens[j], 'glue') && !has(tokens[j], 'person')) j++;
      const place = tokens[j];
      if (!place || !(place.categories.size === 0 || onlyTeam(place))) return null;
      where = j - k + 1;
      k = j;
      continue;
    }
    if (!hasAny(tokens[k], ['presence', 'real', 'filler', 'glue'])) return null;
  }
  return null;
};

/**
 * 18. A way to reach the business's people, asked for: "do you have an email for your support
 * staff", "share the contact number of your customer care department", "is there like a support
 * email i can hit up". The address names the people it reaches (after for / of / to, or a team
 * just before it), and something asks for it in the clause (is there, your, give me, can).
 */
const teamChannel: Matcher = (tokens, i) => {
  if (!hasAny(tokens[i], ['address', 'channel'])) return null;
  let asked = -1;
  for (let k = i - 1; k >= 0 && k >= i - 6 && !isBreak(tokens[k]); k--) {
    if (hasAny(tokens[k], ['mention', 'negation'])) return null;
    if (hasAny(tokens[k], ['presence', 'yours', 'want', 'modal', 'who'])) asked = k;
  }
  if (asked < 0) return null;
  if (has(tokens[i - 1], 'team')) return span(asked, i);
  if (!has(tokens[i + 1], 'glue')) return null;
  const end = reachPerson(tokens, i + 1, 4, true);
  return end === null || has(tokens[end], 'someone') ? null : span(asked, end);
};

export const MATCHERS: Matcher[] = [
  realPerson,
  refusesBot,
  request,
  contactVerb,
  wantVerb,
  personThenVerb,
  personSubject,
  presence,
  helpFrom,
  phoneLine,
  whoContact,
  ownLine,
  callYou,
  personActs,
  handOver,
  anyoneThere,
  teamChannel,
];

/**
 * 14. A short clause that is only a person noun and filler: "AGENT", "human pls", "useless bot.
 * PERSON. NOW.", "un humano por favor". Returns the clause's span.
 */
export function bareRequest(tokens: Token[]): Span | null {
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && !isBreak(tokens[i])) continue;
    const clause = tokens.slice(start, i);
    const noun = clause.some((t) => has(t, 'standalone'));
    const short = clause.length <= 4 || (start === 0 && i === tokens.length && clause.length <= 8);
    if (noun && short && clause.every((t) => hasAny(t, ['standalone', 'filler', 'real']))) {
      return { start, end: i - 1 };
    }
    // A phone line on its own: "Customer service number?", "hotline pls", "phone number for support".
    const line = clause.some((t) => has(t, 'channel'));
    const lineWords: Category[] = ['channel', 'filler', 'team', 'address', 'glue'];
    if (line && clause.length <= 5 && clause.every((t) => hasAny(t, lineWords))) {
      return { start, end: i - 1 };
    }
    start = i + 1;
  }
  return null;
}

/** True when a negation governs the span: "i don't want to talk to …", "ich brauche keinen …". */
/**
 * A person said not to be needed, ending its clause: "no person needed", "no human required",
 * "nobody needed thanks". Not a request, and it tells the reader there is none.
 */
export function personDeclined(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!has(tokens[i], 'negation')) continue;
    if (troubleNobody(tokens, i)) return true;
    let j = has(tokens[i], 'person') ? i : i + 1;
    while (has(tokens[j], 'glue') && !has(tokens[j], 'person') && j < i + 3) j++;
    const declined = hasAny(tokens[j + 1], ['real', 'filler']) && closes(tokens[j + 2], ['after']);
    if (has(tokens[j], 'person') && declined) return true;
  }
  return false;
}

/**
 * "no need to trouble a person with it", "don't need to bother anybody": after the negation and
 * words it reaches across, one verb no list knows, then (past articles only) the person.
 */
function troubleNobody(tokens: Token[], at: number): boolean {
  let k = at + 1;
  while (k < at + 5 && hasAny(tokens[k], ['negationReach', 'want']) && !has(tokens[k], 'person'))
    k++;
  const verb = tokens[k];
  if (!verb || isBreak(verb) || verb.categories.size > 0) return false;
  k++;
  while (has(tokens[k], 'glue') && !has(tokens[k], 'person') && k < at + 8) k++;
  return has(tokens[k], 'person');
}

export function negated(tokens: Token[], found: Span): boolean {
  for (let k = found.start; k <= found.end; k++) if (has(tokens[k], 'negation')) return true;
  for (let i = found.start - 1, steps = 0; i >= 0 && steps < 5; i--, steps++) {
    if (has(tokens[i], 'negation')) return true;
    // "don't need anybody to call me back", "no need for anyone to ring me": the person wanted
    // to act, between.
    const wanted =
      has(tokens[i - 1], 'want') || (has(tokens[i - 1], 'glue') && has(tokens[i - 2], 'want'));
    if (has(tokens[i], 'someone') && wanted) continue;
    // "please don't trouble anyone to ring me back": a verb no list knows after the negation.
    const troubled = tokens[i - 1]?.categories.size === 0 && has(tokens[i - 2], 'negation');
    if (has(tokens[i], 'someone') && troubled) return true;
    if (!hasAny(tokens[i], ['negationReach', 'want', 'modal'])) return false;
  }
  return false;
}
