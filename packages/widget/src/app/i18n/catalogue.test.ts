import { englishNotices, renderNotice, type QueueFacts } from '@baton/shared/notices';
import { afterEach, describe, expect, it } from 'vitest';
import { en, type Strings } from './en';
import { errorText, LANGUAGES, pickLanguage, t, useLanguage } from '.';

const facts: QueueFacts = {
  team: 'Billing',
  position: 2,
  passedBy: 0,
  online: 1,
  openNow: true,
  hours: null,
  emailLeft: false,
  overdue: false,
  slaMinutes: 15,
  minutes: 3,
  samples: 12,
  exceedsSla: false,
};

/** Every string of a catalogue, with each function called on sample arguments. */
function allTexts(s: Strings): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (key === 'dir') continue;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) out.push(...value);
    else if (typeof value === 'function')
      out.push((value as (...a: unknown[]) => string)(2, false));
    else if (key === 'errors') out.push(...Object.values(value as Record<string, string>));
  }
  for (const [code, render] of Object.entries(s.notices ?? {})) {
    const sample =
      code === 'status_queued'
        ? facts
        : {
            agent: 'Ana',
            team: 'Billing',
            email: 'a@b.c',
            action: 'refund',
            note: null,
            assistantContinues: true,
            emailLeft: false,
          };
    out.push((render as (p: unknown) => string)(sample));
  }
  return out;
}

afterEach(() => useLanguage('en'));

describe('the widget catalogues', () => {
  it('picks the first language it speaks, by base language, else English', () => {
    expect(pickLanguage([undefined, 'pt-BR', 'de'])).toBe('pt');
    expect(pickLanguage(['sv-SE', 'fr_CA'])).toBe('fr');
    expect(pickLanguage(['', null, 'zz'])).toBe('en');
    expect(LANGUAGES).toEqual(
      expect.arrayContaining(['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'ar']),
    );
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s translates every string, none left empty or English',
    async (language) => {
      await useLanguage(language);
      expect(t).not.toBe(en);
      const texts = allTexts(t);
      // Every string of English, and a wording for every notice the server sends.
      expect(texts.length).toBe(allTexts(en).length + Object.keys(englishNotices).length);
      expect(Object.keys(t.notices!).sort()).toEqual(Object.keys(englishNotices).sort());
      for (const text of texts) expect(text.trim()).not.toBe('');
      // Untranslated strings would read exactly as English (a few may, e.g. "OK"): at most 2.
      const english = new Set(allTexts(en));
      expect(texts.filter((x) => english.has(x)).length).toBeLessThanOrEqual(2);
      // Parameters are kept: the team name and the counts reach the sentence.
      const banner = renderNotice(t.notices!, { code: 'status_queued', params: facts })!;
      expect(banner).toContain('Billing');
      expect(banner).toMatch(/2/);
      expect(banner).toMatch(/3/);
    },
  );

  it('lays Arabic out right to left, the others left to right', async () => {
    const doc = { documentElement: { lang: '', dir: '' } } as unknown as Document;
    await useLanguage('ar', doc);
    expect(doc.documentElement.dir).toBe('rtl');
    expect(doc.documentElement.lang).toBe('ar');
    await useLanguage('de', doc);
    expect(doc.documentElement.dir).toBe('ltr');
  });

  it('turns error codes into words a customer can act on, in the chosen language', async () => {
    expect(errorText({ code: 'RATE_LIMITED' })).toMatch(/wait a few seconds/);
    expect(errorText({ code: 'TIMEOUT' })).toMatch(/connection/);
    expect(errorText({ code: 'SOMETHING_NEW' })).toBe(en.errors.other);
    await useLanguage('es');
    expect(errorText({ code: 'SOMETHING_NEW' })).not.toBe(en.errors.other);
  });

  it('renders English notices from their codes, and nothing for an unknown code', () => {
    expect(renderNotice(englishNotices, { code: 'agent_joined', params: { agent: 'Ana' } })).toBe(
      'Ana joined the conversation.',
    );
    expect(renderNotice(englishNotices, { code: 'not_a_code', params: {} })).toBeNull();
    expect(
      renderNotice(englishNotices, { code: 'status_queued', params: { ...facts, online: 0 } }),
    ).toBe(
      'You are number 2 in the queue for Billing. No one from Billing is online right now. ' +
        'Leave your email and we will reply there — you keep your place.',
    );
  });
});
