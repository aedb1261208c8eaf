import { normaliseText } from './text';
import { cueRegex } from './topicSignature';

/**
 * Words in which a customer says the assistant's answers are not answering them: "you're just
 * repeating the same thing", "that's not what I asked", "me repites lo mismo", "das hilft mir
 * nicht". One list per language, written as they look after `normaliseText` (lower case, no
 * accents or apostrophes: "doesnt", "nest"); a cue ending in `*` matches any word starting with
 * it. Every list is tried on every message.
 */
export const NOT_ANSWERED: Readonly<Record<string, readonly string[]>> = {
  en: [
    'repeating the same',
    'repeating yourself',
    'repeating urself',
    'keep repeating',
    'keep saying the same',
    'you keep saying',
    'u keep saying',
    'same thing again',
    'same answer',
    'same reply',
    'same message',
    'same link',
    'already said that',
    'said that already',
    'already told me that',
    'not what i asked',
    'not what im asking',
    'not my question',
    'didnt answer my question',
    'doesnt answer my question',
    'not answering my question',
    'dont answer my question',
    'you arent listening',
    'youre not listening',
    'not listening to me',
    'that doesnt help',
    'that didnt help',
    'this doesnt help',
    'thats not helpful',
    'not helpful at all',
    'useless answer',
    'going in circles',
    'round in circles',
    'around in circles',
    'copy paste',
    'canned answer',
    'canned response',
    'scripted answer',
    'ask again',
    'asking again',
    'i already read',
    'already read that',
    'read that already',
    'read it already',
    'yes or no',
  ],
  es: [
    'lo mismo otra vez',
    'otra vez lo mismo',
    'me repites',
    'me repite',
    'repites lo mismo',
    'la misma respuesta',
    'no es lo que pregunte',
    'no es lo que te pregunte',
    'no respondes mi pregunta',
    'no responde mi pregunta',
    'no contestas',
    'no me sirve',
    'no me ayuda',
    'en circulos',
  ],
  fr: [
    'la meme chose',
    'la meme reponse',
    'vous repetez',
    'tu repetes',
    'ce nest pas ce que jai demande',
    'pas ce que je demande',
    'ne repond pas a ma question',
    'repondez pas a ma question',
    'ca ne maide pas',
    'ca maide pas',
    'tourne en rond',
    'tourner en rond',
  ],
  de: [
    'das gleiche',
    'dasselbe',
    'dieselbe antwort',
    'gleiche antwort',
    'wiederholst',
    'wiederholen sich',
    'nicht meine frage',
    'nicht was ich gefragt',
    'beantwortet nicht',
    'beantwortet meine frage nicht',
    'hilft mir nicht',
    'hilft nicht',
    'im kreis',
  ],
  pt: [
    'a mesma coisa',
    'a mesma resposta',
    'repetindo',
    'nao foi isso que perguntei',
    'nao foi o que perguntei',
    'nao responde',
    'nao respondeu',
    'nao me ajuda',
    'nao ajudou',
    'em circulos',
  ],
  it: [
    'la stessa cosa',
    'la stessa risposta',
    'ripeti',
    'ripetete',
    'non e quello che ho chiesto',
    'non ho chiesto questo',
    'non risponde',
    'non rispondi',
    'non mi aiuta',
    'non mi serve',
    'in tondo',
    'in circolo',
  ],
  nl: [
    'hetzelfde',
    'zelfde antwoord',
    'herhaalt',
    'herhaal je',
    'niet wat ik vroeg',
    'geen antwoord op mijn vraag',
    'beantwoordt mijn vraag niet',
    'helpt niet',
    'helpt me niet',
    'in rondjes',
    'in cirkels',
  ],
};

const PATTERN = cueRegex(Object.values(NOT_ANSWERED).flat());

const MAX_CHARS = 2000;

/** The words saying the assistant's answers are not answering, or null. */
export function saysNotAnswered(text: string | null): string | null {
  if (text === null) return null;
  const found = PATTERN.exec(normaliseText(text.slice(0, MAX_CHARS)).replace(/\s+/g, ' '));
  return found ? found[0].trim() : null;
}
