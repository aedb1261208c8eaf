/** Italian. */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

const msgs = (n: number) => `${n} ${n === 1 ? 'nuovo messaggio' : 'nuovi messaggi'}`;
const min = (n: number) => `${n} ${n === 1 ? 'minuto' : 'minuti'}`;
const sorry = 'ci scusiamo.';

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' Una conversazione più urgente arrivata dopo la tua è davanti a te.'
      : ` ${n} conversazioni più urgenti arrivate dopo la tua sono davanti a te.`;

const notices: NoticeTexts = {
  human_button: () => 'Parla con una persona',
  agent_joined: (p) => `${p.agent} partecipa ora alla conversazione.`,
  resolved: (p) => `${p.agent} ha segnato la conversazione come risolta.`,
  email_left: (p) => `Ti risponderemo a ${p.email} e mantieni il tuo posto in coda.`,
  action_approved: (p) => `${p.agent} ha approvato la tua richiesta di ${p.action}.`,
  action_denied: (p) =>
    `${p.agent} ha esaminato la tua richiesta di ${p.action} e non ha potuto approvarla` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `Una persona del team ${p.team} deve approvare questa richiesta di ${p.action}; vedrai qui la sua decisione.` +
    (p.assistantContinues
      ? ' Nel frattempo l’assistente può ancora aiutarti con domande generali.'
      : ''),
  draft_review: (p) => `Un membro del team ${p.team} controllerà la risposta prima di inviartela.`,
  person_handling: (p) =>
    `Una persona del team ${p.team} sta gestendo questa conversazione; l’assistente si è fatto da parte.`,
  human_requested: (p) =>
    `Hai chiesto di parlare con una persona. L’assistente si è fatto da parte e sei nella coda del team ${p.team}.`,
  assistant_failed: (p) =>
    `Il nostro assistente non è riuscito a rispondere in questo momento; un membro del team ${p.team} ti risponderà qui.`,
  turn_failed: (p) =>
    `Qualcosa è andato storto da parte nostra con il tuo ultimo messaggio; un membro del team ${p.team} ti risponderà qui.`,
  needs_person: (p) =>
    `Qui serve una persona del team ${p.team}. L’assistente si è fatto da parte e sei in coda.`,
  sla_breach: (p) =>
    `Ci stiamo mettendo più tempo di quanto promesso, ${sorry} Sei ancora nella coda del team ${p.team}` +
    (p.emailLeft
      ? ' e risponderemo anche all’email che ci hai lasciato.'
      : '; se preferisci non aspettare, lasciaci la tua email e ti risponderemo lì.'),
  status_bot: () => 'Stai chattando con il nostro assistente. Una persona è a un clic di distanza.',
  status_resolved: () => 'Questa conversazione è stata risolta. Scrivici di nuovo quando vuoi.',
  status_assigned: (p) => `Stai chattando con ${p.agent ?? 'un membro'} del team ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `Sei nella coda del team ${s.team}.`
        : `Sei in posizione ${s.position} nella coda del team ${s.team}.`) + passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `Al momento nessuno del team ${s.team} è online.`
        : `Al momento il team ${s.team} è fuori orario.`;
      const hours = s.hours ? ` Orari di apertura: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'Abbiamo la tua email e ti risponderemo lì; mantieni il tuo posto.'
        : 'Lasciaci la tua email e ti risponderemo lì — mantieni il tuo posto.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online =
      s.online === 1
        ? `1 persona del team ${s.team} è online.`
        : `${s.online} persone del team ${s.team} sono online.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? `Ci stiamo mettendo più tempo di quanto promesso, ${sorry}`
          : `Stiamo superando il nostro obiettivo di ${min(s.slaMinutes)}, ${sorry}`;
      const keep = s.emailLeft
        ? 'Abbiamo la tua email e ti risponderemo anche lì; mantieni il tuo posto.'
        : 'Lasciaci la tua email e ti risponderemo lì — mantieni il tuo posto.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'Nessuna stima per ora.';
    if (s.minutes !== null) {
      const last = s.samples === 1 ? 'dell’ultimo cliente' : `degli ultimi ${s.samples} clienti`;
      wait = `Attesa stimata: circa ${min(s.minutes)} (attesa mediana ${last} del team ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` È più del nostro obiettivo di ${min(s.slaMinutes)}, ${sorry}`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const it: Strings = {
  dir: 'ltr',
  title: 'Chatta con noi',
  panel: 'Chat',
  open: 'Apri la chat',
  close: 'Chiudi la chat',
  openUnread: (n) => `Apri la chat, ${msgs(n)}`,
  unread: (n) => `${msgs(n)} nella chat`,
  connecting: 'Connessione in corso…',
  offline: 'Connessione persa — riconnessione in corso…',
  unavailable: 'La chat non è disponibile al momento.',
  resumeExpired:
    'Quel link della chat è scaduto, quindi questa è una nuova chat. Trovi la nostra risposta nella tua email.',
  greeting: 'Chiedici qualsiasi cosa. Una persona è sempre a un clic di distanza.',
  conversation: 'Conversazione',
  you: 'Tu',
  assistant: 'Assistente',
  agent: 'Operatore',
  sending: 'Invio in corso…',
  notSent: 'Non inviato:',
  retry: 'Riprova',
  message: 'Messaggio',
  placeholder: 'Scrivi un messaggio…',
  send: 'Invia',
  sendMessage: 'Invia messaggio',
  human: 'Parla con una persona',
  waiting: 'In attesa di una persona…',
  waitingHint: 'Premi per controllare di nuovo la tua posizione in coda',
  queuedNote: 'Una persona lo leggerà quando entrerà nella chat.',
  typing: (name) => `${name} sta scrivendo…`,
  attach: 'Allega un file',
  attachHint: 'Immagini o PDF, fino a 10 MB',
  openFile: (name) => `Apri ${name}`,
  email: 'La tua email',
  emailSaved: 'Email salvata.',
  transcriptOpen: 'Inviami questa chat via email',
  transcriptLabel: 'Invia una copia di questa chat a',
  transcriptSent: (to) => `Una copia di questa chat è in arrivo a ${to}.`,
  csatQuestion: 'Com’è andata?',
  csatChoices: [
    '1 su 5, pessimo',
    '2 su 5, scarso',
    '3 su 5, discreto',
    '4 su 5, buono',
    '5 su 5, eccellente',
  ],
  csatLow: 'Pessimo',
  csatHigh: 'Eccellente',
  csatComment: 'Vuoi aggiungere qualcosa? (facoltativo)',
  csatSend: 'Invia valutazione',
  csatChange: 'Modifica valutazione',
  csatThanks: (rating, replaced) =>
    replaced
      ? `Grazie — abbiamo aggiornato la tua valutazione a ${rating} su 5.`
      : `Grazie per il tuo feedback! Ci hai dato ${rating} su 5.`,
  errors: {
    TIMEOUT: 'Nessuna risposta dal server. Controlla la connessione e riprova.',
    RATE_LIMITED: 'Troppi tentativi in poco tempo. Attendi qualche secondo e riprova.',
    UNAVAILABLE: 'Non è stato possibile farlo in questo momento. Riprova.',
    INVALID_PAYLOAD: 'Non è stato possibile accettarlo. Controlla e riprova.',
    NOT_QUEUED: 'Non sei più in attesa in una coda.',
    CONVERSATION_CLOSED: 'Questa chat è terminata. Scrivi di nuovo per iniziarne una nuova.',
    UNKNOWN_SITE: 'Questa chat non è configurata per questo sito web.',
    ORIGIN_NOT_ALLOWED: 'Questa chat non è configurata per questo sito web.',
    PAYLOAD_TOO_LARGE: 'Il file supera i 10 MB.',
    UNSUPPORTED_MEDIA_TYPE: 'Puoi inviare solo immagini (PNG, JPEG, GIF, WebP) e file PDF.',
    other: 'Qualcosa è andato storto. Riprova.',
  },
  notices,
};
export default it;
