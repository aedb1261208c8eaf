import { detectLanguage, type Language } from '@baton/escalation';

/**
 * What the assistant says when a message is in a language its knowledge base is not written in:
 * that it did not understand, in the customer's own language, and that a person can help. Never
 * a knowledge-base answer in English, as if it had understood.
 */
export const NOT_UNDERSTOOD_IN: Readonly<Record<Language, string>> = {
  en: "Sorry, I didn't understand that. Could you say it another way, or would you like to talk to a person?",
  es: 'Lo siento, solo puedo responder en inglés y no he entendido bien su mensaje. Si quiere, le atiende una persona: pídalo o pulse el botón para hablar con una persona.',
  fr: "Désolé, je ne peux répondre qu'en anglais et je n'ai pas bien compris votre message. Une personne peut vous aider : demandez-le, ou utilisez le bouton pour parler à une personne.",
  de: 'Entschuldigung, ich kann nur auf Englisch antworten und habe Ihre Nachricht nicht richtig verstanden. Ein Mitarbeiter kann Ihnen helfen: Fragen Sie einfach danach oder nutzen Sie die Schaltfläche, um mit einer Person zu sprechen.',
  pt: 'Desculpe, só consigo responder em inglês e não entendi bem a sua mensagem. Uma pessoa pode ajudar: peça ou use o botão para falar com uma pessoa.',
  it: 'Mi dispiace, posso rispondere solo in inglese e non ho capito bene il suo messaggio. Una persona può aiutarla: lo chieda o usi il pulsante per parlare con una persona.',
  nl: 'Sorry, ik kan alleen in het Engels antwoorden en ik heb uw bericht niet goed begrepen. Een medewerker kan u helpen: vraag erom of gebruik de knop om met een persoon te praten.',
};

/** From this confidence the detector alone decides. */
export const MIN_LANGUAGE_CONFIDENCE = 0.5;
/**
 * Under it, the detector's weaker verdict counts when the knowledge base knows few of the words
 * (vocabulary coverage below this): chat-length text gives the detector little evidence, but
 * an English message it mislabels is still mostly familiar words.
 */
export const MAX_FOREIGN_COVERAGE = 0.5;

/**
 * The message's language when it is, with good evidence, one the knowledge base is not written
 * in; null otherwise (the knowledge base's own language, or too short / unclear to tell).
 * `coverage` is the share of the message's words the knowledge base knows (0..1).
 */
export function foreignLanguage(
  text: string,
  coverage: number,
  kbLanguage: Language = 'en',
): Language | null {
  const { language, confidence } = detectLanguage(text);
  if (language === null || language === kbLanguage || confidence <= 0) return null;
  return confidence >= MIN_LANGUAGE_CONFIDENCE || coverage < MAX_FOREIGN_COVERAGE ? language : null;
}
