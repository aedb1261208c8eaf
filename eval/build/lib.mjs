// Helpers that turn the compact, hand-written entries of ./data/*.mjs into schema records.
// The conversation TEXT is written by hand in the data files; this file only fills in the
// storefront context (names, order ids, systems) and the labels that follow from the category.

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'];
export const TRIGGERS = [
  'explicit_human_request',
  'low_confidence',
  'policy_sensitivity',
  'policy_boundary',
  'security_identity',
  'missing_context',
  'irreversible_action',
  'customer_pressure',
  'negative_sentiment',
  'repeat_contact',
  'conversation_loop',
  'multi_domain',
];
export const CATEGORIES = [
  'informational',
  'explicit_request',
  'must_escalate',
  'out_of_scope_money',
  'false_friend',
  'uncovered_language',
];

/** A press of the "Talk to a human" button. */
export const B = { role: 'customer', action: 'request_human' };

/**
 * One conversation: c(cat, topic, style, messages, opts)
 *   cat     info | human | esc | oos | ff
 *   topic   short slug; also picks the default triggers (TOPIC_TRIGGERS)
 *   style   free voice label
 *   messages  strings (customer text; `{o}` / `{o2}` = the first / second order id) or B
 *   opts    o / o2: 'ID|total|CUR|status|placedDaysAgo|item;item' (order ids may be omitted
 *           with '-', then one is generated), tier, v (verified), plan, renew, sys, rc (earlier
 *           contacts: strings or [daysAgo, text]), x (explicitTurn), n (needTurn),
 *           t (extra triggers), T (triggers, replacing the topic's), info, mrh, noOrders
 */
export const c = (cat, topic, style, messages, opts = {}) => ({
  cat,
  topic,
  style,
  messages,
  opts,
});

// Which triggers SHOULD fire for a scenario (the trigger vocabulary of docs/escalation-model.md). Informational topics: none.
export const TOPIC_TRIGGERS = {
  'refund-limit': ['policy_sensitivity', 'policy_boundary'],
  'refund-override': ['policy_sensitivity'],
  'price-match': ['policy_sensitivity'],
  'price-match-big': ['policy_sensitivity', 'policy_boundary'],
  'promo-exception': ['policy_sensitivity'],
  'promo-exception-big': ['policy_sensitivity', 'policy_boundary'],
  dispute: ['policy_sensitivity'],
  'double-charge': ['policy_sensitivity'],
  'sub-cancel': ['policy_sensitivity', 'policy_boundary'],
  fraud: ['security_identity'],
  legal: ['policy_sensitivity'],
  deletion: ['irreversible_action'],
  takeover: ['security_identity'],
  'email-change': ['security_identity'],
  'login-doubt': ['security_identity'],
  hostile: ['negative_sentiment'],
  repeat: ['repeat_contact'],
  loop: ['conversation_loop'],
  'multi-domain': ['multi_domain', 'policy_sensitivity'],
  pressure: ['customer_pressure'],
  'system-down': ['missing_context'],
  'promised-credit': ['policy_sensitivity'],
  'duties-refund': ['policy_sensitivity'],
  'shipping-fee-refund': ['policy_sensitivity'],
  'loyalty-points': ['low_confidence'],
  'gift-card-balance': ['low_confidence'],
  invoice: ['low_confidence'],
};

const NAMES = {
  en: [
    'Dana Reyes',
    'Marcus Webb',
    'Priya Shah',
    'Tom Becker',
    'Aisha Bello',
    "Kevin O'Neil",
    'Linda Park',
    'Jamal Carter',
    'Olivia Grant',
    'Ravi Menon',
    'Sarah Kowalski',
    'Derek Chu',
    'Megan Flores',
    'Hannah Lee',
    'Chris Doyle',
    'Yusuf Ali',
    'Brenda Hughes',
    'Tyler Nguyen',
    'Grace Moreno',
    'Sam Whitaker',
  ],
  es: [
    'Lucía Fernández',
    'Javier Morales',
    'Carmen Ruiz',
    'Diego Herrera',
    'Marta Jiménez',
    'Alejandro Vega',
    'Sofía Castro',
    'Pablo Navarro',
    'Elena Ortega',
    'Andrés Molina',
    'Valentina Rojas',
    'Raúl Domínguez',
  ],
  fr: [
    'Camille Dubois',
    'Julien Moreau',
    'Léa Laurent',
    'Nicolas Girard',
    'Chloé Bernard',
    'Mathieu Petit',
    'Inès Lefèvre',
    'Antoine Roux',
    'Manon Fontaine',
    'Karim Haddad',
    'Sophie Mercier',
    'Hugo Lambert',
  ],
  de: [
    'Jonas Müller',
    'Lena Schmidt',
    'Felix Wagner',
    'Anna Becker',
    'Tobias Hoffmann',
    'Sabine Keller',
    'Lukas Schäfer',
    'Mia Richter',
    'Stefan Braun',
    'Katrin Vogel',
    'Murat Yilmaz',
    'Julia Krüger',
  ],
  pt: [
    'Ana Carvalho',
    'João Pereira',
    'Beatriz Santos',
    'Rafael Costa',
    'Mariana Oliveira',
    'Tiago Almeida',
    'Larissa Souza',
    'Pedro Ferreira',
    'Inês Rodrigues',
    'Gustavo Lima',
    'Camila Rocha',
    'Rui Martins',
  ],
  it: [
    'Giulia Rossi',
    'Marco Bianchi',
    'Francesca Romano',
    'Luca Colombo',
    'Chiara Ricci',
    'Alessandro Greco',
    'Sara Bruno',
    'Matteo Gallo',
    'Elena Conti',
    'Davide Marino',
    'Federica Costa',
    'Paolo Esposito',
  ],
  nl: [
    'Sanne de Vries',
    'Daan Jansen',
    'Fleur Bakker',
    'Ruben Visser',
    'Lotte Smit',
    'Bram Mulder',
    'Eva de Boer',
    'Thijs Meijer',
    'Noor Bos',
    'Jeroen Peters',
    'Anouk Hendriks',
    'Youssef El Amrani',
  ],
};
const CURRENCY = { en: 'USD', es: 'EUR', fr: 'EUR', de: 'EUR', pt: 'EUR', it: 'EUR', nl: 'EUR' };
const ITEMS = [
  ['Linen duvet cover', 89],
  ['Cast iron skillet', 45],
  ['Oak side table', 129],
  ['Wool throw', 72],
  ['Patio cushion set', 64],
  ['4-person tent', 219],
  ['Enamel mug set', 34],
  ['Teak bench', 310],
  ['Jute rug 5x8', 149],
  ['Ceramic planter', 38],
  ['Rain jacket', 98],
  ['Canvas hammock', 59],
  ['Camping lantern', 29],
  ['Cutting board set', 42],
  ['Brass floor lamp', 175],
  ['Hiking boots', 139],
  ['Linen curtains', 68],
  ['Oak dining chair', 115],
];
const STATUSES = ['processing', 'shipped', 'shipped', 'delivered', 'delivered'];

// Small deterministic PRNG per conversation, so editing one entry never changes another's context.
function hash(str) {
  let h = 2166136261;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function prng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseOrder(spec, lang, r) {
  const [id, total, cur, status, days, items] = spec.split('|');
  return {
    id: id === '-' ? genId(r) : id,
    total: Number(total),
    currency: cur || CURRENCY[lang],
    status,
    placedDaysAgo: Number(days),
    items: items.split(';'),
  };
}
const genId = (r) => `${'ABN'[Math.floor(r() * 3)]}${1000 + Math.floor(r() * 9000)}`;
function randomOrder(lang, r) {
  const n = 1 + Math.floor(r() * 2);
  const items = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const [name, price] = ITEMS[Math.floor(r() * ITEMS.length)];
    if (items.includes(name)) continue;
    items.push(name);
    total += price;
  }
  const status = STATUSES[Math.floor(r() * STATUSES.length)];
  const placedDaysAgo =
    status === 'processing'
      ? Math.floor(r() * 3)
      : status === 'shipped'
        ? 2 + Math.floor(r() * 7)
        : 6 + Math.floor(r() * 30);
  const cur = CURRENCY[lang];
  return {
    id: genId(r),
    total: cur === 'USD' ? total : Math.round(total * 0.93 * 100) / 100 || total,
    currency: cur,
    status,
    placedDaysAgo,
    items,
  };
}

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function expand(lang, entry, index) {
  const { cat, topic, style, messages, opts } = entry;
  const r = prng(hash(`${lang}:${index}:${topic}`));
  const name = NAMES[lang][Math.floor(r() * NAMES[lang].length)];
  const first = name
    .split(' ')[0]
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const last = name
    .split(' ')
    .slice(-1)[0]
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const customer = {
    id: `c-${lang}-${String(1000 + index)}`,
    name,
    email: `${first}.${last}@example.${lang === 'en' ? 'com' : lang === 'pt' ? 'pt' : lang}`,
    tier: opts.tier ?? 'standard',
    verified: opts.v ?? true,
  };
  const context = { customer };
  if (opts.plan || opts.renew !== undefined) {
    context.account = {
      plan: opts.plan ?? 'Northwind Plus annual',
      ...(opts.renew !== undefined ? { renewalInDays: opts.renew } : {}),
    };
  }
  if (!opts.noOrders) {
    const orders = [];
    orders.push(opts.o ? parseOrder(opts.o, lang, r) : randomOrder(lang, r));
    if (opts.o2) orders.push(parseOrder(opts.o2, lang, r));
    context.orders = orders;
  }
  if (opts.rc) {
    const days = opts.rc.length === 2 ? [5, 2] : [6, 3, 1];
    context.recentContacts = opts.rc.map((x, i) =>
      Array.isArray(x) ? { daysAgo: x[0], text: x[1] } : { daysAgo: days[i] ?? 1, text: x },
    );
  }
  context.systems = { orders: 'ok', billing: 'ok', account: 'ok', ...(opts.sys ?? {}) };

  const ids = (context.orders ?? []).map((o) => o.id);
  const msgs = messages.map((m) =>
    typeof m === 'string'
      ? {
          role: 'customer',
          text: m.replace(/\{o\}/g, ids[0] ?? '').replace(/\{o2\}/g, ids[1] ?? ''),
        }
      : { ...m },
  );

  const button = msgs.findIndex((m) => 'action' in m);
  const explicitTurn = opts.x ?? (button >= 0 ? button + 1 : null);
  if (cat === 'human' && explicitTurn === null)
    throw new Error(`${lang}#${index}: human without x`);
  const base = opts.T ?? [...(TOPIC_TRIGGERS[topic] ?? []), ...(opts.t ?? [])];
  const triggers = [
    ...new Set([...(explicitTurn !== null ? ['explicit_human_request'] : []), ...base]),
  ];
  const mustReachHuman =
    opts.mrh ?? (['human', 'esc', 'oos'].includes(cat) || explicitTurn !== null);
  let needTurn = null;
  if (mustReachHuman) {
    const risk = opts.n ?? (cat === 'human' ? explicitTurn : 1);
    needTurn = explicitTurn !== null ? Math.min(explicitTurn, risk) : risk;
  }
  const informational =
    opts.info ?? ((cat === 'info' || cat === 'ff') && lang === 'en' && !mustReachHuman);
  const category =
    cat === 'info'
      ? lang === 'en'
        ? 'informational'
        : 'uncovered_language'
      : {
          human: 'explicit_request',
          esc: 'must_escalate',
          oos: 'out_of_scope_money',
          ff: 'false_friend',
        }[cat];
  if (!category) throw new Error(`${lang}#${index}: bad cat ${cat}`);

  return {
    id: `${lang}-${slug(topic)}-${slug(style)}-${String(index + 1).padStart(3, '0')}`,
    language: lang,
    style,
    category,
    topic,
    context,
    messages: msgs,
    expect: {
      explicitTurn,
      mustReachHuman,
      needTurn,
      informational,
      triggers,
      falseFriend: cat === 'ff',
    },
  };
}
