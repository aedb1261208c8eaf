/** Arabic (Modern Standard). */
import type { NoticeTexts } from '@baton/shared/notices';
import type { Strings } from './en';

/** n with its noun form for 1, 2, 3–10, 11–99, and 100, 101, 102…. */
const count = (n: number, f: readonly [string, string, string, string, string]) => {
  if (n === 1) return f[0];
  if (n === 2) return f[1];
  const r = n % 100;
  return `${n} ${r >= 3 && r <= 10 ? f[2] : r >= 11 ? f[3] : f[4]}`;
};
const msgs = (n: number) =>
  count(n, ['رسالة جديدة واحدة', 'رسالتان جديدتان', 'رسائل جديدة', 'رسالة جديدة', 'رسالة جديدة']);
const min = (n: number) => count(n, ['دقيقة واحدة', 'دقيقتين', 'دقائق', 'دقيقة', 'دقيقة']);
const sorry = 'نعتذر عن ذلك.';

/** Conversations that came in later but went ahead (more urgent): said, never silent. */
const passedBy = (n: number) =>
  n === 0
    ? ''
    : n === 1
      ? ' محادثة أكثر إلحاحًا وصلت بعد محادثتك تسبقك في الدور.'
      : n === 2
        ? ' محادثتان أكثر إلحاحًا وصلتا بعد محادثتك تسبقانك في الدور.'
        : ` ${n} محادثات أكثر إلحاحًا وصلت بعد محادثتك تسبقك في الدور.`;

const notices: NoticeTexts = {
  human_button: () => 'التحدث إلى شخص',
  agent_joined: (p) => `${p.agent} في المحادثة الآن.`,
  resolved: (p) => `تم تحديد المحادثة على أنها محلولة من قِبل ${p.agent}.`,
  email_left: (p) => `سنرد عليك على ${p.email} وستحتفظ بدورك في قائمة الانتظار.`,
  action_approved: (p) => `تمت الموافقة على طلبك (${p.action}) من قِبل ${p.agent}.`,
  action_denied: (p) =>
    `تمت مراجعة طلبك (${p.action}) من قِبل ${p.agent} ولم تكن الموافقة عليه ممكنة` +
    (p.note ? `: ${p.note}` : '.'),
  approval_needed: (p) =>
    `يحتاج هذا الطلب (${p.action}) إلى موافقة شخص من فريق ${p.team}؛ سترى القرار هنا.` +
    (p.assistantContinues
      ? ' في هذه الأثناء، لا يزال بإمكان المساعد مساعدتك في الأسئلة العامة.'
      : ''),
  draft_review: (p) => `سيراجع أحد أعضاء فريق ${p.team} الإجابة قبل إرسالها إليك.`,
  person_handling: (p) => `يتولى شخص من فريق ${p.team} هذه المحادثة؛ وقد تنحّى المساعد جانبًا.`,
  human_requested: (p) =>
    `طلبت التحدث إلى شخص. تنحّى المساعد جانبًا وأنت الآن في قائمة انتظار فريق ${p.team}.`,
  assistant_failed: (p) => `تعذّر على مساعدنا الرد الآن؛ سيرد عليك أحد أعضاء فريق ${p.team} هنا.`,
  turn_failed: (p) =>
    `حدث خطأ من جانبنا في رسالتك الأخيرة؛ سيرد عليك أحد أعضاء فريق ${p.team} هنا.`,
  needs_person: (p) =>
    `يحتاج هذا إلى شخص من فريق ${p.team}. تنحّى المساعد جانبًا وأنت الآن في قائمة الانتظار.`,
  sla_breach: (p) =>
    `يستغرق هذا وقتًا أطول مما وعدنا، ${sorry} ما زلت في قائمة انتظار فريق ${p.team}` +
    (p.emailLeft
      ? '، وسنرد أيضًا على البريد الإلكتروني الذي تركته.'
      : '؛ إذا كنت تفضّل عدم الانتظار، فاترك بريدك الإلكتروني وسنرد عليك هناك.'),
  status_bot: () => 'أنت تتحدث مع مساعدنا. يمكنك الوصول إلى شخص بنقرة واحدة.',
  status_resolved: () => 'تم حل هذه المحادثة. اكتب لنا مجددًا في أي وقت.',
  status_assigned: (p) =>
    p.agent
      ? `أنت تتحدث مع ${p.agent} من فريق ${p.team}.`
      : `أنت تتحدث مع أحد أعضاء فريق ${p.team}.`,
  status_queued: (s) => {
    const place =
      (s.position === null
        ? `أنت في قائمة انتظار فريق ${s.team}.`
        : `ترتيبك ${s.position} في قائمة انتظار فريق ${s.team}.`) + passedBy(s.passedBy);
    if (s.online === 0) {
      const closed = s.openNow
        ? `لا أحد من فريق ${s.team} متصل الآن.`
        : `فريق ${s.team} خارج ساعات العمل الآن.`;
      const hours = s.hours ? ` ساعات العمل: ${s.hours}.` : '';
      const keep = s.emailLeft
        ? 'لدينا بريدك الإلكتروني وسنرد عليك هناك؛ وستحتفظ بدورك.'
        : 'اترك بريدك الإلكتروني وسنرد عليك هناك — وستحتفظ بدورك.';
      return `${place} ${closed}${hours} ${keep}`;
    }
    const people = count(s.online, ['شخص واحد', 'شخصان', 'أشخاص', 'شخصًا', 'شخص']);
    const online = `${people} من فريق ${s.team} ${s.online === 1 ? 'متصل' : s.online === 2 ? 'متصلان' : 'متصلون'} الآن.`;
    if (s.overdue) {
      const late =
        s.slaMinutes === null
          ? `يستغرق هذا وقتًا أطول مما وعدنا، ${sorry}`
          : `يستغرق هذا وقتًا أطول من هدفنا البالغ ${min(s.slaMinutes)}، ${sorry}`;
      const keep = s.emailLeft
        ? 'لدينا بريدك الإلكتروني وسنرد عليك هناك أيضًا؛ وستحتفظ بدورك.'
        : 'اترك بريدك الإلكتروني وسنرد عليك هناك — وستحتفظ بدورك.';
      return `${place} ${online} ${late} ${keep}`;
    }
    let wait = 'لا يوجد تقدير بعد.';
    if (s.minutes !== null) {
      const last = count(s.samples ?? 0, ['عميل', 'عميلين', 'عملاء', 'عميلًا', 'عميل']);
      wait = `مدة الانتظار المتوقعة حوالي ${min(s.minutes)} (وسيط مدة الانتظار لآخر ${last} لدى فريق ${s.team}).`;
      if (s.exceedsSla && s.slaMinutes !== null)
        wait += ` وهذا أطول من هدفنا البالغ ${min(s.slaMinutes)}، ${sorry}`;
    }
    return `${place} ${online} ${wait}`;
  },
};

const ar: Strings = {
  dir: 'rtl',
  title: 'تحدّث معنا',
  panel: 'الدردشة',
  open: 'فتح الدردشة',
  close: 'إغلاق الدردشة',
  openUnread: (n) => `فتح الدردشة، ${msgs(n)}`,
  unread: (n) => `${msgs(n)} في الدردشة`,
  connecting: 'جارٍ الاتصال…',
  offline: 'انقطع الاتصال — جارٍ إعادة الاتصال…',
  unavailable: 'الدردشة غير متاحة حاليًا.',
  resumeExpired:
    'انتهت صلاحية رابط تلك الدردشة، لذا هذه دردشة جديدة. ستجد ردّنا في بريدك الإلكتروني.',
  greeting: 'اسألنا عن أي شيء. يمكنك دائمًا التحدث إلى شخص حقيقي بنقرة واحدة.',
  conversation: 'المحادثة',
  you: 'أنت',
  assistant: 'المساعد',
  agent: 'موظف الدعم',
  sending: 'جارٍ الإرسال…',
  notSent: 'لم تُرسل:',
  retry: 'إعادة المحاولة',
  message: 'الرسالة',
  placeholder: 'اكتب رسالة…',
  send: 'إرسال',
  sendMessage: 'إرسال الرسالة',
  human: 'التحدث إلى شخص',
  waiting: 'بانتظار شخص من فريقنا…',
  waitingHint: 'اضغط للتحقق من دورك في قائمة الانتظار مجددًا',
  queuedNote: 'سيقرأ أحد أعضاء فريقنا هذه الرسالة عند انضمامه.',
  typing: (name) => `${name} يكتب…`,
  attach: 'إرفاق ملف',
  attachHint: 'صور أو ملفات PDF، حتى 10 ميغابايت',
  openFile: (name) => `فتح ${name}`,
  email: 'بريدك الإلكتروني',
  emailSaved: 'تم حفظ البريد الإلكتروني.',
  transcriptOpen: 'أرسل لي هذه الدردشة بالبريد الإلكتروني',
  transcriptLabel: 'إرسال نسخة من هذه الدردشة إلى',
  transcriptSent: (to) => `نسخة من هذه الدردشة في طريقها إلى ${to}.`,
  csatQuestion: 'كيف كانت تجربتك معنا؟',
  csatChoices: ['1 من 5، سيئ جدًا', '2 من 5، سيئ', '3 من 5، مقبول', '4 من 5، جيد', '5 من 5، ممتاز'],
  csatLow: 'سيئ جدًا',
  csatHigh: 'ممتاز',
  csatComment: 'هل تودّ إضافة شيء؟ (اختياري)',
  csatSend: 'إرسال التقييم',
  csatChange: 'تغيير التقييم',
  csatThanks: (rating, replaced) =>
    replaced
      ? `شكرًا — حدّثنا تقييمك إلى ${rating} من 5.`
      : `شكرًا على ملاحظاتك! قيّمتنا بـ ${rating} من 5.`,
  errors: {
    TIMEOUT: 'لا يوجد رد من الخادم. تحقق من اتصالك وحاول مرة أخرى.',
    RATE_LIMITED: 'محاولات كثيرة في وقت قصير. يُرجى الانتظار بضع ثوانٍ ثم المحاولة مرة أخرى.',
    UNAVAILABLE: 'تعذّر تنفيذ ذلك الآن. يُرجى المحاولة مرة أخرى.',
    INVALID_PAYLOAD: 'تعذّر قبول ذلك. يُرجى التحقق منه والمحاولة مرة أخرى.',
    NOT_QUEUED: 'لم تعد في قائمة الانتظار.',
    CONVERSATION_CLOSED: 'انتهت هذه الدردشة. اكتب مجددًا لبدء دردشة جديدة.',
    UNKNOWN_SITE: 'هذه الدردشة غير مُعدّة لهذا الموقع.',
    ORIGIN_NOT_ALLOWED: 'هذه الدردشة غير مُعدّة لهذا الموقع.',
    PAYLOAD_TOO_LARGE: 'حجم هذا الملف أكبر من 10 ميغابايت.',
    UNSUPPORTED_MEDIA_TYPE: 'يمكن إرسال الصور (PNG وJPEG وGIF وWebP) وملفات PDF فقط.',
    other: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  },
  notices,
};
export default ar;
