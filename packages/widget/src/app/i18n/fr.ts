/** French. */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

const msgs = (n: number) => `${n} ${n <= 1 ? 'nouveau message' : 'nouveaux messages'}`;
const min = (n: number) => `${n} ${n <= 1 ? 'minute' : 'minutes'}`;
const sorry = 'veuillez nous en excuser.';

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' Une conversation plus urgente, arrivée après la vôtre, passe avant vous.'
      : ` ${n} conversations plus urgentes, arrivées après la vôtre, passent avant vous.`;

const notices: NoticeTexts = {
  human_button: () => 'Parler à un conseiller',
  agent_joined: (p) => `${p.agent} a rejoint la discussion.`,
  resolved: (p) => `${p.agent} a marqué la discussion comme résolue.`,
  email_left: (p) =>
    `Nous vous répondrons à ${p.email} et vous gardez votre place dans la file d’attente.`,
  action_approved: (p) => `${p.agent} a approuvé votre demande « ${p.action} ».`,
  action_denied: (p) =>
    `${p.agent} a examiné votre demande « ${p.action} » et n’a pas pu l’approuver` +
    (p.note ? ` : ${p.note}` : '.'),
  approval_needed: (p) =>
    `Un conseiller de l’équipe ${p.team} doit valider cette demande « ${p.action} » ; vous verrez sa décision ici.` +
    (p.assistantContinues
      ? ' En attendant, l’assistant peut toujours vous aider pour les questions générales.'
      : ''),
  draft_review: (p) =>
    `Un membre de l’équipe ${p.team} vérifiera la réponse avant de vous l’envoyer.`,
  person_handling: (p) =>
    `Un conseiller de l’équipe ${p.team} s’occupe de cette discussion ; l’assistant s’est retiré.`,
  human_requested: (p) =>
    `Vous avez demandé à parler à un conseiller. L’assistant s’est retiré et vous êtes dans la file d’attente de l’équipe ${p.team}.`,
  assistant_failed: (p) =>
    `Notre assistant n’a pas pu répondre pour le moment ; un membre de l’équipe ${p.team} vous répondra ici.`,
  turn_failed: (p) =>
    `Un problème est survenu de notre côté avec votre dernier message ; un membre de l’équipe ${p.team} vous répondra ici.`,
  needs_person: (p) =>
    `Cette demande nécessite un conseiller de l’équipe ${p.team}. L’assistant s’est retiré et vous êtes dans la file d’attente.`,
  sla_breach: (p) =>
    `Cela prend plus de temps que promis, ${sorry} Vous êtes toujours dans la file d’attente de l’équipe ${p.team}` +
    (p.emailLeft
      ? ', et nous répondrons aussi à l’e-mail que vous avez laissé.'
      : ' ; si vous préférez ne pas attendre, laissez votre e-mail et nous vous y répondrons.'),
  status_bot: () => 'Vous discutez avec notre assistant. Un conseiller est à un clic.',
  status_resolved: () => 'Cette discussion a été résolue. Écrivez-nous quand vous voulez.',
  status_assigned: (p) => `Vous discutez avec ${p.agent ?? 'un membre'} de l’équipe ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `Vous êtes dans la file d’attente de l’équipe ${s.team}.`
        : `Vous êtes en position ${s.position} dans la file d’attente de l’équipe ${s.team}.`) +
      passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `Aucun membre de l’équipe ${s.team} n’est en ligne pour le moment.`
        : `L’équipe ${s.team} est fermée pour le moment.`;
      const hours = s.hours ? ` Horaires d’ouverture : ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'Nous avons votre e-mail et vous y répondrons ; vous gardez votre place.'
        : 'Laissez votre e-mail et nous vous y répondrons — vous gardez votre place.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online =
      s.online === 1
        ? `1 conseiller de l’équipe ${s.team} est en ligne.`
        : `${s.online} conseillers de l’équipe ${s.team} sont en ligne.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? `Cela prend plus de temps que promis, ${sorry}`
          : `Cela dépasse notre objectif de ${min(s.slaMinutes)}, ${sorry}`;
      const keep = s.emailLeft
        ? 'Nous avons votre e-mail et vous y répondrons aussi ; vous gardez votre place.'
        : 'Laissez votre e-mail et nous vous y répondrons — vous gardez votre place.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'Pas encore d’estimation.';
    if (s.minutes !== null) {
      const last = s.samples === 1 ? 'du dernier client' : `des ${s.samples} derniers clients`;
      wait = `Attente estimée : environ ${min(s.minutes)} (attente médiane ${last} de l’équipe ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` C’est plus que notre objectif de ${min(s.slaMinutes)}, ${sorry}`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const fr: Strings = {
  dir: 'ltr',
  title: 'Discutez avec nous',
  panel: 'Chat',
  open: 'Ouvrir le chat',
  close: 'Fermer le chat',
  openUnread: (n) => `Ouvrir le chat, ${msgs(n)}`,
  unread: (n) => `${msgs(n)} dans le chat`,
  connecting: 'Connexion…',
  offline: 'Connexion perdue — reconnexion…',
  unavailable: 'Le chat est indisponible pour le moment.',
  resumeExpired:
    'Ce lien de discussion a expiré, voici donc une nouvelle discussion. Notre réponse vous attend dans votre boîte e-mail.',
  greeting: 'Posez-nous toutes vos questions. Un conseiller est toujours à un clic.',
  conversation: 'Discussion',
  you: 'Vous',
  assistant: 'Assistant virtuel',
  agent: 'Conseiller',
  sending: 'Envoi en cours…',
  notSent: 'Non envoyé :',
  retry: 'Réessayer',
  message: 'Votre message',
  placeholder: 'Écrivez un message…',
  send: 'Envoyer',
  sendMessage: 'Envoyer le message',
  human: 'Parler à un conseiller',
  waiting: 'En attente d’un conseiller…',
  waitingHint: 'Appuyez pour vérifier à nouveau votre place dans la file d’attente',
  queuedNote: 'Un conseiller lira ce message dès qu’il rejoindra la discussion.',
  typing: (name) => `${name} est en train d’écrire…`,
  attach: 'Joindre un fichier',
  attachHint: 'Images ou PDF, jusqu’à 10 Mo',
  openFile: (name) => `Ouvrir ${name}`,
  email: 'Votre adresse e-mail',
  emailSaved: 'Adresse e-mail enregistrée.',
  transcriptOpen: 'Recevoir cette discussion par e-mail',
  transcriptLabel: 'Envoyer une copie de cette discussion à',
  transcriptSent: (to) => `Une copie de cette discussion est en route vers ${to}.`,
  csatQuestion: 'Qu’avez-vous pensé de notre aide ?',
  csatChoices: [
    '1 sur 5, très mauvais',
    '2 sur 5, mauvais',
    '3 sur 5, correct',
    '4 sur 5, bien',
    '5 sur 5, excellent',
  ],
  csatLow: 'Très mauvais',
  csatHigh: 'Excellent',
  csatComment: 'Souhaitez-vous ajouter quelque chose ? (facultatif)',
  csatSend: 'Envoyer la note',
  csatChange: 'Modifier la note',
  csatThanks: (rating, replaced) =>
    replaced
      ? `Merci — nous avons mis à jour votre note : ${rating} sur 5.`
      : `Merci pour votre avis ! Vous nous avez donné ${rating} sur 5.`,
  errors: {
    TIMEOUT: 'Pas de réponse du serveur. Vérifiez votre connexion et réessayez.',
    RATE_LIMITED: 'Trop de tentatives en peu de temps. Patientez quelques secondes et réessayez.',
    UNAVAILABLE: 'Nous n’avons pas pu le faire pour le moment. Veuillez réessayer.',
    INVALID_PAYLOAD: 'Cela n’a pas pu être accepté. Vérifiez et réessayez.',
    NOT_QUEUED: 'Vous n’êtes plus dans une file d’attente.',
    CONVERSATION_CLOSED:
      'Cette discussion est terminée. Écrivez-nous à nouveau pour en commencer une nouvelle.',
    UNKNOWN_SITE: 'Ce chat n’est pas configuré pour ce site web.',
    ORIGIN_NOT_ALLOWED: 'Ce chat n’est pas configuré pour ce site web.',
    PAYLOAD_TOO_LARGE: 'Ce fichier dépasse 10 Mo.',
    UNSUPPORTED_MEDIA_TYPE:
      'Vous pouvez envoyer uniquement des images (PNG, JPEG, GIF, WebP) et des fichiers PDF.',
    other: 'Une erreur s’est produite. Veuillez réessayer.',
  },
  notices,
};
export default fr;
