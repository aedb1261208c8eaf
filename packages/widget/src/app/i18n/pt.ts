/** Portuguese. */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

const msgs = (n: number) => `${n} ${n === 1 ? 'nova mensagem' : 'novas mensagens'}`;
const min = (n: number) => `${n} ${n === 1 ? 'minuto' : 'minutos'}`;
const sorry = 'desculpe.';

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' Uma conversa mais urgente que chegou depois da sua está à sua frente.'
      : ` ${n} conversas mais urgentes que chegaram depois da sua estão à sua frente.`;

const notices: NoticeTexts = {
  human_button: () => 'Falar com uma pessoa',
  agent_joined: (p) => `${p.agent} entrou na conversa.`,
  resolved: (p) => `${p.agent} marcou a conversa como resolvida.`,
  email_left: (p) => `Vamos responder para ${p.email}, e você mantém seu lugar na fila.`,
  action_approved: (p) => `${p.agent} aprovou sua solicitação de ${p.action}.`,
  action_denied: (p) =>
    `${p.agent} analisou sua solicitação de ${p.action} e não pôde aprová-la` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `Uma pessoa de ${p.team} precisa aprovar esta solicitação de ${p.action}; você verá a decisão aqui.` +
    (p.assistantContinues
      ? ' Enquanto isso, o assistente ainda pode ajudar com dúvidas gerais.'
      : ''),
  draft_review: (p) => `Alguém de ${p.team} vai revisar a resposta antes de enviá-la a você.`,
  person_handling: (p) =>
    `Uma pessoa de ${p.team} está cuidando desta conversa; o assistente se retirou.`,
  human_requested: (p) =>
    `Você pediu para falar com uma pessoa. O assistente se retirou e você está na fila de ${p.team}.`,
  assistant_failed: (p) =>
    `Nosso assistente não conseguiu responder agora; alguém de ${p.team} vai responder aqui.`,
  turn_failed: (p) =>
    `Algo deu errado do nosso lado com sua última mensagem; alguém de ${p.team} vai responder aqui.`,
  needs_person: (p) =>
    `Isso precisa de uma pessoa de ${p.team}. O assistente se retirou e você está na fila.`,
  sla_breach: (p) =>
    `Está demorando mais do que prometemos, ${sorry} Você continua na fila de ${p.team}` +
    (p.emailLeft
      ? ', e também vamos responder no e-mail que você deixou.'
      : '; se preferir não esperar, deixe seu e-mail e responderemos por lá.'),
  status_bot: () =>
    'Você está conversando com nosso assistente. Uma pessoa está a um clique de distância.',
  status_resolved: () => 'Esta conversa foi resolvida. Escreva de novo quando quiser.',
  status_assigned: (p) => `Você está conversando com ${p.agent ?? 'alguém'} de ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `Você está na fila de ${s.team}.`
        : `Você está na posição ${s.position} da fila de ${s.team}.`) + passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `Ninguém de ${s.team} está online agora.`
        : `${s.team} está fora do horário de atendimento agora.`;
      const hours = s.hours ? ` Horário de atendimento: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'Já temos seu e-mail e vamos responder por lá; você mantém seu lugar.'
        : 'Deixe seu e-mail e responderemos por lá — você mantém seu lugar.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const online =
      s.online === 1
        ? `1 pessoa de ${s.team} está online.`
        : `${s.online} pessoas de ${s.team} estão online.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? `Está demorando mais do que prometemos, ${sorry}`
          : `Está demorando mais do que nossa meta de ${min(s.slaMinutes)}, ${sorry}`;
      const keep = s.emailLeft
        ? 'Já temos seu e-mail e também vamos responder por lá; você mantém seu lugar.'
        : 'Deixe seu e-mail e responderemos por lá — você mantém seu lugar.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'Ainda sem estimativa.';
    if (s.minutes !== null) {
      const last = s.samples === 1 ? 'do último cliente' : `dos últimos ${s.samples} clientes`;
      wait = `Espera estimada: cerca de ${min(s.minutes)} (mediana de espera ${last} de ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` Isso é mais do que nossa meta de ${min(s.slaMinutes)}, ${sorry}`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const pt: Strings = {
  dir: 'ltr',
  title: 'Fale conosco',
  panel: 'Chat',
  open: 'Abrir chat',
  close: 'Fechar chat',
  openUnread: (n) => `Abrir chat, ${msgs(n)}`,
  unread: (n) => `${msgs(n)} no chat`,
  connecting: 'Conectando…',
  offline: 'Conexão perdida — reconectando…',
  unavailable: 'O chat não está disponível no momento.',
  resumeExpired:
    'Esse link do chat expirou, então este é um novo chat. Nossa resposta está no seu e-mail.',
  greeting: 'Pergunte o que quiser. Uma pessoa está sempre a um clique de distância.',
  conversation: 'Conversa',
  you: 'Você',
  assistant: 'Assistente',
  agent: 'Atendente',
  sending: 'Enviando…',
  notSent: 'Não enviada:',
  retry: 'Tentar novamente',
  message: 'Mensagem',
  placeholder: 'Escreva uma mensagem…',
  send: 'Enviar',
  sendMessage: 'Enviar mensagem',
  human: 'Falar com uma pessoa',
  waiting: 'Aguardando uma pessoa…',
  waitingHint: 'Clique para verificar novamente sua posição na fila',
  queuedNote: 'Uma pessoa vai ler isto quando entrar na conversa.',
  typing: (name) => `${name} está digitando…`,
  attach: 'Anexar um arquivo',
  attachHint: 'Imagens ou PDF, até 10 MB',
  openFile: (name) => `Abrir ${name}`,
  email: 'Seu e-mail',
  emailSaved: 'E-mail salvo.',
  transcriptOpen: 'Receber esta conversa por e-mail',
  transcriptLabel: 'Enviar uma cópia desta conversa para',
  transcriptSent: (to) => `Uma cópia desta conversa está a caminho de ${to}.`,
  csatQuestion: 'Como foi o nosso atendimento?',
  csatChoices: [
    '1 de 5, muito ruim',
    '2 de 5, ruim',
    '3 de 5, razoável',
    '4 de 5, bom',
    '5 de 5, excelente',
  ],
  csatLow: 'Muito ruim',
  csatHigh: 'Excelente',
  csatComment: 'Quer acrescentar algo? (opcional)',
  csatSend: 'Enviar avaliação',
  csatChange: 'Alterar avaliação',
  csatThanks: (rating, replaced) =>
    replaced
      ? `Obrigado — atualizamos sua avaliação para ${rating} de 5.`
      : `Obrigado pelo seu feedback! Você nos deu ${rating} de 5.`,
  errors: {
    TIMEOUT: 'O servidor não respondeu. Verifique sua conexão e tente novamente.',
    RATE_LIMITED: 'Muitas tentativas seguidas. Aguarde alguns segundos e tente novamente.',
    UNAVAILABLE: 'Não foi possível fazer isso agora. Tente novamente.',
    INVALID_PAYLOAD: 'Isso não pôde ser aceito. Verifique e tente novamente.',
    NOT_QUEUED: 'Você não está mais aguardando em uma fila.',
    CONVERSATION_CLOSED: 'Este chat foi encerrado. Escreva de novo para começar um novo.',
    UNKNOWN_SITE: 'Este chat não está configurado para este site.',
    ORIGIN_NOT_ALLOWED: 'Este chat não está configurado para este site.',
    PAYLOAD_TOO_LARGE: 'Esse arquivo tem mais de 10 MB.',
    UNSUPPORTED_MEDIA_TYPE: 'Só é possível enviar imagens (PNG, JPEG, GIF, WebP) e arquivos PDF.',
    other: 'Algo deu errado. Tente novamente.',
  },
  notices,
};
export default pt;
