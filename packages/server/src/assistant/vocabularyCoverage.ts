import { StemmerEn } from '@nlpjs/lang-en';

// Function words carry no topic; leaving them out keeps "what is the capital of mongolia" from
// looking familiar just because "what", "is" and "the" appear in the training examples.
const STOPWORDS =
  'a an the and or but if then than so to of in on at by for from with about into over after ' +
  'before i me my mine we us our you your it its this that these those there here ' +
  'is are was were be been being am do does did done have has had can could would will ' +
  'should shall may might must what which who whom how when where why not no yes just please';

export interface Vocabulary {
  /**
   * Share of the text's content words (stemmed, stopwords and tokens with digits left out)
   * seen in training, smoothed as (known + 2) / (content + 2): 1 when every word is known or
   * the text has no content words, falling towards 0 as unknown words dominate. The smoothing
   * keeps one unfamiliar word in a short question ("store" in "what are your store hours") from
   * sinking a correct match below the tier-1 threshold.
   */
  coverage(text: string): number;
  /** How many content words (stemmed, stopwords and tokens with digits left out) the text has. */
  contentWords(text: string): number;
}

/** The classifier ignores words it never saw, so its score alone cannot say "off-topic". */
export function createVocabulary(examples: readonly string[]): Vocabulary {
  const stemmer = new StemmerEn();
  const stems = (text: string) => stemmer.tokenizeAndStem(text, true);
  const stopStems = new Set(stems(STOPWORDS));
  const known = new Set(examples.flatMap(stems));
  const content = (text: string) =>
    stems(text).filter((stem) => /^\p{L}+$/u.test(stem) && !stopStems.has(stem));
  return {
    coverage(text) {
      const words = content(text);
      const knownCount = words.filter((stem) => known.has(stem)).length;
      return (knownCount + 2) / (words.length + 2);
    },
    contentWords(text) {
      return content(text).length;
    },
  };
}
