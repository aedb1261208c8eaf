// Portuguese conversations (Portugal and Brazil), hand-written. See ../lib.mjs for the format.
// The knowledge base is English-only, so ordinary questions here are `uncovered_language`.
import { c, B } from '../lib.mjs';

export default [
  // ---------------------------------------------------------------- ordinary questions (uncovered language)
  c('info', 'order-status', 'terse', ['cadê meu pedido?']),
  c(
    'info',
    'order-status',
    'polite',
    ['Boa tarde, poderia informar se a encomenda {o} já foi enviada? Obrigada.'],
    { o: '-|82.77|EUR|processing|1|Linen duvet cover' },
  ),
  c('info', 'order-status', 'typos', ['oi meu pedido nao chego ainda, comprei fas 1 semana'], {
    o: '-|91.14|EUR|shipped|7|Rain jacket',
  }),
  c(
    'info',
    'order-status',
    'rambling',
    [
      'então, pedi a rede e a lanterna pra levar num acampamento no feriado, o status tá "processando" faz dois dias, vai dar tempo de chegar ou melhor eu correr atrás de outra coisa?',
    ],
    { o: '-|82.77|EUR|processing|2|Canvas hammock;Camping lantern' },
  ),
  c('info', 'order-status', 'br-casual', ['gente, minhas botas já saíram do depósito? 😅'], {
    o: '-|129.27|EUR|processing|2|Hiking boots',
  }),
  c('info', 'store-hours', 'terse', ['horário de atendimento?'], { noOrders: true }),
  c('info', 'store-hours', 'polite', ['Vocês têm loja física em Lisboa ou é só online?'], {
    noOrders: true,
  }),
  c('info', 'store-hours', 'casual', ['vcs atendem no domingo?'], { noOrders: true }),
  c('info', 'shipping-times', 'terse', ['prazo de entrega pra Portugal?'], { noOrders: true }),
  c(
    'info',
    'shipping-times',
    'polite',
    ['Vocês entregam no Brasil? E quanto tempo costuma demorar?'],
    { noOrders: true },
  ),
  c('info', 'shipping-times', 'typos', ['vou ter q paga taxa da alfandega?'], { noOrders: true }),
  c('info', 'promo-code', 'casual', ['onde coloco o cupom de desconto? não acho'], {
    noOrders: true,
  }),
  c(
    'info',
    'promo-code',
    'polite',
    ['Posso usar um código promocional junto com um cartão-presente?'],
    { noOrders: true },
  ),
  c('info', 'returns-policy', 'polite', ['Quantos dias tenho para devolver um artigo?']),
  c(
    'info',
    'returns-policy',
    'br-casual',
    ['a jaqueta ficou grande, dá pra trocar por um tamanho menor?'],
    { o: '-|91.14|EUR|delivered|6|Rain jacket' },
  ),
  c(
    'info',
    'refund-status',
    'polite',
    ['Devolvi a manta há uma semana. Quanto tempo demora o reembolso a aparecer no cartão?'],
    { o: '-|66.96|EUR|delivered|21|Wool throw' },
  ),
  c('info', 'product', 'terse', ['a barraca é impermeável?'], { noOrders: true }),
  c('info', 'product', 'polite', ['A frigideira de ferro fundido já vem curada?'], {
    noOrders: true,
  }),
  c(
    'info',
    'product',
    'rambling',
    [
      'minha mãe sente muito frio e eu queria dar a manta de lã de presente, ela é grossinha ou é daquelas finas de sofá? e pinica? a pele dela é sensível',
    ],
    { noOrders: true },
  ),
  c('info', 'product', 'emoji', ['as tábuas de corte podem ir na lava-louças? 🍽️'], {
    noOrders: true,
  }),
  c(
    'info',
    'greeting-thanks',
    'multi-turn',
    ['Oi!', 'Quanto custa o frete expresso?', 'Beleza, valeu!'],
    { noOrders: true },
  ),
  c('info', 'order-status', 'shouting', ['CADÊ MINHA ENCOMENDA??? JÁ SÃO 10 DIAS'], {
    o: '-|59.52|EUR|shipped|10|Patio cushion set',
  }),

  // ---------------------------------------------------------------- explicit requests
  c('human', 'human', 'polite', ['Bom dia, posso falar com um atendente, por favor?'], { x: 1 }),
  c('human', 'human', 'terse', ['quero falar com um humano'], { x: 1 }),
  c('human', 'human', 'phonetic', ['kero falar com uma pesoa di verdadi'], { x: 1 }),
  c('human', 'human', 'shouting', ['ATENDENTE. AGORA.'], { x: 1 }),
  c('human', 'human', 'indirect', ['Tem algum número de telefone para onde eu possa ligar?'], {
    x: 1,
  }),
  c('human', 'human', 'indirect', ['você é um robô? prefiro falar com uma pessoa de verdade'], {
    x: 1,
  }),
  c('human', 'supervisor', 'angry', ['Quero falar com o gerente. Já chega.'], { x: 1 }),
  c('human', 'button', 'button-later', ['a encomenda {o} chegou partida', B], {
    o: '-|35.34|EUR|delivered|2|Ceramic planter',
  }),
  c(
    'human',
    'human',
    'later',
    [
      'bom dia',
      'comprei uma tenda e veio sem as estacas',
      'olhe, prefiro tratar disto com alguém da loja, é possível?',
    ],
    { x: 3 },
  ),
  c('human', 'human', 'br-typos', ['me passa pra um atendenti humano pfv'], { x: 1 }),
  c(
    'human',
    'human',
    'pt-formal',
    ['Gostaria de ser atendido por um colaborador da vossa equipa.'],
    { x: 1 },
  ),
  c('human', 'button', 'button', [B]),
  c(
    'human',
    'human',
    'later',
    ['fui cobrada duas vezes', 'não quero resposta automática, quero uma pessoa'],
    { x: 2, t: ['policy_sensitivity'], n: 1 },
  ),
  c('human', 'human', 'emoji', ['alguém de carne e osso aí? 🙏'], { x: 1 }),

  c(
    'human',
    'human',
    'later',
    [
      'oi',
      'o entregador disse que entregou mas não recebi nada',
      'tem como falar com alguém da equipe? uma pessoa mesmo',
    ],
    { o: '-|82.77|EUR|delivered|3|Linen duvet cover', x: 3 },
  ),
  // ---------------------------------------------------------------- must escalate
  c(
    'esc',
    'refund-limit',
    'br-angry',
    [
      'as cadeiras chegaram tudo bamba, não quero troca nenhuma, quero meus 427,80 € de volta, TUDO',
    ],
    { o: '-|427.8|EUR|delivered|7|Oak dining chair' },
  ),
  c(
    'esc',
    'refund-limit',
    'polite',
    [
      'Olá, gostaria do reembolso completo da encomenda {o}, 203,67 €. A tenda não corresponde ao anunciado.',
    ],
    { o: '-|203.67|EUR|delivered|10|4-person tent' },
  ),
  c(
    'esc',
    'refund-override',
    'pleading',
    [
      'Eu sei que já passou o prazo de 30 dias, mas estive internada. Dá para abrir uma exceção e devolver o dinheiro das cortinas?',
    ],
    { o: '-|63.24|EUR|delivered|37|Linen curtains' },
  ),
  c(
    'esc',
    'price-match',
    'br-casual',
    ['comprei a manta anteontem e agora tá 20% mais barata, vcs devolvem a diferença?'],
    { o: '-|66.96|EUR|delivered|2|Wool throw' },
  ),
  c('esc', 'promo-exception', 'typos', ['meu cupom venceu ontem so, da pra aceitar msm assim?'], {
    noOrders: true,
  }),
  c('esc', 'double-charge', 'terse', ['cobraram duas vezes a encomenda {o}'], {
    o: '-|41.85|EUR|shipped|2|Cast iron skillet',
  }),
  c(
    'esc',
    'dispute',
    'polite',
    [
      'Boa tarde. O valor debitado no cartão é superior ao total que apareceu no checkout. Podem verificar, por favor?',
    ],
    { o: '-|59.52|EUR|shipped|2|Patio cushion set' },
  ),
  c(
    'esc',
    'sub-cancel',
    'polite',
    [
      'Quero cancelar a assinatura anual do Northwind Plus e receber de volta o valor proporcional aos meses que faltam.',
    ],
    { plan: 'Northwind Plus annual', renew: 250 },
  ),
  c(
    'esc',
    'fraud',
    'panicked',
    ['fizeram uma compra no meu cartão no site de vocês e não fui eu!!'],
    { noOrders: true },
  ),
  c(
    'esc',
    'legal',
    'angry',
    ['Isto é propaganda enganosa. Vou abrir reclamação no Procon e procurar um advogado.'],
    { o: '-|119.97|EUR|delivered|16|Oak side table' },
  ),
  c(
    'esc',
    'deletion',
    'formal',
    ['Ao abrigo do RGPD, solicito o apagamento de todos os meus dados pessoais.'],
    { noOrders: true },
  ),
  c(
    'esc',
    'takeover',
    'worried',
    ['alguém mudou a senha e o email da minha conta, não consigo entrar'],
    { v: false },
  ),
  c(
    'esc',
    'hostile',
    'escalating',
    [
      'e a minha encomenda?',
      'que serviço horrível, vocês são uns incompetentes',
      'empresa de merda, nunca mais compro nada aqui',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'repeat',
    'tired',
    ['Venho outra vez por causa do reembolso das botas que nunca chegou.'],
    {
      o: '-|129.27|EUR|delivered|28|Hiking boots',
      rc: [
        'Ainda não recebi o reembolso das botas devolvidas',
        'Alguma novidade sobre o reembolso das botas?',
      ],
    },
  ),
  c(
    'esc',
    'loop',
    'rephrasing',
    [
      'o link de rastreio não abre',
      'já tentei no celular e no computador, não abre, onde tá meu pacote?',
      'de novo: o link não funciona, cadê o pacote?',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'multi-domain',
    'multi-turn',
    [
      'oi, meu pacote tá atrasado faz 10 dias',
      'e olhando a fatura do cartão vi que vocês cobraram a assinatura Plus duas vezes esse mês',
    ],
    { o: '-|66.96|EUR|shipped|12|Wool throw', plan: 'Northwind Plus monthly', renew: 20, n: 2 },
  ),
  c(
    'esc',
    'pressure',
    'enterprise',
    [
      'Bom dia, falo pela Costa & Filhos. Metade das lanternas do nosso pedido veio com defeito e a renovação do nosso contrato é daqui a duas semanas.',
    ],
    {
      tier: 'enterprise',
      plan: 'Northwind Business',
      renew: 14,
      o: '-|809.1|EUR|delivered|3|Camping lantern',
    },
  ),
  c('esc', 'system-down', 'polite', ['Pode verificar se a encomenda {o} já saiu do armazém?'], {
    o: '-|35.34|EUR|processing|2|Ceramic planter',
    sys: { orders: 'unavailable' },
  }),
  c(
    'esc',
    'login-doubt',
    'casual',
    ['recebi alerta de login de outro país e agora minha senha não funciona'],
    { v: false },
  ),

  // ---------------------------------------------------------------- out of scope money
  c('oos', 'promised-credit', 'br-casual', [
    'a moça do atendimento falou que ia me dar um vale de 50 reais pelo atraso, cadê?',
  ]),
  c('oos', 'loyalty-points', 'casual', ['quantos pontos eu tenho no programa de fidelidade?'], {
    noOrders: true,
  }),
  c(
    'oos',
    'duties-refund',
    'angry',
    [
      'Os Correios me cobraram taxa de importação sendo que já paguei tudo no site. Quero o dinheiro de volta.',
    ],
    { o: '-|138.57|EUR|delivered|8|Jute rug 5x8' },
  ),
  c(
    'oos',
    'invoice',
    'formal',
    ['Preciso de uma fatura com o NIF da minha empresa para a encomenda {o}.'],
    { o: '-|427.8|EUR|delivered|12|Oak dining chair' },
  ),
  c('oos', 'gift-card-balance', 'typos', ['qnto saldo tem no meu cartao presente'], {
    noOrders: true,
  }),
  c(
    'oos',
    'shipping-fee-refund',
    'typos',
    [
      'paguei frete mas a compra passava de 75 dolares, nao era pra ser gratis? quero o frete de volta',
    ],
    { o: '-|82.77|EUR|shipped|3|Linen duvet cover' },
  ),

  // ---------------------------------------------------------------- false friends
  c('ff', 'ff-human-hair', 'terse', ['tem peruca de cabelo humano?'], { noOrders: true }),
  c(
    'ff',
    'ff-pickup',
    'polite',
    ['Outra pessoa pode levantar a minha encomenda no ponto de recolha?'],
    {},
  ),
  c('ff', 'ff-person-tent', 'casual', ['a barraca de 4 pessoas cabe mesmo 4 adultos?'], {
    noOrders: true,
  }),
  c('ff', 'ff-support-location', 'curious', ['o atendimento de vocês fica no Brasil ou nos EUA?'], {
    noOrders: true,
  }),
  c(
    'ff',
    'ff-travel-agent',
    'rambling',
    ['meu agente de viagens marcou o camping pro dia 20, se eu pedir a barraca hoje chega antes?'],
    { noOrders: true },
  ),
];
