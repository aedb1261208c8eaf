// The NLP.js packages ship no type declarations; this covers the small surface the assistant uses.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';

  export interface NlpSettings {
    languages?: string[];
    forceNER?: boolean;
    /** Scores under this become intent 'None' (default 0.5). */
    threshold?: number;
    autoSave?: boolean;
    autoLoad?: boolean;
    calculateSentiment?: boolean;
    nlu?: { log?: boolean };
    container?: Container;
  }

  export interface NlpClassification {
    intent: string;
    score: number;
  }

  export interface NlpProcessResult {
    locale: string;
    utterance: string;
    /** 'None' when nothing matched. */
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }

  export class Nlp {
    constructor(settings?: NlpSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpProcessResult>;
  }
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
  export class StemmerEn {
    /** Lower-cases, tokenises and stems (standalone it can only keep stopwords). */
    tokenizeAndStem(text: string, keepStopwords: true): string[];
  }
}
