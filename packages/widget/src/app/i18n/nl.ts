/** Dutch. */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

const msgs = (n: number) => `${n} ${n === 1 ? 'nieuw bericht' : 'nieuwe berichten'}`;
const min = (n: number) => `${n} ${n === 1 ? 'minuut' : 'minuten'}`;

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' Een dringender gesprek dat na het jouwe binnenkwam, gaat voor.'
      : ` ${n} dringendere gesprekken die na het jouwe binnenkwamen, gaan voor.`;

const notices: NoticeTexts = {
  human_button: () => 'Praat met een medewerker',
  agent_joined: (p) => `${p.agent} neemt nu deel aan het gesprek.`,
  resolved: (p) => `${p.agent} heeft het gesprek als opgelost gemarkeerd.`,
  email_left: (p) => `We antwoorden je op ${p.email} en je houdt je plek in de wachtrij.`,
  action_approved: (p) => `${p.agent} heeft je aanvraag voor ${p.action} goedgekeurd.`,
  action_denied: (p) =>
    `${p.agent} heeft je aanvraag voor ${p.action} bekeken en kon die niet goedkeuren` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `Een medewerker van ${p.team} moet deze aanvraag voor ${p.action} goedkeuren; je ziet de beslissing hier.` +
    (p.assistantContinues
      ? ' Intussen kan de assistent je nog steeds helpen met algemene vragen.'
      : ''),
  draft_review: (p) =>
    `Een medewerker van ${p.team} controleert het antwoord voordat het naar je wordt verstuurd.`,
  person_handling: (p) =>
    `Een medewerker van ${p.team} behandelt dit gesprek; de assistent heeft een stap terug gedaan.`,
  human_requested: (p) =>
    `Je hebt om een medewerker gevraagd. De assistent heeft een stap terug gedaan en je staat in de wachtrij voor ${p.team}.`,
  assistant_failed: (p) =>
    `Onze assistent kon nu even geen antwoord geven; een medewerker van ${p.team} reageert hier.`,
  turn_failed: (p) =>
    `Er ging aan onze kant iets mis met je laatste bericht; een medewerker van ${p.team} reageert hier.`,
  needs_person: (p) =>
    `Hiervoor is een medewerker van ${p.team} nodig. De assistent heeft een stap terug gedaan en je staat in de wachtrij.`,
  sla_breach: (p) =>
    `Dit duurt langer dan we hebben beloofd, sorry. Je staat nog steeds in de wachtrij voor ${p.team}` +
    (p.emailLeft
      ? ', en we antwoorden ook op het e-mailadres dat je hebt achtergelaten.'
      : '; wil je liever niet wachten, laat dan je e-mailadres achter en we antwoorden je daar.'),
  status_bot: () => 'Je chat met onze assistent. Een medewerker is maar één klik verwijderd.',
  status_resolved: () => 'Dit gesprek is opgelost. Stuur gerust op elk moment een nieuw bericht.',
  status_assigned: (p) => `Je chat met ${p.agent ?? 'een medewerker'} van ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `Je staat in de wachtrij voor ${s.team}.`
        : `Je bent nummer ${s.position} in de wachtrij voor ${s.team}.`) + passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `Er is nu niemand van ${s.team} online.`
        : `${s.team} is nu gesloten.`;
      const hours = s.hours ? ` Openingstijden: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'We hebben je e-mailadres en antwoorden je daar; je houdt je plek.'
        : 'Laat je e-mailadres achter en we antwoorden je daar — je houdt je plek.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online =
      s.online === 1
        ? `1 medewerker van ${s.team} is online.`
        : `${s.online} medewerkers van ${s.team} zijn online.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? 'Dit duurt langer dan we hebben beloofd, sorry.'
          : `Dit duurt langer dan onze streeftijd van ${min(s.slaMinutes)}, sorry.`;
      const keep = s.emailLeft
        ? 'We hebben je e-mailadres en antwoorden je daar ook; je houdt je plek.'
        : 'Laat je e-mailadres achter en we antwoorden je daar — je houdt je plek.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'Nog geen schatting.';
    if (s.minutes !== null) {
      const last = s.samples === 1 ? 'de laatste klant' : `de laatste ${s.samples} klanten`;
      wait = `Geschatte wachttijd: ongeveer ${min(s.minutes)} (mediane wachttijd van ${last} bij ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` Dat is langer dan onze streeftijd van ${min(s.slaMinutes)}, sorry.`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const nl: Strings = {
  dir: 'ltr',
  title: 'Chat met ons',
  panel: 'Chat',
  open: 'Chat openen',
  close: 'Chat sluiten',
  openUnread: (n) => `Chat openen, ${msgs(n)}`,
  unread: (n) => `${msgs(n)} in de chat`,
  connecting: 'Verbinden…',
  offline: 'Verbinding verbroken — opnieuw verbinden…',
  unavailable: 'De chat is nu niet beschikbaar.',
  resumeExpired:
    'Die chatlink is verlopen, dus dit is een nieuwe chat. Ons antwoord staat in je e-mail.',
  greeting: 'Stel ons gerust je vraag. Een medewerker is altijd maar één klik verwijderd.',
  conversation: 'Gesprek',
  you: 'Jij',
  assistant: 'Assistent',
  agent: 'Medewerker',
  sending: 'Versturen…',
  notSent: 'Niet verstuurd:',
  retry: 'Opnieuw proberen',
  message: 'Bericht',
  placeholder: 'Typ een bericht…',
  send: 'Versturen',
  sendMessage: 'Bericht versturen',
  human: 'Praat met een medewerker',
  waiting: 'Wachten op een medewerker…',
  waitingHint: 'Klik om je plek in de wachtrij opnieuw te bekijken',
  queuedNote: 'Een medewerker leest dit zodra die aansluit.',
  typing: (name) => `${name} is aan het typen…`,
  attach: 'Bestand bijvoegen',
  attachHint: 'Afbeeldingen of pdf, max. 10 MB',
  openFile: (name) => `${name} openen`,
  email: 'Je e-mailadres',
  emailSaved: 'E-mailadres opgeslagen.',
  transcriptOpen: 'Stuur mij deze chat per e-mail',
  transcriptLabel: 'Stuur een kopie van deze chat naar',
  transcriptSent: (to) => `Een kopie van deze chat is onderweg naar ${to}.`,
  csatQuestion: 'Hoe hebben we het gedaan?',
  csatChoices: [
    '1 van 5, zeer slecht',
    '2 van 5, slecht',
    '3 van 5, redelijk',
    '4 van 5, goed',
    '5 van 5, uitstekend',
  ],
  csatLow: 'Zeer slecht',
  csatHigh: 'Uitstekend',
  csatComment: 'Wil je nog iets toevoegen? (optioneel)',
  csatSend: 'Beoordeling versturen',
  csatChange: 'Beoordeling wijzigen',
  csatThanks: (rating, replaced) =>
    replaced
      ? `Bedankt — we hebben je beoordeling gewijzigd naar ${rating} van 5.`
      : `Bedankt voor je feedback! Je gaf ons ${rating} van 5.`,
  errors: {
    TIMEOUT: 'Geen antwoord van de server. Controleer je verbinding en probeer het opnieuw.',
    RATE_LIMITED: 'Te veel pogingen in korte tijd. Wacht een paar seconden en probeer het opnieuw.',
    UNAVAILABLE: 'Dat lukte nu even niet. Probeer het opnieuw.',
    INVALID_PAYLOAD: 'Dat kon niet worden geaccepteerd. Controleer het en probeer het opnieuw.',
    NOT_QUEUED: 'Je staat niet meer in een wachtrij.',
    CONVERSATION_CLOSED:
      'Deze chat is beëindigd. Stuur een nieuw bericht om een nieuwe chat te starten.',
    UNKNOWN_SITE: 'Deze chat is niet ingesteld voor deze website.',
    ORIGIN_NOT_ALLOWED: 'Deze chat is niet ingesteld voor deze website.',
    PAYLOAD_TOO_LARGE: 'Dat bestand is groter dan 10 MB.',
    UNSUPPORTED_MEDIA_TYPE:
      'Je kunt alleen afbeeldingen (PNG, JPEG, GIF, WebP) en pdf-bestanden versturen.',
    other: 'Er ging iets mis. Probeer het opnieuw.',
  },
  notices,
};
export default nl;
