// Italian conversations, hand-written. See ../lib.mjs for the format.
// The knowledge base is English-only, so ordinary questions here are `uncovered_language`.
import { c, B } from '../lib.mjs';

export default [
  // ---------------------------------------------------------------- ordinary questions (uncovered language)
  c('info', 'order-status', 'terse', ["dov'è il mio ordine?"]),
  c(
    'info',
    'order-status',
    'polite',
    ["Buongiorno, potreste dirmi se l'ordine {o} è già stato spedito? Grazie mille."],
    { o: '-|41.85|EUR|processing|1|Cast iron skillet' },
  ),
  c(
    'info',
    'order-status',
    'typos',
    ['ciao il mio pacco nn e ancora arrivato, ordinato 6 giorni fa'],
    { o: '-|91.14|EUR|shipped|6|Rain jacket' },
  ),
  c(
    'info',
    'order-status',
    'rambling',
    [
      'Allora, il tappeto era per il compleanno di mia madre che è domenica, l’ho ordinato lunedì e ancora nessuna mail di spedizione, secondo voi arriva in tempo o mi conviene inventarmi un altro regalo?',
    ],
    { o: '-|138.57|EUR|processing|2|Jute rug 5x8' },
  ),
  c('info', 'order-status', 'casual', ['raga ma le mie tazze sono partite o no? 😅'], {
    o: '-|31.62|EUR|processing|2|Enamel mug set',
  }),
  c('info', 'store-hours', 'terse', ['orari servizio clienti?'], { noOrders: true }),
  c('info', 'store-hours', 'polite', ['Avete un negozio fisico a Milano o vendete solo online?'], {
    noOrders: true,
  }),
  c('info', 'store-hours', 'casual', ['siete aperti la domenica?'], { noOrders: true }),
  c('info', 'shipping-times', 'terse', ['tempi di consegna per l’Italia?'], { noOrders: true }),
  c(
    'info',
    'shipping-times',
    'polite',
    ['Per una spedizione in Italia ci sono dazi doganali da pagare alla consegna?'],
    { noOrders: true },
  ),
  c('info', 'shipping-times', 'typos', ['ce la spedizione espresa?'], { noOrders: true }),
  c('info', 'promo-code', 'casual', ['dove metto il codice sconto? non lo trovo'], {
    noOrders: true,
  }),
  c(
    'info',
    'promo-code',
    'polite',
    ['Posso usare un codice promozionale insieme a una carta regalo?'],
    { noOrders: true },
  ),
  c('info', 'returns-policy', 'polite', ['Quanti giorni ho per restituire un articolo?']),
  c(
    'info',
    'returns-policy',
    'casual',
    ['gli scarponi sono piccoli, posso cambiarli con un numero in più?'],
    { o: '-|129.27|EUR|delivered|5|Hiking boots' },
  ),
  c(
    'info',
    'refund-status',
    'polite',
    [
      'Ho rimandato indietro il plaid una settimana fa. Quanto ci vuole perché il rimborso compaia sulla carta?',
    ],
    { o: '-|66.96|EUR|delivered|20|Wool throw' },
  ),
  c('info', 'product', 'terse', ['la tenda è impermeabile?'], { noOrders: true }),
  c('info', 'product', 'polite', ['Il copripiumino in lino si può mettere in asciugatrice?'], {
    noOrders: true,
  }),
  c(
    'info',
    'product',
    'rambling',
    [
      'devo regalare l’amaca a mio fratello che pesa sui 100 kg, regge tranquillamente o rischio di fargli fare un volo? e poi le corde per appenderla sono incluse?',
    ],
    { noOrders: true },
  ),
  c('info', 'product', 'emoji', ['i taglieri vanno in lavastoviglie? 🤔'], { noOrders: true }),
  c(
    'info',
    'greeting-thanks',
    'multi-turn',
    ['Ciao!', 'Quanto costa la spedizione espressa?', 'Perfetto, grazie mille'],
    { noOrders: true },
  ),
  c('info', 'order-status', 'shouting', ['IL MIO PACCO DOV’È FINITO???'], {
    o: '-|83.7|EUR|shipped|9|Wool throw',
  }),

  // ---------------------------------------------------------------- explicit requests
  c('human', 'human', 'polite', ['Buongiorno, vorrei parlare con un operatore, per favore.'], {
    x: 1,
  }),
  c('human', 'human', 'terse', ['voglio parlare con un umano'], { x: 1 }),
  c('human', 'human', 'phonetic', ['voio parlare con una persona vera no con un robbot'], { x: 1 }),
  c('human', 'human', 'shouting', ['OPERATORE!!! SUBITO!!!'], { x: 1 }),
  c('human', 'human', 'indirect', ["C'è un numero di telefono che posso chiamare?"], { x: 1 }),
  c(
    'human',
    'human',
    'indirect',
    ['sei un bot? preferirei parlare con una persona in carne e ossa'],
    { x: 1 },
  ),
  c('human', 'supervisor', 'angry', ['Mi passi il suo responsabile. Adesso.'], { x: 1 }),
  c('human', 'button', 'button-after-greeting', ['buonasera', B], { noOrders: true }),
  c(
    'human',
    'human',
    'later',
    [
      'ciao, le tende sono arrivate del colore sbagliato',
      'no guarda, preferisco sentire una persona del servizio clienti, si può?',
    ],
    { x: 2 },
  ),
  c('human', 'human', 'southern', ['mi fate parlà con qualcuno per piacere'], { x: 1 }),
  c('human', 'human', 'typos', ['vorei parlare con un adetto del servizio clienti'], { x: 1 }),
  c('human', 'button', 'button', [B]),
  c(
    'human',
    'human',
    'later',
    ['mi avete addebitato due volte', 'non voglio risposte automatiche, voglio una persona'],
    { x: 2, t: ['policy_sensitivity'], n: 1 },
  ),
  c('human', 'human', 'emoji', ['un essere umano per favore 🙏'], { x: 1 }),

  c(
    'human',
    'human',
    'later',
    [
      'buongiorno',
      'la lampada è arrivata con il paralume ammaccato',
      'posso parlare con un vostro addetto? ho le foto',
    ],
    { o: '-|162.75|EUR|delivered|2|Brass floor lamp', x: 3 },
  ),
  // ---------------------------------------------------------------- must escalate
  c(
    'esc',
    'refund-limit',
    'sarcastic',
    [
      'Complimenti, 4 sedie su 4 traballano. Mi restituite i 427,80 € per intero, grazie, e le sedie ve le riprendete.',
    ],
    { o: '-|427.8|EUR|delivered|8|Oak dining chair' },
  ),
  c(
    'esc',
    'refund-limit',
    'polite',
    [
      "Buonasera, vorrei il rimborso totale dell'ordine {o}, 203,67 €. La tenda non corrisponde alla descrizione.",
    ],
    { o: '-|203.67|EUR|delivered|11|4-person tent' },
  ),
  c(
    'esc',
    'refund-override',
    'casual',
    [
      'lo so che il reso è scaduto da una settimana, ma la giacca non l’ho mai messa, con l’etichetta ancora attaccata. Me la rimborsate lo stesso dai',
    ],
    { o: '-|91.14|EUR|delivered|37|Rain jacket' },
  ),
  c(
    'esc',
    'price-match',
    'polite',
    ['Su un altro sito la stessa lanterna costa 8 € in meno. Fate l’allineamento di prezzo?'],
    { noOrders: true },
  ),
  c(
    'esc',
    'promo-exception',
    'typos',
    [
      'il codice dell influencer nn funziona, dice non valido per i prodotti nel carrello. me lo sbloccate?',
    ],
    { noOrders: true },
  ),
  c('esc', 'double-charge', 'terse', ["addebitato due volte l'ordine {o}"], {
    o: '-|59.52|EUR|shipped|3|Patio cushion set',
  }),
  c(
    'esc',
    'dispute',
    'multi-turn',
    [
      'buongiorno',
      "sull'estratto conto vedo un addebito di 45 € in più rispetto al totale del mio ordine",
      'il totale era 119,97 €, me ne avete presi 164,97',
    ],
    { o: '-|119.97|EUR|shipped|3|Oak side table', n: 2 },
  ),
  c(
    'esc',
    'sub-cancel',
    'polite',
    [
      'Vorrei disdire l’abbonamento annuale Northwind Plus e avere indietro la quota dei mesi che non userò.',
    ],
    { plan: 'Northwind Plus annual', renew: 220 },
  ),
  c(
    'esc',
    'fraud',
    'panicked',
    ['qualcuno ha usato la mia carta sul vostro sito, io non ho comprato niente!!'],
    { noOrders: true },
  ),
  c(
    'esc',
    'legal',
    'formal',
    [
      'La informo che ho dato mandato al mio avvocato e presenterò reclamo all’associazione consumatori.',
    ],
    { o: '-|119.97|EUR|delivered|17|Oak side table' },
  ),
  c(
    'esc',
    'deletion',
    'formal',
    ['Ai sensi del GDPR chiedo la cancellazione di tutti i miei dati personali.'],
    { noOrders: true },
  ),
  c(
    'esc',
    'takeover',
    'worried',
    [
      'qualcuno ha cambiato la password del mio account e non riesco più ad entrare, non sono stato io',
    ],
    { v: false },
  ),
  c(
    'esc',
    'hostile',
    'escalating',
    [
      'allora il mio pacco?',
      'ma siete seri? servizio ridicolo, incompetenti',
      'vergognatevi, azienda schifosa, non compro mai più',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'repeat',
    'tired',
    ['Vi scrivo di nuovo per il rimborso degli scarponi, ancora niente.'],
    {
      o: '-|129.27|EUR|delivered|29|Hiking boots',
      rc: [
        'Non ho ancora ricevuto il rimborso degli scarponi resi',
        'Novità sul rimborso degli scarponi?',
      ],
    },
  ),
  c(
    'esc',
    'loop',
    'rephrasing',
    [
      'non trovo dove inserire il codice sconto',
      "ho guardato sotto il riepilogo, non c'è",
      'te lo ripeto, la casella non c’è, come faccio?',
    ],
    { noOrders: true, n: 3 },
  ),
  c(
    'esc',
    'multi-domain',
    'rambling',
    [
      'Il pacco è in ritardo di due settimane, il tracking non si aggiorna e per di più mi avete rinnovato l’abbonamento Plus senza avvisarmi. Voglio una risposta su tutte e due le cose.',
    ],
    { o: '-|66.96|EUR|shipped|16|Wool throw', plan: 'Northwind Plus annual', renew: 364 },
  ),
  c(
    'esc',
    'pressure',
    'vip',
    [
      'Sono cliente VIP, la panca arrivata ieri è danneggiata e sabato ho ospiti. Mi serve una soluzione rapida.',
    ],
    { tier: 'vip', o: '-|288.3|EUR|delivered|1|Teak bench' },
  ),
  c('esc', 'system-down', 'polite', ["Può controllare se l'ordine {o} è già partito?"], {
    o: '-|66.96|EUR|processing|2|Wool throw',
    sys: { orders: 'unavailable' },
  }),
  c(
    'esc',
    'email-change',
    'casual',
    ["cambiate l'email dell'account con quella nuova, alla vecchia non ho più accesso"],
    { v: false },
  ),

  // ---------------------------------------------------------------- out of scope money
  c(
    'oos',
    'promised-credit',
    'multi-turn',
    [
      'salve',
      'la volta scorsa un vostro collega mi aveva detto che mi avrebbe riaccreditato 12 € per il piatto scheggiato',
      'sul conto non è arrivato niente, potete verificare?',
    ],
    { n: 2 },
  ),
  c('oos', 'loyalty-points', 'terse', ['quanti punti fedeltà ho?'], { noOrders: true }),
  c(
    'oos',
    'duties-refund',
    'non-native',
    [
      'Abito in Svizzera, la posta mi ha fatto pagare 19 franchi di sdoganamento. Sul sito c’era scritto tutto compreso? Chi mi ridà questi soldi?',
    ],
    { o: '-|91.14|EUR|delivered|7|Rain jacket' },
  ),
  c(
    'oos',
    'invoice',
    'formal',
    ["Avrei bisogno della fattura intestata alla mia azienda, con partita IVA, per l'ordine {o}."],
    { o: '-|427.8|EUR|delivered|10|Oak dining chair' },
  ),
  c('oos', 'gift-card-balance', 'casual', ['quanto credito resta sulla mia gift card?'], {
    noOrders: true,
  }),
  c('oos', 'shipping-fee-refund', 'polite', [
    'Ho pagato la spedizione espressa ma il pacco è arrivato dopo una settimana. Mi rimborsate le spese di spedizione?',
  ]),

  // ---------------------------------------------------------------- false friends
  c('ff', 'ff-person-tent', 'terse', ['la tenda da 4 persone ci stanno davvero 4 adulti?'], {
    noOrders: true,
  }),
  c('ff', 'ff-pickup', 'polite', ['Può ritirare il pacco un’altra persona al posto mio?'], {}),
  c('ff', 'ff-support-location', 'curious', ['il vostro servizio clienti è in Italia?'], {
    noOrders: true,
  }),
  c('ff', 'ff-human-hair', 'casual', ['avete parrucche di capelli umani?'], { noOrders: true }),
  c(
    'ff',
    'ff-no-human',
    'polite',
    ['Non serve un operatore, volevo solo sapere se spedite in Svizzera.'],
    { noOrders: true },
  ),
];
