/**
 * French and Italian elide articles and pronouns: "d'un conseiller", "l'agent", "j'ai",
 * "c'è qualcuno", "dell'ordine". Removing the apostrophe, as the shared normaliser does for
 * "don't", would glue them into "dun", "lagent"; here the elided word is split off instead, for
 * messages and word lists alike. English contractions ("don't", "I'd", "ma'am") are left whole:
 * none of these prefixes stands alone before their apostrophe.
 */
const ELISION =
  /(?<![\p{L}\p{N}])(c|d|j|l|m|n|qu|s|t|jusqu|lorsqu|puisqu|un|dell|all|dall|nell|sull|quell|po)['\u2019`\u00b4](?=\p{L})/giu;

export function splitElisions(text: string): string {
  return text.replace(ELISION, '$1 ');
}
