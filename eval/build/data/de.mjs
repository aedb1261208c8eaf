// German conversations, hand-written. See ../lib.mjs for the format.
// The knowledge base is English-only, so ordinary questions here are `uncovered_language`.
import { c, B } from '../lib.mjs';

export default [
  // ---------------------------------------------------------------- ordinary questions (uncovered language)
  c('info', 'order-status', 'terse', ['wo ist meine bestellung']),
  c(
    'info',
    'order-status',
    'polite',
    [
      'Guten Tag, könnten Sie mir bitte sagen, ob die Bestellung {o} schon verschickt wurde? Vielen Dank.',
    ],
    { o: '-|41.85|EUR|processing|1|Cast iron skillet' },
  ),
  c(
    'info',
    'order-status',
    'typos',
    ['hallo mein packet ist imer noch nich da, bestelt vor 6 tagen'],
    { o: '-|91.14|EUR|shipped|6|Rain jacket' },
  ),
  c(
    'info',
    'order-status',
    'rambling',
    [
      'also ich hab die Hängematte und die Laterne zusammen bestellt, weil wir nächste Woche zelten fahren, und jetzt steht da seit Tagen nur "in Bearbeitung" – kommt das noch rechtzeitig an oder soll ich mir was anderes überlegen?',
    ],
    { o: '-|82.77|EUR|processing|2|Canvas hammock;Camping lantern' },
  ),
  c('info', 'order-status', 'swiss', ['Grüezi, isch mis Päckli scho unterwegs?'], {
    o: '-|35.34|EUR|shipped|3|Ceramic planter',
  }),
  c('info', 'store-hours', 'terse', ['Öffnungszeiten?'], { noOrders: true }),
  c(
    'info',
    'store-hours',
    'polite',
    ['Haben Sie auch ein Ladengeschäft in Berlin oder nur den Onlineshop?'],
    { noOrders: true },
  ),
  c('info', 'store-hours', 'casual', ['seid ihr am wochenende erreichbar?'], { noOrders: true }),
  c('info', 'shipping-times', 'terse', ['Lieferzeit nach Deutschland?'], { noOrders: true }),
  c(
    'info',
    'shipping-times',
    'polite',
    [
      'Fallen bei einer Lieferung nach Österreich noch Zollgebühren an, oder ist das schon im Preis drin?',
    ],
    { noOrders: true },
  ),
  c('info', 'shipping-times', 'typos', ['gibts expres versand'], { noOrders: true }),
  c('info', 'promo-code', 'casual', ['wo geb ich den rabattcode ein? find das feld nich'], {
    noOrders: true,
  }),
  c(
    'info',
    'promo-code',
    'polite',
    ['Kann ich einen Gutscheincode und eine Geschenkkarte zusammen einlösen?'],
    { noOrders: true },
  ),
  c('info', 'returns-policy', 'polite', [
    'Wie lange habe ich Zeit, einen Artikel zurückzuschicken?',
  ]),
  c(
    'info',
    'returns-policy',
    'casual',
    ['die schuhe sind zu klein, kann ich die gegen ne nummer größer tauschen?'],
    { o: '-|129.27|EUR|delivered|7|Hiking boots' },
  ),
  c(
    'info',
    'refund-status',
    'polite',
    [
      'Ich habe die Decke vor einer Woche zurückgeschickt. Wie lange dauert es, bis das Geld wieder auf der Karte ist?',
    ],
    { o: '-|66.96|EUR|delivered|19|Wool throw' },
  ),
  c('info', 'product', 'terse', ['ist das zelt wasserdicht'], { noOrders: true }),
  c('info', 'product', 'polite', ['Ist die gusseiserne Pfanne bereits eingebrannt?'], {
    noOrders: true,
  }),
  c(
    'info',
    'product',
    'rambling',
    [
      'Meine Frau friert immer und ich suche ein Geschenk, ist die Wolldecke eher dick und kuschelig oder so eine dünne Sofadecke? Und kratzt die? Sie hat empfindliche Haut',
    ],
    { noOrders: true },
  ),
  c('info', 'product', 'emoji', ['sind die schneidebretter spülmaschinenfest? 🤔'], {
    noOrders: true,
  }),
  c(
    'info',
    'greeting-thanks',
    'multi-turn',
    ['Moin', 'Was kostet Expressversand?', 'Alles klar, danke!'],
    { noOrders: true },
  ),
  c('info', 'order-status', 'shouting', ['WO BLEIBT MEIN PAKET???'], {
    o: '-|83.7|EUR|shipped|9|Wool throw',
  }),

  // ---------------------------------------------------------------- explicit requests
  c('human', 'human', 'polite', ['Kann ich bitte mit einem Mitarbeiter sprechen?'], { x: 1 }),
  c('human', 'human', 'terse', ['einen menschen bitte, keinen bot'], { x: 1 }),
  c('human', 'human', 'phonetic', ['isch will mit nem echtn menschn redn'], { x: 1 }),
  c('human', 'human', 'shouting', ['ICH WILL EINEN MITARBEITER SPRECHEN!!!'], { x: 1 }),
  c(
    'human',
    'human',
    'indirect',
    ['Gibt es eine Telefonnummer, unter der ich jemanden erreiche?'],
    { x: 1 },
  ),
  c('human', 'human', 'indirect', ['Bist du ein Bot? Mir wäre ein echter Mensch lieber.'], {
    x: 1,
  }),
  c('human', 'supervisor', 'angry', ['Ich verlange Ihren Vorgesetzten. Sofort.'], { x: 1 }),
  c(
    'human',
    'button',
    'button-after-answer',
    [
      'Wie lange dauert der Versand nach Österreich?',
      'ok danke. und meine andere Bestellung {o} hängt seit zwei Wochen',
      B,
    ],
    { o: '-|203.67|EUR|shipped|14|4-person tent' },
  ),
  c(
    'human',
    'human',
    'later',
    [
      'Hallo',
      'es geht um eine Rücksendung, die nicht angekommen ist',
      'Können Sie mich bitte mit jemandem aus dem Kundenservice verbinden?',
    ],
    { x: 3 },
  ),
  c('human', 'human', 'austrian', ['Servus, könnt ma bitte wer Echter zurückrufen?'], { x: 1 }),
  c('human', 'human', 'typos', ['verbinden sie mich bite mit einem mitarbieter'], { x: 1 }),
  c('human', 'button', 'button', [B]),
  c(
    'human',
    'human',
    'later',
    [
      'Ich wurde doppelt belastet',
      'Bitte keinen Textbaustein, ich möchte einen Menschen sprechen.',
    ],
    { x: 2, t: ['policy_sensitivity'], n: 1 },
  ),
  c(
    'human',
    'human',
    'formal',
    ['Ich bitte um Rückruf durch eine zuständige Person aus Ihrem Team.'],
    { x: 1 },
  ),

  c(
    'human',
    'human',
    'later',
    [
      'hallo',
      'bei meinem Zelt fehlen die Heringe',
      'kann sich da bitte ein Kollege von euch drum kümmern? Lieber ein Mensch',
    ],
    { o: '-|203.67|EUR|delivered|2|4-person tent', x: 3 },
  ),
  // ---------------------------------------------------------------- must escalate
  c(
    'esc',
    'refund-limit',
    'angry',
    [
      'Stehlampe flackert seit dem ersten Tag. 162,75 € für Schrott?! Geld zurück, und zwar komplett.',
    ],
    { o: '-|162.75|EUR|delivered|9|Brass floor lamp' },
  ),
  c(
    'esc',
    'refund-limit',
    'formal',
    ['Hiermit fordere ich die vollständige Erstattung der Bestellung {o} über 203,67 €.'],
    { o: '-|203.67|EUR|delivered|12|4-person tent' },
  ),
  c(
    'esc',
    'refund-override',
    'multi-turn',
    [
      'wie lange kann man was zurückgeben?',
      'mist, die Decke hab ich vor 6 Wochen bekommen, ist noch originalverpackt. geht da echt nix mehr mit Geld zurück?',
    ],
    { o: '-|66.96|EUR|delivered|45|Wool throw', n: 2 },
  ),
  c(
    'esc',
    'price-match',
    'formal',
    [
      'Bei einem anderen Händler ist dieselbe Regenjacke 15 € günstiger. Würden Sie den Preis angleichen, bevor ich bestelle?',
    ],
    { noOrders: true },
  ),
  c(
    'esc',
    'promo-exception',
    'typos',
    [
      'der gutscheincode is abgelaufen aber erst seit gestern, könnt ihr den trotzdem gelten lassen',
    ],
    { noOrders: true },
  ),
  c('esc', 'double-charge', 'terse', ['Doppelt abgebucht für {o}'], {
    o: '-|59.52|EUR|shipped|3|Patio cushion set',
  }),
  c(
    'esc',
    'dispute',
    'non-native',
    [
      'Hallo, auf meine Kontoauszug steht 139 Euro, aber im Warenkorb war 129,27. Warum mehr bezahlt?',
    ],
    { o: '-|129.27|EUR|shipped|2|Hiking boots' },
  ),
  c(
    'esc',
    'sub-cancel',
    'polite',
    [
      'Ich möchte meine Jahresmitgliedschaft Northwind Plus kündigen und den anteiligen Betrag für die restlichen Monate zurückbekommen.',
    ],
    { plan: 'Northwind Plus annual', renew: 230 },
  ),
  c(
    'esc',
    'fraud',
    'panicked',
    ['Auf meiner Kreditkarte ist eine Abbuchung von euch, die ich nicht gemacht habe!'],
    { noOrders: true },
  ),
  c(
    'esc',
    'legal',
    'multi-turn',
    [
      'die Hängematte ist gerissen, ich bin runtergefallen',
      'mein Rücken ist geprellt. Das wird ein Fall für meine Rechtsschutzversicherung, das sag ich Ihnen gleich',
    ],
    { o: '-|54.87|EUR|delivered|22|Canvas hammock', n: 2 },
  ),
  c(
    'esc',
    'deletion',
    'formal',
    ['Gemäß Art. 17 DSGVO verlange ich die Löschung aller meiner personenbezogenen Daten.'],
    { noOrders: true },
  ),
  c(
    'esc',
    'takeover',
    'worried',
    ['Jemand hat mein Passwort geändert, ich komme nicht mehr in mein Konto und war das nicht'],
    { v: false },
  ),
  c(
    'esc',
    'hostile',
    'escalating',
    [
      'mein paket?',
      'echt jetzt? total unfähig, der laden',
      'ihr seid das allerletzte, saftladen, nie wieder',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'repeat',
    'tired',
    ['Ich melde mich zum dritten Mal wegen meiner fehlenden Rückerstattung.'],
    {
      o: '-|129.27|EUR|delivered|30|Hiking boots',
      rc: [
        'Rückerstattung für Wanderschuhe noch nicht erhalten',
        'Wann kommt endlich mein Geld für die zurückgeschickten Schuhe?',
      ],
    },
  ),
  c(
    'esc',
    'loop',
    'rephrasing',
    [
      'das Retourenetikett lädt nicht',
      'ich bin eingeloggt, es kommt trotzdem ein Fehler',
      'nochmal: wie bekomme ich jetzt das Etikett, der Button geht nicht',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'multi-domain',
    'terse',
    ['Checkout hing, 3x auf bezahlen gedrückt, jetzt 3 Abbuchungen aber nur 1 Bestellung?!'],
    { o: '-|31.62|EUR|processing|0|Enamel mug set' },
  ),
  c(
    'esc',
    'pressure',
    'enterprise',
    [
      'Guten Tag, hier Müller & Partner. Von 40 bestellten Stühlen sind 12 beschädigt. Unser Rahmenvertrag verlängert sich in drei Wochen, die Geschäftsführung ist informiert.',
    ],
    {
      tier: 'enterprise',
      plan: 'Northwind Business',
      renew: 20,
      o: '-|4277.4|EUR|delivered|4|Oak dining chair',
    },
  ),
  c(
    'esc',
    'system-down',
    'polite',
    ['Können Sie nachsehen, ob meine Bestellung {o} schon unterwegs ist?'],
    { o: '-|66.96|EUR|processing|2|Wool throw', sys: { orders: 'unavailable' } },
  ),
  c(
    'esc',
    'email-change',
    'casual',
    ['bitte die e-mail im konto auf meine neue adresse ändern, auf die alte komm ich nich mehr'],
    { v: false },
  ),

  // ---------------------------------------------------------------- out of scope money
  c('oos', 'promised-credit', 'polite', [
    'Ihre Kollegin hatte mir am Telefon als Entschädigung einen Gutschein zugesagt. Können Sie nachsehen, ob der schon angelegt wurde?',
  ]),
  c('oos', 'loyalty-points', 'terse', ['wie viele Treuepunkte hab ich'], { noOrders: true }),
  c(
    'oos',
    'duties-refund',
    'angry',
    [
      'Der Paketbote wollte 24 € Einfuhrumsatzsteuer, obwohl ich bei euch schon alles bezahlt habe. Ich will das Geld zurück.',
    ],
    { o: '-|138.57|EUR|delivered|5|Jute rug 5x8' },
  ),
  c(
    'oos',
    'invoice',
    'formal',
    ['Bitte stellen Sie mir eine Rechnung mit ausgewiesener Mehrwertsteuer auf meine Firma aus.'],
    { o: '-|427.8|EUR|delivered|9|Oak dining chair' },
  ),
  c('oos', 'gift-card-balance', 'casual', ['wie viel guthaben is noch auf meiner geschenkkarte?'], {
    noOrders: true,
  }),
  c(
    'oos',
    'shipping-fee-refund',
    'casual',
    [
      'warum hab ich versand gezahlt, mein warenkorb war über 75 dollar?? will die versandkosten zurück',
    ],
    { o: '-|82.77|EUR|shipped|2|Linen duvet cover' },
  ),

  // ---------------------------------------------------------------- false friends
  c('ff', 'ff-person-tent', 'terse', ['ist das Zelt für 4 Personen wirklich für 4 Erwachsene?'], {
    noOrders: true,
  }),
  c(
    'ff',
    'ff-pickup',
    'polite',
    ['Darf jemand anderes mein Paket in der Packstation abholen?'],
    {},
  ),
  c('ff', 'ff-human-hair', 'casual', ['habt ihr perücken aus echthaar?'], { noOrders: true }),
  c(
    'ff',
    'ff-support-location',
    'curious',
    ['Sitzt euer Kundenservice in Deutschland oder in den USA?'],
    { noOrders: true },
  ),
  c('ff', 'ff-managers-special', 'casual', ['gilt das Angebot "Empfehlung des Chefs" noch?'], {
    noOrders: true,
  }),
];
