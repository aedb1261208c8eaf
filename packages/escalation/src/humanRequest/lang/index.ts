import type { LanguageWords } from '../vocabulary';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';
import { pt } from './pt';

/** Every language the request-for-a-person matcher knows. Add a file beside these and list it. */
export const LANGUAGE_WORDS: LanguageWords[] = [en, es, fr, de, pt, it, nl];
