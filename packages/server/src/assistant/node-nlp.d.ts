// node-nlp ships no type declarations; this covers the small surface the assistant uses.
declare module 'node-nlp' {
  export interface NlpManagerSettings {
    languages?: string[];
    forceNER?: boolean;
    /** Scores under this become intent 'None' (default 0.5). */
    threshold?: number;
    autoSave?: boolean;
    autoLoad?: boolean;
    calculateSentiment?: boolean;
    nlu?: { log?: boolean; spellCheck?: boolean };
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

  export class NlpManager {
    constructor(settings?: NlpManagerSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpProcessResult>;
  }

  export interface NlpStemmer {
    /** Lower-cases, tokenises and stems; `keepStopwords` false drops the library's stopwords. */
    tokenizeAndStem(text: string, keepStopwords?: boolean): string[];
  }

  export const NlpUtil: {
    getStemmer(locale: string): NlpStemmer;
  };

  const nodeNlp: { NlpManager: typeof NlpManager; NlpUtil: typeof NlpUtil };
  export default nodeNlp;
}
