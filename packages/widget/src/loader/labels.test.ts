import { describe, expect, it } from 'vitest';
import { LANGUAGES, pickLanguage, t, useLanguage } from '../app/i18n';
import { loaderLabels } from './labels';

describe("the loader's labels", () => {
  it.each(LANGUAGES)('%s: the same words as the catalogue', async (language) => {
    await useLanguage(language);
    expect(loaderLabels([language])).toEqual([t.open, t.title]);
  });

  it('picks the language as the widget does', async () => {
    for (const candidates of [['pt-BR'], [undefined, 'sv', 'de-AT'], ['zz'], ['', 'AR']]) {
      await useLanguage(pickLanguage(candidates));
      expect(loaderLabels(candidates)).toEqual([t.open, t.title]);
    }
    await useLanguage('en');
  });
});
