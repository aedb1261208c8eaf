/** German. */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

const msgs = (n: number) => `${n} ${n === 1 ? 'neue Nachricht' : 'neue Nachrichten'}`;
const min = (n: number) => `${n} ${n === 1 ? 'Minute' : 'Minuten'}`;
const sorry = 'das tut uns leid.';

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' Ein dringenderes Anliegen, das nach Ihrem kam, wird vor Ihnen bearbeitet.'
      : ` ${n} dringendere Anliegen, die nach Ihrem kamen, werden vor Ihnen bearbeitet.`;

const notices: NoticeTexts = {
  human_button: () => 'Mit einem Menschen sprechen',
  agent_joined: (p) => `${p.agent} ist dem Chat beigetreten.`,
  resolved: (p) => `${p.agent} hat den Chat als gelöst markiert.`,
  email_left: (p) =>
    `Wir antworten Ihnen an ${p.email}, und Sie behalten Ihren Platz in der Warteschlange.`,
  action_approved: (p) => `${p.agent} hat Ihre Anfrage „${p.action}“ genehmigt.`,
  action_denied: (p) =>
    `${p.agent} hat Ihre Anfrage „${p.action}“ geprüft und konnte sie nicht genehmigen` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `Jemand von ${p.team} muss Ihre Anfrage „${p.action}“ genehmigen; Sie sehen die Entscheidung hier.` +
    (p.assistantContinues
      ? ' In der Zwischenzeit hilft Ihnen der Assistent weiterhin bei allgemeinen Fragen.'
      : ''),
  draft_review: (p) => `Jemand von ${p.team} prüft die Antwort, bevor sie an Sie gesendet wird.`,
  person_handling: (p) =>
    `Eine Person von ${p.team} kümmert sich um diesen Chat; der Assistent hat sich zurückgezogen.`,
  human_requested: (p) =>
    `Sie haben nach einer Person gefragt. Der Assistent hat sich zurückgezogen, und Sie sind in der Warteschlange für ${p.team}.`,
  assistant_failed: (p) =>
    `Unser Assistent konnte gerade nicht antworten; jemand von ${p.team} antwortet Ihnen hier.`,
  turn_failed: (p) =>
    `Bei Ihrer letzten Nachricht ist auf unserer Seite etwas schiefgelaufen; jemand von ${p.team} antwortet Ihnen hier.`,
  needs_person: (p) =>
    `Hierfür braucht es eine Person von ${p.team}. Der Assistent hat sich zurückgezogen, und Sie sind in der Warteschlange.`,
  sla_breach: (p) =>
    `Das dauert länger als versprochen, ${sorry} Sie sind weiterhin in der Warteschlange für ${p.team}` +
    (p.emailLeft
      ? ', und wir antworten auch an die E-Mail-Adresse, die Sie hinterlassen haben.'
      : '. Wenn Sie nicht warten möchten, hinterlassen Sie Ihre E-Mail-Adresse, und wir antworten Ihnen dort.'),
  status_bot: () => 'Sie chatten mit unserem Assistenten. Ein Mensch ist nur einen Klick entfernt.',
  status_resolved: () =>
    'Dieser Chat wurde als gelöst markiert. Schreiben Sie uns jederzeit wieder.',
  status_assigned: (p) => `Sie chatten mit ${p.agent ?? 'jemandem'} von ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `Sie sind in der Warteschlange für ${s.team}.`
        : `Sie sind Nummer ${s.position} in der Warteschlange für ${s.team}.`) +
      passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `Gerade ist niemand von ${s.team} online.`
        : `${s.team} ist gerade geschlossen.`;
      const hours = s.hours ? ` Öffnungszeiten: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'Wir haben Ihre E-Mail-Adresse und antworten Ihnen dort; Sie behalten Ihren Platz.'
        : 'Hinterlassen Sie Ihre E-Mail-Adresse, und wir antworten Ihnen dort – Sie behalten Ihren Platz.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online =
      s.online === 1
        ? `1 Person von ${s.team} ist online.`
        : `${s.online} Personen von ${s.team} sind online.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? `Das dauert länger als versprochen, ${sorry}`
          : `Das dauert länger als unser Ziel von ${min(s.slaMinutes)}, ${sorry}`;
      const keep = s.emailLeft
        ? 'Wir haben Ihre E-Mail-Adresse und antworten Ihnen auch dort; Sie behalten Ihren Platz.'
        : 'Hinterlassen Sie Ihre E-Mail-Adresse, und wir antworten Ihnen dort – Sie behalten Ihren Platz.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'Noch keine Schätzung.';
    if (s.minutes !== null) {
      const last = s.samples === 1 ? 'des letzten Kunden' : `der letzten ${s.samples} Kunden`;
      wait = `Geschätzte Wartezeit: etwa ${min(s.minutes)} (Median der Wartezeit ${last} bei ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` Das ist länger als unser Ziel von ${min(s.slaMinutes)}, ${sorry}`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const de: Strings = {
  dir: 'ltr',
  title: 'Chatten Sie mit uns',
  panel: 'Chat',
  open: 'Chat öffnen',
  close: 'Chat schließen',
  openUnread: (n) => `Chat öffnen, ${msgs(n)}`,
  unread: (n) => `${msgs(n)} im Chat`,
  connecting: 'Verbindung wird hergestellt…',
  offline: 'Verbindung unterbrochen – wird wiederhergestellt…',
  unavailable: 'Der Chat ist gerade nicht verfügbar.',
  resumeExpired:
    'Dieser Chat-Link ist abgelaufen, daher beginnt hier ein neuer Chat. Unsere Antwort finden Sie in Ihrem E-Mail-Postfach.',
  greeting: 'Fragen Sie uns alles. Ein Mensch ist immer nur einen Klick entfernt.',
  conversation: 'Chatverlauf',
  you: 'Sie',
  assistant: 'Assistent',
  agent: 'Kundenservice',
  sending: 'Wird gesendet…',
  notSent: 'Nicht gesendet:',
  retry: 'Erneut versuchen',
  message: 'Nachricht',
  placeholder: 'Nachricht eingeben…',
  send: 'Senden',
  sendMessage: 'Nachricht senden',
  human: 'Mit einem Menschen sprechen',
  waiting: 'Warten auf eine Person…',
  waitingHint: 'Klicken Sie, um Ihren Platz in der Warteschlange erneut zu prüfen',
  queuedNote: 'Eine Person liest dies, sobald sie dem Chat beitritt.',
  typing: (name) => `${name} schreibt…`,
  attach: 'Datei anhängen',
  attachHint: 'Bilder oder PDF, bis zu 10 MB',
  openFile: (name) => `${name} öffnen`,
  email: 'Ihre E-Mail-Adresse',
  emailSaved: 'E-Mail-Adresse gespeichert.',
  transcriptOpen: 'Diesen Chat per E-Mail erhalten',
  transcriptLabel: 'Eine Kopie dieses Chats senden an',
  transcriptSent: (to) => `Eine Kopie dieses Chats ist unterwegs an ${to}.`,
  csatQuestion: 'Wie zufrieden waren Sie?',
  csatChoices: [
    '1 von 5, sehr schlecht',
    '2 von 5, schlecht',
    '3 von 5, in Ordnung',
    '4 von 5, gut',
    '5 von 5, ausgezeichnet',
  ],
  csatLow: 'Sehr schlecht',
  csatHigh: 'Ausgezeichnet',
  csatComment: 'Möchten Sie noch etwas hinzufügen? (optional)',
  csatSend: 'Bewertung senden',
  csatChange: 'Bewertung ändern',
  csatThanks: (rating, replaced) =>
    replaced
      ? `Danke – wir haben Ihre Bewertung auf ${rating} von 5 geändert.`
      : `Vielen Dank für Ihr Feedback! Sie haben uns mit ${rating} von 5 bewertet.`,
  errors: {
    TIMEOUT:
      'Keine Antwort vom Server. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    RATE_LIMITED:
      'Zu viele Versuche in kurzer Zeit. Bitte warten Sie einige Sekunden und versuchen Sie es erneut.',
    UNAVAILABLE: 'Das hat gerade nicht geklappt. Bitte versuchen Sie es erneut.',
    INVALID_PAYLOAD:
      'Das konnte nicht angenommen werden. Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut.',
    NOT_QUEUED: 'Sie befinden sich nicht mehr in einer Warteschlange.',
    CONVERSATION_CLOSED:
      'Dieser Chat ist beendet. Schreiben Sie erneut, um einen neuen Chat zu beginnen.',
    UNKNOWN_SITE: 'Dieser Chat ist für diese Website nicht eingerichtet.',
    ORIGIN_NOT_ALLOWED: 'Dieser Chat ist für diese Website nicht eingerichtet.',
    PAYLOAD_TOO_LARGE: 'Diese Datei ist größer als 10 MB.',
    UNSUPPORTED_MEDIA_TYPE:
      'Es können nur Bilder (PNG, JPEG, GIF, WebP) und PDF-Dateien gesendet werden.',
    other: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  notices,
};
export default de;
