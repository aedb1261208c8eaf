/** Spanish. */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

const msgs = (n: number) => `${n} ${n === 1 ? 'mensaje nuevo' : 'mensajes nuevos'}`;
const min = (n: number) => `${n} ${n === 1 ? 'minuto' : 'minutos'}`;
const sorry = 'lo sentimos.';

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' Una conversación más urgente que llegó después de la tuya va por delante.'
      : ` ${n} conversaciones más urgentes que llegaron después de la tuya van por delante.`;

const notices: NoticeTexts = {
  human_button: () => 'Hablar con una persona',
  agent_joined: (p) => `${p.agent} se ha unido a la conversación.`,
  resolved: (p) => `${p.agent} ha marcado la conversación como resuelta.`,
  email_left: (p) => `Te responderemos a ${p.email} y conservas tu lugar en la cola.`,
  action_approved: (p) => `${p.agent} ha aprobado tu solicitud de ${p.action}.`,
  action_denied: (p) =>
    `${p.agent} ha revisado tu solicitud de ${p.action} y no ha podido aprobarla` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `Una persona de ${p.team} tiene que aprobar esta solicitud de ${p.action}; verás su decisión aquí.` +
    (p.assistantContinues
      ? ' Mientras tanto, el asistente puede seguir ayudándote con preguntas generales.'
      : ''),
  draft_review: (p) => `Alguien de ${p.team} revisará la respuesta antes de enviártela.`,
  person_handling: (p) =>
    `Una persona de ${p.team} se está ocupando de esta conversación; el asistente se ha retirado.`,
  human_requested: (p) =>
    `Has pedido hablar con una persona. El asistente se ha retirado y estás en la cola de ${p.team}.`,
  assistant_failed: (p) =>
    `Nuestro asistente no ha podido responder ahora mismo; alguien de ${p.team} te responderá aquí.`,
  turn_failed: (p) =>
    `Algo ha fallado por nuestra parte con tu último mensaje; alguien de ${p.team} te responderá aquí.`,
  needs_person: (p) =>
    `Esto requiere a una persona de ${p.team}. El asistente se ha retirado y estás en la cola.`,
  sla_breach: (p) =>
    `Esto está tardando más de lo que prometimos, ${sorry} Sigues en la cola de ${p.team}` +
    (p.emailLeft
      ? ' y también responderemos al correo que nos dejaste.'
      : '; si prefieres no esperar, déjanos tu correo y te responderemos allí.'),
  status_bot: () => 'Estás chateando con nuestro asistente. Una persona está a un clic.',
  status_resolved: () => 'Esta conversación se ha resuelto. Escríbenos de nuevo cuando quieras.',
  status_assigned: (p) => `Estás chateando con ${p.agent ?? 'alguien'} de ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `Estás en la cola de ${s.team}.`
        : `Estás en la posición ${s.position} de la cola de ${s.team}.`) + passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `Ahora mismo no hay nadie de ${s.team} conectado.`
        : `Ahora mismo ${s.team} está fuera de horario.`;
      const hours = s.hours ? ` Horario de atención: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'Tenemos tu correo y te responderemos allí; conservas tu lugar.'
        : 'Déjanos tu correo y te responderemos allí — conservas tu lugar.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online =
      s.online === 1
        ? `1 persona de ${s.team} está conectada.`
        : `${s.online} personas de ${s.team} están conectadas.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? `Esto está tardando más de lo que prometimos, ${sorry}`
          : `Esto está superando nuestro objetivo de ${min(s.slaMinutes)}, ${sorry}`;
      const keep = s.emailLeft
        ? 'Tenemos tu correo y también te responderemos allí; conservas tu lugar.'
        : 'Déjanos tu correo y te responderemos allí — conservas tu lugar.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'Aún no hay estimación.';
    if (s.minutes !== null) {
      const last = s.samples === 1 ? 'del último cliente' : `de los últimos ${s.samples} clientes`;
      wait = `Espera estimada: aproximadamente ${min(s.minutes)} (mediana de espera ${last} de ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` Supera nuestro objetivo de ${min(s.slaMinutes)}, ${sorry}`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const es: Strings = {
  dir: 'ltr',
  title: 'Chatea con nosotros',
  panel: 'Chat',
  open: 'Abrir chat',
  close: 'Cerrar chat',
  openUnread: (n) => `Abrir chat, ${msgs(n)}`,
  unread: (n) => `${msgs(n)} en el chat`,
  connecting: 'Conectando…',
  offline: 'Se perdió la conexión — reconectando…',
  unavailable: 'El chat no está disponible en este momento.',
  resumeExpired:
    'Ese enlace del chat ha caducado, así que este es un chat nuevo. Nuestra respuesta está en tu correo electrónico.',
  greeting: 'Pregúntanos lo que quieras. Una persona siempre está a un clic.',
  conversation: 'Conversación',
  you: 'Tú',
  assistant: 'Asistente',
  agent: 'Agente',
  sending: 'Enviando…',
  notSent: 'No enviado:',
  retry: 'Reintentar',
  message: 'Mensaje',
  placeholder: 'Escribe un mensaje…',
  send: 'Enviar',
  sendMessage: 'Enviar mensaje',
  human: 'Hablar con una persona',
  waiting: 'Esperando a una persona…',
  waitingHint: 'Haz clic para volver a consultar tu posición en la cola',
  queuedNote: 'Una persona lo leerá cuando se una al chat.',
  typing: (name) => `${name} está escribiendo…`,
  attach: 'Adjuntar un archivo',
  attachHint: 'Imágenes o PDF, hasta 10 MB',
  openFile: (name) => `Abrir ${name}`,
  email: 'Tu correo electrónico',
  emailSaved: 'Correo electrónico guardado.',
  transcriptOpen: 'Enviarme este chat por correo',
  transcriptLabel: 'Enviar una copia de este chat a',
  transcriptSent: (to) => `Una copia de este chat va de camino a ${to}.`,
  csatQuestion: '¿Cómo valoras nuestra atención?',
  csatChoices: [
    '1 de 5, muy mala',
    '2 de 5, mala',
    '3 de 5, regular',
    '4 de 5, buena',
    '5 de 5, excelente',
  ],
  csatLow: 'Muy mala',
  csatHigh: 'Excelente',
  csatComment: '¿Quieres añadir algo? (opcional)',
  csatSend: 'Enviar valoración',
  csatChange: 'Cambiar valoración',
  csatThanks: (rating, replaced) =>
    replaced
      ? `Gracias — hemos actualizado tu valoración a ${rating} de 5.`
      : `¡Gracias por tu opinión! Nos has valorado con un ${rating} de 5.`,
  errors: {
    TIMEOUT: 'El servidor no responde. Comprueba tu conexión e inténtalo de nuevo.',
    RATE_LIMITED: 'Demasiados intentos seguidos. Espera unos segundos e inténtalo de nuevo.',
    UNAVAILABLE: 'No hemos podido hacerlo ahora mismo. Inténtalo de nuevo.',
    INVALID_PAYLOAD: 'No se ha podido aceptar. Revísalo e inténtalo de nuevo.',
    NOT_QUEUED: 'Ya no estás esperando en una cola.',
    CONVERSATION_CLOSED: 'Este chat ha terminado. Escribe de nuevo para empezar uno nuevo.',
    UNKNOWN_SITE: 'Este chat no está configurado para este sitio web.',
    ORIGIN_NOT_ALLOWED: 'Este chat no está configurado para este sitio web.',
    PAYLOAD_TOO_LARGE: 'Ese archivo supera los 10 MB.',
    UNSUPPORTED_MEDIA_TYPE: 'Solo se pueden enviar imágenes (PNG, JPEG, GIF, WebP) y archivos PDF.',
    other: 'Algo ha salido mal. Inténtalo de nuevo.',
  },
  notices,
};
export default es;
