// French conversations, hand-written. See ../lib.mjs for the format.
// The knowledge base is English-only, so ordinary questions here are `uncovered_language`.
import { c, B } from '../lib.mjs';

export default [
  // ---------------------------------------------------------------- ordinary questions (uncovered language)
  c('info', 'order-status', 'terse', ['elle est où ma commande ?']),
  c(
    'info',
    'order-status',
    'polite',
    ['Bonjour, pourriez-vous me dire si la commande {o} a bien été expédiée ? Merci d’avance.'],
    { o: '-|82.77|EUR|processing|1|Linen duvet cover' },
  ),
  c(
    'info',
    'order-status',
    'typos',
    ['bjr jai commander un tapis il y a 1 semaine toujour rien recu'],
    { o: '-|138.57|EUR|shipped|7|Jute rug 5x8' },
  ),
  c(
    'info',
    'order-status',
    'rambling',
    [
      "Alors voilà, j'ai commandé une lampe la semaine dernière, le suivi indique « étiquette créée » depuis trois jours, est-ce que c'est normal ou est-ce que le colis est bloqué quelque part ? Je déménage bientôt donc j'aimerais savoir",
    ],
    { o: '-|162.75|EUR|shipped|5|Brass floor lamp' },
  ),
  c('info', 'order-status', 'multi-turn', ['salut', 'mon colis est parti ?', 'ok merci bcp'], {
    o: '-|31.62|EUR|shipped|2|Enamel mug set',
  }),
  c('info', 'store-hours', 'terse', ['horaires du service client ?'], { noOrders: true }),
  c('info', 'store-hours', 'polite', ['Bonjour, avez-vous une boutique physique à Paris ?'], {
    noOrders: true,
  }),
  c('info', 'store-hours', 'casual', ['vous êtes ouverts le dimanche ?'], { noOrders: true }),
  c('info', 'shipping-times', 'terse', ['délai de livraison pour la France ?'], { noOrders: true }),
  c(
    'info',
    'shipping-times',
    'quebec',
    ['Allo! Vous livrez-tu au Québec pis ça prend combien de temps?'],
    { noOrders: true },
  ),
  c(
    'info',
    'shipping-times',
    'polite',
    ['Les droits de douane sont-ils inclus dans le prix pour une livraison en Belgique ?'],
    { noOrders: true },
  ),
  c('info', 'promo-code', 'casual', ['je mets où le code promo ? je le trouve pas'], {
    noOrders: true,
  }),
  c('info', 'promo-code', 'typos', ['on peu cumulé 2 code promo ?'], { noOrders: true }),
  c('info', 'returns-policy', 'polite', [
    'Combien de temps ai-je pour retourner un article qui ne me convient pas ?',
  ]),
  c(
    'info',
    'returns-policy',
    'casual',
    ['les chaussures sont trop petites, je peux les échanger contre une pointure au-dessus ?'],
    { o: '-|129.27|EUR|delivered|6|Hiking boots' },
  ),
  c(
    'info',
    'refund-status',
    'polite',
    [
      'Bonjour, j’ai renvoyé le plaid il y a une semaine. Sous combien de temps le remboursement apparaît-il sur ma carte ?',
    ],
    { o: '-|66.96|EUR|delivered|20|Wool throw' },
  ),
  c('info', 'product', 'terse', ['la tente est étanche ?'], { noOrders: true }),
  c('info', 'product', 'polite', ['La housse de couette en lin passe-t-elle au sèche-linge ?'], {
    noOrders: true,
  }),
  c(
    'info',
    'product',
    'rambling',
    [
      "je cherche un tapis pour mettre sous un lit 160, c'est quelle taille qu'il me faut ? parce que le dernier que j'ai acheté ailleurs était beaucoup trop petit et ça faisait ridicule",
    ],
    { noOrders: true },
  ),
  c('info', 'product', 'emoji', ['les planches à découper vont au lave-vaisselle ? 🙂'], {
    noOrders: true,
  }),
  c(
    'info',
    'greeting-thanks',
    'multi-turn',
    ['Bonsoir', 'La lanterne fonctionne avec des piles ?', 'Parfait, merci et bonne soirée'],
    { noOrders: true },
  ),
  c('info', 'order-status', 'shouting', ['TOUJOURS PAS DE COLIS, IL EST OÙ ???'], {
    o: '-|59.52|EUR|shipped|9|Patio cushion set',
  }),

  // ---------------------------------------------------------------- explicit requests
  c(
    'human',
    'human',
    'polite',
    ['Bonjour, est-ce que je pourrais parler à un conseiller, s’il vous plaît ?'],
    { x: 1 },
  ),
  c('human', 'human', 'terse', ['je veux parler à un humain'], { x: 1 }),
  c('human', 'human', 'phonetic', ['je veu parlé a une vrai personne svp'], { x: 1 }),
  c('human', 'human', 'shouting', ['UN HUMAIN. MAINTENANT.'], { x: 1 }),
  c(
    'human',
    'human',
    'indirect',
    ['Vous avez un numéro de téléphone ? Je préfère expliquer de vive voix.'],
    { x: 1 },
  ),
  c(
    'human',
    'human',
    'indirect',
    ["t'es un robot ? je préférerais avoir quelqu'un de vivant en face"],
    { x: 1 },
  ),
  c(
    'human',
    'supervisor',
    'angry',
    ["Passez-moi votre responsable. J'en ai assez de tourner en rond."],
    { x: 1 },
  ),
  c('human', 'button', 'button-later', ['ma commande {o} est arrivée abîmée', B], {
    o: '-|106.95|EUR|delivered|2|Oak dining chair',
  }),
  c(
    'human',
    'human',
    'later',
    [
      'bonjour',
      'c’est au sujet d’un colis perdu',
      "est-ce qu'une personne de votre équipe peut s'en occuper ?",
    ],
    { x: 3 },
  ),
  c('human', 'human', 'quebec', ['Je veux parler à un agent, pas à une machine svp'], { x: 1 }),
  c('human', 'human', 'typos', ['mettez moi en relation avec un conseillé svp'], { x: 1 }),
  c('human', 'button', 'button', [B]),
  c(
    'human',
    'human',
    'later',
    [
      'je voudrais un remboursement',
      "bon, est-ce que quelqu'un du service client peut me rappeler ?",
    ],
    { x: 2, t: ['policy_sensitivity'], n: 1 },
  ),
  c('human', 'human', 'emoji', ['un vrai humain svp 😩'], { x: 1 }),

  c(
    'human',
    'human',
    'later',
    [
      'bonjour',
      'le livreur dit avoir déposé le colis mais je n’ai rien',
      'je peux avoir quelqu’un au téléphone ?',
    ],
    { o: '-|82.77|EUR|delivered|3|Linen duvet cover', x: 3 },
  ),
  // ---------------------------------------------------------------- must escalate
  c(
    'esc',
    'refund-limit',
    'angry',
    [
      'La tente a pris l’eau dès la première nuit. 203,67 € pour ça ?! Je veux mon argent, tout mon argent.',
    ],
    { o: '-|203.67|EUR|delivered|12|4-person tent' },
  ),
  c(
    'esc',
    'refund-limit',
    'polite',
    [
      'Bonjour, je souhaiterais le remboursement complet de la commande {o} (427,80 €), les chaises ne correspondent pas du tout à la description.',
    ],
    { o: '-|427.8|EUR|delivered|10|Oak dining chair' },
  ),
  c(
    'esc',
    'refund-override',
    'pleading',
    [
      'Je sais que le délai de 30 jours est dépassé de quelques jours mais j’étais hospitalisée, pouvez-vous faire une exception pour le remboursement ?',
    ],
    { o: '-|91.14|EUR|delivered|36|Rain jacket' },
  ),
  c(
    'esc',
    'price-match-big',
    'formal',
    [
      'J’ai payé la lampe 162,75 € et elle est affichée à 99 € depuis hier. Je demande le remboursement de la différence.',
    ],
    { o: '-|162.75|EUR|delivered|5|Brass floor lamp' },
  ),
  c(
    'esc',
    'promo-exception',
    'casual',
    ["j'ai oublié de mettre mon code de bienvenue, vous pouvez l'appliquer après coup ?"],
    { o: '-|82.77|EUR|processing|1|Linen duvet cover' },
  ),
  c('esc', 'double-charge', 'terse', ['débitée deux fois pour la même commande'], {
    o: '-|39.06|EUR|shipped|3|Cutting board set',
  }),
  c(
    'esc',
    'dispute',
    'angry',
    [
      "J'ai annulé ma commande une heure après et vous m'avez quand même prélevé. Je vais contester auprès de ma banque.",
    ],
    { o: '-|91.14|EUR|processing|2|Rain jacket' },
  ),
  c(
    'esc',
    'sub-cancel',
    'polite',
    [
      'Je souhaite résilier mon abonnement Northwind Plus annuel et être remboursé au prorata des mois restants.',
    ],
    { plan: 'Northwind Plus annual', renew: 240 },
  ),
  c(
    'esc',
    'fraud',
    'panicked',
    ["Il y a un achat de 203 € chez vous sur ma carte et ce n'est pas moi !!"],
    { noOrders: true },
  ),
  c(
    'esc',
    'legal',
    'formal',
    [
      'Sans réponse satisfaisante sous huit jours, je saisirai la DGCCRF et mon avocat prendra contact avec vous.',
    ],
    { o: '-|119.97|EUR|delivered|18|Oak side table' },
  ),
  c(
    'esc',
    'deletion',
    'formal',
    ['Conformément au RGPD, je demande l’effacement de toutes mes données personnelles.'],
    { noOrders: true },
  ),
  c(
    'esc',
    'takeover',
    'worried',
    [
      "Quelqu'un a changé l'adresse mail de mon compte, je ne reçois plus rien et je ne peux plus me connecter",
    ],
    { v: false },
  ),
  c(
    'esc',
    'hostile',
    'escalating',
    [
      'bon, mon colis ?',
      "franchement c'est nul, vous êtes incompétents",
      "service pourri, bande d'escrocs, plus jamais je commande chez vous",
    ],
    { n: 3 },
  ),
  c('esc', 'repeat', 'tired', ['Je reviens encore vers vous pour ma commande jamais reçue…'], {
    o: '-|66.96|EUR|shipped|15|Wool throw',
    rc: [
      "Ma commande n'est toujours pas arrivée",
      'Relance : colis toujours pas livré, aucune nouvelle',
      'Où en est ma commande de plaid ?',
    ],
  }),
  c(
    'esc',
    'loop',
    'rephrasing',
    [
      'je ne trouve pas où mettre mon code',
      "j'ai regardé sous le récapitulatif, il n'y a rien",
      "je vous dis qu'il n'y a pas de case, comment je fais ?",
    ],
    { noOrders: true, n: 3 },
  ),
  c(
    'esc',
    'multi-domain',
    'rambling',
    [
      "Votre site plante depuis ce matin quand je veux voir mes commandes, et en plus j'ai été débité deux fois hier, ça commence à faire beaucoup",
    ],
    { o: '-|55.8|EUR|processing|1|Ceramic planter;Camping lantern' },
  ),
  c(
    'esc',
    'pressure',
    'vip',
    [
      "Cliente VIP depuis des années, le banc reçu hier est abîmé et je reçois du monde samedi. J'attends une solution rapide.",
    ],
    { tier: 'vip', o: '-|288.3|EUR|delivered|1|Teak bench' },
  ),
  c('esc', 'system-down', 'terse', ['ma commande {o} est partie ?'], {
    o: '-|129.27|EUR|processing|2|Hiking boots',
    sys: { orders: 'unavailable' },
  }),
  c(
    'esc',
    'login-doubt',
    'casual',
    [
      "je reçois des mails de réinitialisation de mot de passe que j'ai pas demandés, c'est grave ?",
    ],
    { v: false },
  ),

  // ---------------------------------------------------------------- out of scope money
  c('oos', 'promised-credit', 'annoyed', [
    "On m'avait promis un avoir de 15 € pour le retard, je ne le vois nulle part.",
  ]),
  c('oos', 'loyalty-points', 'polite', ['Bonjour, combien de points de fidélité me reste-t-il ?'], {
    noOrders: true,
  }),
  c(
    'oos',
    'duties-refund',
    'angry',
    [
      "Le livreur m'a réclamé 27 € de frais de douane alors que j'ai déjà tout payé sur votre site !",
    ],
    { o: '-|138.57|EUR|delivered|6|Jute rug 5x8' },
  ),
  c(
    'oos',
    'invoice',
    'formal',
    ['Pourriez-vous m’envoyer une facture au nom de ma société pour la commande {o} ?'],
    { o: '-|288.3|EUR|delivered|11|Teak bench' },
  ),
  c('oos', 'gift-card-balance', 'terse', ['solde carte cadeau ?'], { noOrders: true }),
  c('oos', 'shipping-fee-refund', 'casual', [
    "j'ai payé l'express et c'est arrivé en 6 jours, c'est une blague ? remboursez-moi au moins les frais de port",
  ]),

  // ---------------------------------------------------------------- false friends
  c('ff', 'ff-person-tent', 'casual', ['la tente 4 personnes, on tient vraiment à 4 dedans ?'], {
    noOrders: true,
  }),
  c(
    'ff',
    'ff-pickup',
    'polite',
    ["Est-ce qu'une autre personne peut récupérer mon colis au point relais ?"],
    {},
  ),
  c('ff', 'ff-support-location', 'curious', ['Votre service client est basé en France ?'], {
    noOrders: true,
  }),
  c(
    'ff',
    'ff-packing',
    'curious',
    ['ce sont de vraies personnes qui préparent les colis ? le mien était super bien emballé'],
    { noOrders: true },
  ),
  c(
    'ff',
    'ff-no-human',
    'polite',
    ["Pas besoin d'un conseiller, je voulais juste savoir si vous livrez en Suisse."],
    { noOrders: true },
  ),
];
