import { tokenize } from '@baton/escalation';

/**
 * Words that make up greetings, thanks, goodbyes and acknowledgements in chat ("bet ty",
 * "righto cheers", "Splendid. Good day to you.", "hiii"). A message made only of these asks for
 * nothing: the classifier often cannot place it (the words are rare in any knowledge base), and
 * reading it as "not understood" would count a customer's thanks as a failed turn.
 */
const WORDS = new Set(
  `hi hii hiya hey heya hello helo hallo howdy yo sup morning afternoon evening good day night
  greetings there all team folks guys everyone
  thanks thank thx thanx tnx ty tysm tyvm ta cheers appreciate appreciated grateful gracias merci
  danke million lot much so very you u ya again
  ok okay k kk okey okk alright aight righto right sure fine great cool nice lovely brill
  brilliant splendid perfect awesome amazing wonderful excellent super sweet bet noted gotcha
  got it understood yes yeah yep yup sounds good done
  bye goodbye cya later take care have a the and to of for your my
  god bless blessings lol haha hehe wow oh ah aw yay
  that s all is helps helpful helped`
    .split(/\s+/)
    .filter(Boolean),
);

/** Longest message read as a pleasantry: past this it is saying something. */
const MAX_WORDS = 8;

/** Words that open a conversation rather than close or acknowledge one. */
const GREETINGS = new Set(
  'hi hii hiya hey heya hello helo hallo howdy yo sup morning afternoon evening greetings'.split(
    ' ',
  ),
);

/**
 * The plain phrase a pleasantry stands for, for when its own words are too rare for the
 * classifier ("k", "sweet 🙌", "yo"): a greeting reads as "hello", anything else (thanks,
 * acknowledgements, goodbyes) as "ok thanks".
 */
export function plainPleasantry(text: string): string {
  return tokenize(text).some((t) => GREETINGS.has(t)) ? 'hello' : 'ok thanks';
}

export function isPleasantry(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length > 0 && tokens.length <= MAX_WORDS && tokens.every((t) => WORDS.has(t));
}
