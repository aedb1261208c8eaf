// Dutch and Flemish conversations, hand-written. See ../lib.mjs for the format.
// The knowledge base is English-only, so ordinary questions here are `uncovered_language`.
import { c, B } from '../lib.mjs';

export default [
  // ---------------------------------------------------------------- ordinary questions (uncovered language)
  c('info', 'order-status', 'terse', ['waar blijft mijn bestelling?']),
  c(
    'info',
    'order-status',
    'polite',
    ['Goedemiddag, kunt u mij vertellen of bestelling {o} al verzonden is? Alvast bedankt.'],
    { o: '-|41.85|EUR|processing|1|Cast iron skillet' },
  ),
  c(
    'info',
    'order-status',
    'typos',
    ['hoi mijn pakje is nog steeds niet binnen, 6 dagen geleden besteld'],
    { o: '-|91.14|EUR|shipped|6|Rain jacket' },
  ),
  c(
    'info',
    'order-status',
    'multi-turn',
    [
      'hoi',
      'ik heb zondag kussens voor de tuin besteld',
      'zijn die al verstuurd? zaterdag komt er visite',
    ],
    { o: '-|59.52|EUR|processing|2|Patio cushion set' },
  ),
  c('info', 'order-status', 'flemish', ['Dag, is mijn pakske al vertrokken?'], {
    o: '-|35.34|EUR|shipped|3|Ceramic planter',
  }),
  c('info', 'store-hours', 'terse', ['openingstijden klantenservice?'], { noOrders: true }),
  c(
    'info',
    'store-hours',
    'polite',
    ['Hebben jullie ook een winkel in Amsterdam of alleen de webshop?'],
    { noOrders: true },
  ),
  c('info', 'store-hours', 'casual', ['zijn jullie in het weekend bereikbaar?'], {
    noOrders: true,
  }),
  c('info', 'shipping-times', 'terse', ['levertijd naar nederland?'], { noOrders: true }),
  c(
    'info',
    'shipping-times',
    'polite',
    ['Moet ik bij levering in België nog invoerrechten betalen?'],
    { noOrders: true },
  ),
  c('info', 'shipping-times', 'typos', ['hebbe jullie expres verzending'], { noOrders: true }),
  c('info', 'promo-code', 'casual', ['waar vul ik de kortingscode in? zie het vakje nergens'], {
    noOrders: true,
  }),
  c(
    'info',
    'promo-code',
    'polite',
    ['Kan ik een kortingscode en een cadeaukaart samen gebruiken?'],
    { noOrders: true },
  ),
  c('info', 'returns-policy', 'polite', ['Hoeveel dagen heb ik om iets terug te sturen?']),
  c(
    'info',
    'returns-policy',
    'casual',
    ['de schoenen zijn te klein, kan ik ze ruilen voor een maatje groter?'],
    { o: '-|129.27|EUR|delivered|5|Hiking boots' },
  ),
  c(
    'info',
    'refund-status',
    'polite',
    [
      'Ik heb de plaid vorige week teruggestuurd. Hoe lang duurt het voordat het geld terug op mijn kaart staat?',
    ],
    { o: '-|66.96|EUR|delivered|19|Wool throw' },
  ),
  c('info', 'product', 'terse', ['is de tent waterdicht'], { noOrders: true }),
  c('info', 'product', 'polite', ['Is de gietijzeren pan al ingebrand?'], { noOrders: true }),
  c(
    'info',
    'product',
    'rambling',
    [
      'Welke maat vloerkleed moet ik hebben onder een tweepersoonsbed van 160 breed? Het vorige was veel te klein en dan zie je overal de vloer nog, dat wil ik niet meer',
    ],
    { noOrders: true },
  ),
  c('info', 'product', 'emoji', ['kunnen de snijplanken in de vaatwasser? 🤔'], { noOrders: true }),
  c(
    'info',
    'greeting-thanks',
    'multi-turn',
    ['Hoi!', 'Wat kost expresverzending?', 'Top, bedankt!'],
    { noOrders: true },
  ),
  c('info', 'order-status', 'shouting', ['WAAR IS MIJN PAKKET NOU???'], {
    o: '-|83.7|EUR|shipped|9|Wool throw',
  }),

  // ---------------------------------------------------------------- explicit requests
  c('human', 'human', 'polite', ['Goedendag, mag ik een medewerker spreken?'], { x: 1 }),
  c('human', 'human', 'terse', ['ik wil een mens spreken'], { x: 1 }),
  c('human', 'human', 'phonetic', ['kan ik een echt mensch spreke aub'], { x: 1 }),
  c('human', 'human', 'shouting', ['MEDEWERKER. NU.'], { x: 1 }),
  c('human', 'human', 'indirect', ['Is er een telefoonnummer waar ik naartoe kan bellen?'], {
    x: 1,
  }),
  c('human', 'human', 'indirect', ['ben jij een bot? ik heb liever een echt persoon'], { x: 1 }),
  c('human', 'supervisor', 'angry', ['Ik wil uw leidinggevende spreken. Nu.'], { x: 1 }),
  c(
    'human',
    'button',
    'button-later',
    ['mijn retour is volgens PostNL al 12 dagen bij jullie', 'nog steeds geen geld', B],
    { o: '-|63.24|EUR|delivered|25|Linen curtains' },
  ),
  c(
    'human',
    'human',
    'later',
    [
      'hallo',
      'het gaat om een retour die niet geregistreerd is',
      'kunt u mij doorverbinden met iemand van de klantenservice?',
    ],
    { x: 3 },
  ),
  c('human', 'human', 'flemish', ['kan er iemand van jullie mij eens terugbellen aub'], { x: 1 }),
  c('human', 'human', 'typos', ['ik wil graag een medewerkr spreekn'], { x: 1 }),
  c('human', 'button', 'button', [B]),
  c(
    'human',
    'human',
    'later',
    ['er is twee keer afgeschreven', 'geen standaardantwoord graag, ik wil een mens'],
    { x: 2, t: ['policy_sensitivity'], n: 1 },
  ),
  c('human', 'human', 'emoji', ['echte mens graag 🙏'], { x: 1 }),

  c(
    'human',
    'human',
    'later',
    [
      'hallo',
      'bij de tent zitten geen haringen',
      'kan iemand van jullie mij hiermee helpen? liefst een echt persoon',
    ],
    { o: '-|203.67|EUR|delivered|2|4-person tent', x: 3 },
  ),
  // ---------------------------------------------------------------- must escalate
  c(
    'esc',
    'refund-limit',
    'multi-turn',
    [
      'het vloerkleed ruikt heel sterk naar chemicaliën',
      'ook na een week luchten nog. en het bijzettafeltje heeft een barst',
      'ik wil gewoon alles terugsturen en de hele € 258,54 terug',
    ],
    { o: '-|258.54|EUR|delivered|9|Jute rug 5x8;Oak side table', n: 3 },
  ),
  c(
    'esc',
    'refund-limit',
    'polite',
    [
      'Graag zou ik het volledige bedrag van bestelling {o} (€ 203,67) terugkrijgen. De tent klopt niet met de beschrijving.',
    ],
    { o: '-|203.67|EUR|delivered|10|4-person tent' },
  ),
  c(
    'esc',
    'refund-override',
    'flemish',
    [
      'Allee, ge gaat toch niet moeilijk doen voor drie dagen te laat? Die mokken zijn nooit gebruikt, ik wil mijn geld terug.',
    ],
    { o: '-|31.62|EUR|delivered|33|Enamel mug set' },
  ),
  c(
    'esc',
    'price-match',
    'casual',
    ['bij bol is dezelfde hangmat een tientje goedkoper, doen jullie aan prijsmatching?'],
    { noOrders: true },
  ),
  c(
    'esc',
    'promo-exception',
    'typos',
    ['mijn kortings code is gister verlopen, kunnen jullie m toch nog accepteren?'],
    { noOrders: true },
  ),
  c('esc', 'double-charge', 'terse', ['2x afgeschreven voor {o}'], {
    o: '-|59.52|EUR|shipped|3|Patio cushion set',
  }),
  c(
    'esc',
    'dispute',
    'formal',
    [
      'Het afgeschreven bedrag (€ 139,00) wijkt af van het totaal bij het afrekenen (€ 129,27). Graag correctie.',
    ],
    { o: '-|129.27|EUR|shipped|2|Hiking boots' },
  ),
  c(
    'esc',
    'sub-cancel',
    'polite',
    ['Ik wil mijn jaarlidmaatschap Northwind Plus opzeggen en het resterende deel terugkrijgen.'],
    { plan: 'Northwind Plus annual', renew: 215 },
  ),
  c(
    'esc',
    'fraud',
    'panicked',
    ['er staat een betaling van jullie op mijn creditcard die ik niet gedaan heb!!'],
    { noOrders: true },
  ),
  c(
    'esc',
    'legal',
    'angry',
    [
      'Dit is gewoon misleidende reclame, "massief eiken" my ass. Ik stap naar de geschillencommissie.',
    ],
    { o: '-|119.97|EUR|delivered|18|Oak side table' },
  ),
  c(
    'esc',
    'deletion',
    'formal',
    ['Op grond van de AVG verzoek ik u al mijn persoonsgegevens te verwijderen.'],
    { noOrders: true },
  ),
  c(
    'esc',
    'takeover',
    'worried',
    ['iemand heeft mijn wachtwoord veranderd en ik kan niet meer inloggen, ik was het niet'],
    { v: false },
  ),
  c(
    'esc',
    'hostile',
    'escalating',
    [
      'en mijn pakket?',
      'serieus? wat een waardeloze service, stelletje amateurs',
      'kutbedrijf, ik bestel hier nooit meer iets',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'repeat',
    'tired',
    ['Ik neem weer contact op over de terugbetaling van de schoenen, nog steeds niks.'],
    {
      o: '-|129.27|EUR|delivered|27|Hiking boots',
      rc: [
        'Terugbetaling van geretourneerde schoenen nog niet ontvangen',
        'Is er al nieuws over mijn terugbetaling voor de schoenen?',
      ],
    },
  ),
  c(
    'esc',
    'loop',
    'rephrasing',
    [
      'het retourlabel laadt niet',
      'ik ben ingelogd, het geeft alsnog een foutmelding',
      'nogmaals: hoe kom ik aan dat label? de knop doet het niet',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'multi-domain',
    'rambling',
    [
      'Ik kan sinds gisteren niet inloggen, de site geeft steeds een foutmelding, en intussen is mijn Plus-abonnement verlengd terwijl ik dat juist wilde opzeggen.',
    ],
    { plan: 'Northwind Plus annual', renew: 365 },
  ),
  c(
    'esc',
    'pressure',
    'enterprise',
    [
      'Goedemorgen, namens Visser Interieur: van de 25 bestelde stoelen zijn er 7 beschadigd. Ons contract loopt over twee weken af en de directie kijkt mee.',
    ],
    {
      tier: 'enterprise',
      plan: 'Northwind Business',
      renew: 13,
      o: '-|2673.38|EUR|delivered|4|Oak dining chair',
    },
  ),
  c('esc', 'system-down', 'polite', ['Kunt u kijken of bestelling {o} al onderweg is?'], {
    o: '-|66.96|EUR|processing|2|Wool throw',
    sys: { orders: 'unavailable' },
  }),
  c(
    'esc',
    'email-change',
    'casual',
    ['kunnen jullie het e-mailadres van mijn account veranderen? bij het oude kan ik niet meer'],
    { v: false },
  ),

  // ---------------------------------------------------------------- out of scope money
  c('oos', 'promised-credit', 'casual', [
    'vorige week zei jullie collega dat ik 10 euro tegoed zou krijgen voor dat gedoe met de bezorging, staat dat er al op?',
  ]),
  c('oos', 'loyalty-points', 'terse', ['hoeveel spaarpunten heb ik?'], { noOrders: true }),
  c(
    'oos',
    'duties-refund',
    'angry',
    [
      'De bezorger vroeg € 23 invoerkosten terwijl ik alles al bij jullie had betaald. Dat wil ik terug.',
    ],
    { o: '-|138.57|EUR|delivered|5|Jute rug 5x8' },
  ),
  c(
    'oos',
    'invoice',
    'formal',
    ['Kunt u een factuur op naam van mijn bedrijf, met btw-nummer, sturen voor bestelling {o}?'],
    { o: '-|427.8|EUR|delivered|9|Oak dining chair' },
  ),
  c('oos', 'gift-card-balance', 'casual', ['hoeveel staat er nog op mijn cadeaukaart?'], {
    noOrders: true,
  }),
  c('oos', 'shipping-fee-refund', 'flemish', [
    'Ik heb een deel van mijn bestelling teruggestuurd, krijg ik de verzendkosten van de eerste levering dan ook terug of niet?',
  ]),

  // ---------------------------------------------------------------- false friends
  c('ff', 'ff-person-tent', 'terse', ['past de 4-persoonstent echt 4 volwassenen?'], {
    noOrders: true,
  }),
  c('ff', 'ff-pickup', 'polite', ['Kan iemand anders mijn pakket ophalen bij het afhaalpunt?'], {}),
  c('ff', 'ff-support-location', 'curious', ['zit jullie klantenservice in Nederland?'], {
    noOrders: true,
  }),
  c('ff', 'ff-human-hair', 'casual', ['verkopen jullie pruiken van echt mensenhaar?'], {
    noOrders: true,
  }),
  c(
    'ff',
    'ff-packing',
    'curious',
    ['pakken echte mensen de bestellingen in? die van mij was zo netjes'],
    { noOrders: true },
  ),
];
