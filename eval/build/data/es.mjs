// Spanish conversations (Spain and Latin America), hand-written. See ../lib.mjs for the format.
// The knowledge base is English-only, so ordinary questions here are `uncovered_language`.
import { c, B } from '../lib.mjs';

export default [
  // ---------------------------------------------------------------- ordinary questions (uncovered language)
  c('info', 'order-status', 'terse', ['¿dónde está mi pedido?']),
  c('info', 'order-status', 'typos', ['ola, kiero saber donde esta mi pedido {o} q no me llega'], {
    o: '-|83.7|EUR|shipped|6|Wool throw',
  }),
  c(
    'info',
    'order-status',
    'polite',
    ['Buenas tardes, ¿me podrían decir si ya han enviado el pedido {o}? Muchas gracias.'],
    { o: '-|41.85|EUR|processing|1|Cast iron skillet' },
  ),
  c(
    'info',
    'order-status',
    'rambling',
    [
      'hola mira te cuento, pedí una lámpara hace como una semana y el seguimiento no se mueve desde el martes, ¿es normal o se ha perdido por ahí? es que la necesito para el salón',
    ],
    { o: '-|162.75|EUR|shipped|7|Brass floor lamp' },
  ),
  c('info', 'order-status', 'latam-casual', ['oigan ya mandaron mis botas o todavía no? 🥾'], {
    o: '-|129.27|EUR|processing|2|Hiking boots',
  }),
  c('info', 'store-hours', 'terse', ['horario de atención?'], { noOrders: true }),
  c(
    'info',
    'store-hours',
    'polite',
    ['Hola, ¿tenéis tienda física en Madrid o solo vendéis online?'],
    { noOrders: true },
  ),
  c('info', 'store-hours', 'casual', ['abrís los domingos?'], { noOrders: true }),
  c('info', 'shipping-times', 'terse', ['cuanto tarda el envio a españa'], { noOrders: true }),
  c(
    'info',
    'shipping-times',
    'polite',
    ['Buenos días, ¿hacen envíos a México y cuánto tiempo suele tardar?'],
    { noOrders: true },
  ),
  c('info', 'shipping-times', 'typos', ['tengo q pagar aduana si pido desde barcelona??'], {
    noOrders: true,
  }),
  c(
    'info',
    'promo-code',
    'casual',
    ['dónde pongo el código de descuento? no lo veo por ningún lado'],
    { noOrders: true },
  ),
  c(
    'info',
    'promo-code',
    'multi-turn',
    ['hola', 'tengo un cupón del newsletter', '¿se puede usar junto con una tarjeta regalo?'],
    { noOrders: true },
  ),
  c('info', 'returns-policy', 'polite', [
    '¿Cuántos días tengo para devolver un artículo si no me convence?',
  ]),
  c(
    'info',
    'returns-policy',
    'casual',
    ['la chaqueta me queda grande, la puedo cambiar por una talla menos?'],
    { o: '-|91.14|EUR|delivered|8|Rain jacket' },
  ),
  c('info', 'returns-policy', 'typos', ['como ago una debolucion'], {}),
  c(
    'info',
    'refund-status',
    'polite',
    ['Devolví la manta hace diez días. ¿Cuánto suele tardar el reembolso en llegar a la tarjeta?'],
    { o: '-|66.96|EUR|delivered|24|Wool throw' },
  ),
  c('info', 'product', 'terse', ['la tienda de campaña es impermeable?'], { noOrders: true }),
  c(
    'info',
    'product',
    'polite',
    ['¿La sartén de hierro fundido viene ya curada o hay que curarla antes de usarla?'],
    { noOrders: true },
  ),
  c(
    'info',
    'product',
    'latam-rambling',
    [
      'buenas, quería preguntar por el banco de teca, se puede dejar afuera todo el año? acá en Montevideo llueve bastante en invierno y no quiero que se arruine',
    ],
    { noOrders: true },
  ),
  c(
    'info',
    'greeting-thanks',
    'multi-turn',
    ['buenas!', '¿cuánto cuesta el envío exprés?', 'vale, gracias, eso era todo'],
    { noOrders: true },
  ),
  c('info', 'order-status', 'shouting', ['MI PEDIDO NO LLEGA, DONDE ESTA?'], {
    o: '-|55.8|EUR|shipped|8|Ceramic planter;Camping lantern',
  }),

  // ---------------------------------------------------------------- explicit requests
  c('human', 'human', 'polite', ['Hola, ¿podría hablar con una persona, por favor?'], { x: 1 }),
  c('human', 'human', 'terse', ['quiero hablar con un humano'], { x: 1 }),
  c('human', 'human', 'phonetic', ['kiero ablar con alguien de verdad no con un robot'], { x: 1 }),
  c('human', 'human', 'shouting', ['UN AGENTE YA'], { x: 1 }),
  c('human', 'human', 'indirect', ['¿Hay algún teléfono al que pueda llamar?'], { x: 1 }),
  c(
    'human',
    'human',
    'indirect',
    ['¿eres un bot? preferiría que me atienda una persona de carne y hueso'],
    { x: 1 },
  ),
  c(
    'human',
    'supervisor',
    'angry',
    ['Quiero hablar con el encargado. Con el responsable, no con una máquina.'],
    { x: 1 },
  ),
  c('human', 'button', 'button-later', ['mi pedido {o} llegó roto', B], {
    o: '-|119.97|EUR|delivered|3|Oak side table',
  }),
  c(
    'human',
    'human',
    'later',
    [
      'hola',
      'tengo un problema con un cobro',
      'mejor pásame con alguien del equipo de atención al cliente',
    ],
    { x: 3, t: ['policy_sensitivity'], n: 2 },
  ),
  c('human', 'human', 'latam', ['me comunica con un asesor por favor'], { x: 1 }),
  c('human', 'human', 'typos', ['porfa pasame con un operadr humano'], { x: 1 }),
  c('human', 'human', 'emoji', ['una persona real porfa 🙏🙏'], { x: 1 }),
  c('human', 'button', 'button', [B]),
  c(
    'human',
    'human',
    'later',
    [
      '¿cuánto tarda un reembolso?',
      'vale, pero quiero que lo mire alguien de vuestro equipo, ¿me pasas con un compañero?',
    ],
    { x: 2 },
  ),

  c(
    'human',
    'human',
    'later',
    [
      'buenas',
      'me llegó la manta con una mancha',
      'oye, ¿me atiende alguien de carne y hueso? prefiero explicárselo a una persona',
    ],
    { o: '-|66.96|EUR|delivered|2|Wool throw', x: 3 },
  ),
  // ---------------------------------------------------------------- must escalate
  c(
    'esc',
    'refund-limit',
    'angry',
    [
      'El banco de teca llegó con una tabla rajada y encima tardó dos semanas. Devolvedme los 288,30 € y punto, no quiero otro.',
    ],
    { o: '-|288.3|EUR|delivered|5|Teak bench' },
  ),
  c(
    'esc',
    'refund-limit',
    'polite',
    [
      'Buenas, quisiera el reembolso completo del pedido {o} (203,67 €). La tienda de campaña no es lo que se anunciaba.',
    ],
    { o: '-|203.67|EUR|delivered|9|4-person tent' },
  ),
  c(
    'esc',
    'refund-override',
    'pleading',
    [
      'Ya sé que han pasado más de 30 días pero estuve fuera por trabajo, ¿me podéis devolver el dinero de las cortinas igualmente? están sin abrir',
    ],
    { o: '-|63.24|EUR|delivered|41|Linen curtains' },
  ),
  c(
    'esc',
    'price-match',
    'casual',
    ['compré la manta hace 4 días y ahora está rebajada un 20%, me devolvéis la diferencia?'],
    { o: '-|66.96|EUR|delivered|4|Wool throw' },
  ),
  c(
    'esc',
    'promo-exception',
    'latam',
    [
      'se me olvidó poner el cupón de bienvenida cuando compré, me pueden aplicar el descuento ahora? el pedido ni ha salido',
    ],
    { o: '-|82.77|EUR|processing|1|Linen duvet cover' },
  ),
  c('esc', 'double-charge', 'terse', ['me habéis cobrado dos veces el pedido {o}'], {
    o: '-|83.7|EUR|shipped|2|Wool throw',
  }),
  c(
    'esc',
    'double-charge',
    'latam',
    [
      'buenas, en mi resumen de la tarjeta aparece el mismo cargo de 59,52 € dos veces, me pueden revisar eso',
    ],
    { o: '-|59.52|EUR|delivered|6|Patio cushion set' },
  ),
  c(
    'esc',
    'sub-cancel',
    'polite',
    [
      'Quiero darme de baja de Northwind Plus anual y que me devuelvan la parte proporcional de los meses que no voy a usar.',
    ],
    { plan: 'Northwind Plus annual', renew: 200 },
  ),
  c(
    'esc',
    'fraud',
    'panicked',
    ['alguien ha hecho una compra con mi tarjeta en vuestra web!! yo no he pedido nada'],
    { noOrders: true },
  ),
  c(
    'esc',
    'legal',
    'angry',
    ['Esto es publicidad engañosa. Voy a poner una denuncia en consumo y os vais a enterar.'],
    { o: '-|119.97|EUR|delivered|14|Oak side table' },
  ),
  c(
    'esc',
    'deletion',
    'formal',
    [
      'Conforme al RGPD, solicito la supresión de todos mis datos personales y el cierre definitivo de mi cuenta.',
    ],
    { noOrders: true },
  ),
  c(
    'esc',
    'takeover',
    'worried',
    ['me han cambiado la contraseña y el correo de la cuenta y no he sido yo, no puedo entrar'],
    { v: false },
  ),
  c(
    'esc',
    'hostile',
    'escalating',
    [
      'mi pedido sigue sin llegar',
      'qué vergüenza de servicio, sois unos inútiles',
      'estoy hasta las narices, sois una estafa y una basura de empresa',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'repeat',
    'tired',
    ['otra vez yo con lo del reembolso de las botas, sigo sin ver el dinero'],
    {
      o: '-|129.27|EUR|delivered|26|Hiking boots',
      rc: [
        'Devolví las botas y no me han devuelto el dinero',
        '¿Alguna novedad sobre mi reembolso de las botas?',
      ],
    },
  ),
  c(
    'esc',
    'loop',
    'rephrasing',
    [
      'no me funciona el enlace de seguimiento',
      'ya, pero el enlace da error, ¿dónde está mi paquete?',
      'te repito que el enlace no funciona, ¿dónde está?',
    ],
    { n: 3 },
  ),
  c(
    'esc',
    'multi-domain',
    'rambling',
    [
      'la web se cayó justo cuando estaba pagando y ahora me aparece el cargo en el banco pero no tengo ningún pedido en la cuenta',
    ],
    { noOrders: true },
  ),
  c(
    'esc',
    'pressure',
    'enterprise',
    [
      'Buenos días, le escribo de parte de Grupo Ferrán. Nos llegaron 8 sillas con defectos de un pedido de 30 y la renovación de nuestro contrato es en tres semanas.',
    ],
    {
      tier: 'enterprise',
      plan: 'Northwind Business',
      renew: 21,
      o: '-|3207.9|EUR|delivered|4|Oak dining chair',
    },
  ),
  c(
    'esc',
    'system-down',
    'polite',
    ['Hola, ¿me confirmáis si mi pedido {o} ya ha salido del almacén?'],
    { o: '-|35.34|EUR|processing|2|Ceramic planter', sys: { orders: 'unavailable' } },
  ),
  c(
    'esc',
    'login-doubt',
    'non-native-ish',
    ['me llegó un aviso de inicio de sesión desde otro país y ahora no puedo entrar a mi cuenta'],
    { v: false },
  ),

  // ---------------------------------------------------------------- out of scope money
  c('oos', 'promised-credit', 'annoyed', [
    'Un compañero vuestro me prometió un abono de 20 € por el retraso y todavía no lo veo en mi cuenta.',
  ]),
  c('oos', 'loyalty-points', 'casual', ['cuántos puntos tengo acumulados?'], { noOrders: true }),
  c(
    'oos',
    'duties-refund',
    'angry',
    [
      'El transportista me cobró 31 € de aduana cuando ya pagué los impuestos al comprar. Quiero que me lo devolváis.',
    ],
    { o: '-|138.57|EUR|delivered|7|Jute rug 5x8' },
  ),
  c(
    'oos',
    'invoice',
    'formal',
    ['Necesito una factura con los datos fiscales de mi empresa para el pedido {o}.'],
    { o: '-|427.8|EUR|delivered|12|Oak dining chair' },
  ),
  c('oos', 'gift-card-balance', 'typos', ['cuanto saldo me queda en la tarjeta regalo'], {
    noOrders: true,
  }),
  c('oos', 'shipping-fee-refund', 'polite', [
    'Pagué el envío exprés y llegó tres días tarde. ¿Me podéis devolver esos gastos de envío?',
  ]),

  // ---------------------------------------------------------------- false friends
  c('ff', 'ff-person-tent', 'terse', ['la tienda es para 4 personas de verdad? somos 4 adultos'], {
    noOrders: true,
  }),
  c(
    'ff',
    'ff-pickup',
    'polite',
    ['¿Puede recoger el paquete otra persona si yo no estoy en casa?'],
    {},
  ),
  c('ff', 'ff-human-hair', 'casual', ['tenéis pelucas de pelo humano?'], { noOrders: true }),
  c(
    'ff',
    'ff-support-location',
    'curious',
    ['el equipo de atención al cliente está en España o en Estados Unidos?'],
    { noOrders: true },
  ),
  c(
    'ff',
    'ff-no-human',
    'terse',
    ['no hace falta que me pases con nadie, solo dime cuánto tarda el envío'],
    { noOrders: true },
  ),
];
