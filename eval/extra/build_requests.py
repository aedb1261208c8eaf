#!/usr/bin/env python3
"""Expands the hand-written entries below into eval/extra/requests.jsonl and validates them.

Extra DEV data for tuning the explicit-request matcher (never part of the test split).
Written blind: without reading the matcher code, eval/dev.jsonl or eval/test.jsonl.

    python3 eval/extra/build_requests.py          # validate + write requests.jsonl
    python3 eval/extra/build_requests.py --check  # validate + print counts only
"""
import json, re, sys, hashlib, os
from collections import Counter

BTN = "__BUTTON__"
ENTRIES = []

def O(oid, total, cur, status, days, *items):
    return {"id": oid, "total": total, "currency": cur, "status": status,
            "placedDaysAgo": days, "items": list(items)}

def R(lang, style, topic, msgs, turn, orders=None, contacts=None):
    """Conversation where the customer asks for a person at customer turn `turn`."""
    ENTRIES.append(dict(kind="req", lang=lang, style=style, topic=topic, msgs=msgs, turn=turn,
                        orders=orders, contacts=contacts, info=False))

def F(lang, style, topic, msgs, info, orders=None, contacts=None):
    """Look-alike that is NOT a request for a person."""
    ENTRIES.append(dict(kind="ff", lang=lang, style=style, topic=topic, msgs=msgs, turn=None,
                        orders=orders, contacts=contacts, info=info))

# ---------------------------------------------------------------- English requests (80)
e = "en"
R(e, "terse", "request-operator", ["operator"], 1)
R(e, "texting", "request-human", ["human pls"], 1)
R(e, "plain", "request-person", ["can i talk to a real person"], 1)
R(e, "shouting", "request-agent", ["AGENT. NOW."], 1)
R(e, "indirect", "request-phone", ["Is there a number I can call? I'd rather sort this out over the phone than type it all."], 1)
R(e, "terse", "request-phone", ["your phone number?"], 1)
R(e, "polite", "request-human", ["I'd rather deal with a human being if that's alright, chatbots and I don't really get along."], 1)
R(e, "angry", "request-someone", ["get me someone who can actually help"], 1)
R(e, "terse", "request-transfer", ["transfer me"], 1)
R(e, "texting", "request-staff", ["chat with staff plz"], 1)
R(e, "polite", "request-manager", ["Can I speak to a manager please?"], 1)
R(e, "indirect", "request-in-charge", ["I want to speak to whoever is in charge over there."], 1)
R(e, "terse", "request-supervisor", ["supervisor."], 1)
R(e, "multi-turn", "request-after-failure",
  ["where is my order A1187", "that's literally what the email said. this is useless, who can I actually talk to?"], 2,
  orders=[O("A1187", 62.40, "USD", "shipped", 7, "Wool throw")])
R(e, "multi-turn", "request-later",
  ["do you ship to Canada?", "ok thanks. actually can u put me thru to someone, I have a weird question about gift wrapping a big order"], 2)
R(e, "typos", "request-human", ["can i tlak to a humen plese"], 1)
R(e, "phonetic", "request-someone", ["wud like 2 speek 2 sum1 real"], 1)
R(e, "emoji", "request-person", ["🙋‍♀️ real person please 🙏"], 1)
R(e, "rambling", "request-buried",
  ["Hi so I ordered the oak side table for my mum's birthday, order A3318, and it says shipped but tracking has been stuck in Memphis since Tuesday and her birthday is Saturday, can you connect me with an actual person, also is the finish matte or glossy because she really hates glossy stuff, thanks"], 1,
  orders=[O("A3318", 149.00, "USD", "shipped", 6, "Oak side table")])
R(e, "formal", "request-staff",
  ["Good afternoon. I would be grateful if you could put me in touch with a member of your customer service team regarding order A5521. Kind regards, Margaret Hollis"], 1,
  orders=[O("A5521", 88.50, "GBP", "processing", 3, "Linen duvet cover")])
R(e, "non-native", "request-person", ["Hello, please I need speak with one person of the support, is possible?"], 1)
R(e, "indirect", "request-callback", ["can I get a callback?"], 1)
R(e, "indirect", "request-human", ["hello?? is there an actual human I can talk to or is this all robots"], 1)
R(e, "terse", "request-human", ["Stop. I don't want the bot. Human."], 1)
R(e, "shouting", "request-rep", ["REPRESENTATIVE"], 1)
R(e, "plain", "request-rep", ["customer service rep please"], 1)
R(e, "polite", "request-handover", ["Could you hand this over to one of your colleagues? I think it needs a person to look at it."], 1)
R(e, "indirect", "request-email-person", ["Is there someone on your team I could email directly instead of using this chat?"], 1)
R(e, "multi-turn", "request-later",
  ["hi", "my duvet cover came in the wrong colour, order A7745", "can a person handle this please, I don't trust a bot to get it right"], 3,
  orders=[O("A7745", 79.00, "USD", "delivered", 9, "Linen duvet cover")])
R(e, "button", "request-button", ["where's my package A2210", BTN], 2,
  orders=[O("A2210", 41.99, "USD", "shipped", 5, "Camping lantern")])
R(e, "button", "request-button", [BTN], 1)
R(e, "resigned", "request-person", ["ok bot, I give up. real person?"], 1)
R(e, "sarcastic", "request-human", ["Wow, riveting answer. Any chance a carbon-based lifeform works there?"], 1)
R(e, "plain", "request-escalate", ["Can you escalate this to someone?"], 1)
R(e, "polite", "request-transfer", ["Put me through to customer care please"], 1)
R(e, "angry", "request-in-charge", ["I want to complain to someone in charge about how my parcel was handled"], 1)
R(e, "uk-slang", "request-phone", ["Can I ring you lot? Need to sort out the delivery address on A6105"], 1,
  orders=[O("A6105", 35.00, "GBP", "processing", 1, "Ceramic mug set")])
R(e, "uk-slang", "request-person", ["Oi, is there a proper person I can have a word with?"], 1)
R(e, "us-slang", "request-person", ["yo can I get an actual person on here"], 1)
R(e, "aussie", "request-person",
  ["G'day, any chance of chatting to a real person mate? Order A6630 still hasn't turned up"], 1,
  orders=[O("A6630", 112.00, "AUD", "shipped", 12, "Hammock")])
R(e, "indirect", "request-callback",
  ["Need someone from your team to call me back re order A6631, same number as on the account"], 1,
  orders=[O("A6631", 59.90, "USD", "processing", 2, "Patio cushions")])
R(e, "indirect", "request-human-review",
  ["Can a human look at this photo? The rug colour doesn't match the website at all"], 1,
  orders=[O("A4019", 96.00, "USD", "delivered", 4, "Jute rug 5x8")])
R(e, "polite", "request-advisor", ["I'd like to speak with a customer service advisor, please."], 1)
R(e, "texting", "request-phone", ["whats ur customer service phone number"], 1)
R(e, "indirect", "request-phone", ["do you guys have a hotline or something"], 1)
R(e, "indirect", "request-how-to-reach", ["how do I reach a real person at Northwind?"], 1)
R(e, "shouting", "request-person", ["I've asked three times now. PERSON. PLEASE."], 1)
R(e, "multi-turn", "request-later",
  ["what are your hours", "great, so is someone on right now? I'd like to chat with them about a present I'm planning"], 2)
R(e, "polite", "request-staff",
  ["Hi, I'm not comfortable doing this with an automated system, could someone from your staff help me instead?"], 1)
R(e, "rambling", "request-buried",
  ["Right so we're going camping in the Lakes next month, two adults two kids and a very large dog, and I'm torn between the tent and the bigger one, and the reviews say both leak at the seams which worries me, honestly I'd prefer to just talk it through with somebody who works there, and also do you sell the footprint separately or does it come with it?"], 1)
R(e, "terse", "request-someone", ["speak to someone"], 1)
R(e, "phonetic", "request-staff", ["can u get me sum1 frm custmer servis"], 1)
R(e, "angry", "request-in-charge", ["Someone in charge, please. I'm done with automated replies."], 1)
R(e, "accessibility", "request-phone",
  ["Can I phone someone instead? I'm partially sighted and typing on this tiny box is really hard"], 1)
R(e, "non-native", "request-agent", ["pls i want talk wid agent"], 1)
R(e, "terse", "request-person", ["Not a bot. A person. Thank you."], 1)
R(e, "jargon", "request-escalate", ["Escalate to tier 2 support please"], 1)
R(e, "angry", "request-supervisor",
  ["I want to file a complaint with a supervisor about the delivery driver who threw my parcel over the fence"], 1,
  orders=[O("A3907", 47.25, "USD", "delivered", 3, "Planter")])
R(e, "polite", "request-team", ["Could I have a quick word with someone from your returns team?"], 1)
R(e, "joking", "request-manager", ["let me speak to your boss lol"], 1)
R(e, "multi-turn", "request-later",
  ["is the tent waterproof", "how much does it weigh packed", "ok actually can I just talk to someone on your team, I have like 10 more questions"], 3)
R(e, "shouting", "request-person", ["HELLO?? ANYONE THERE?? I NEED A REAL PERSON"], 1)
R(e, "conditional", "request-human", ["r u a bot? if so i want a human"], 1)
R(e, "urgent", "request-someone", ["i need to speak to someone about my order A4410 its urgent"], 1,
  orders=[O("A4410", 73.80, "USD", "processing", 1, "Cast iron skillet", "Cutting board")])
R(e, "indirect", "request-sales", ["who do I talk to about a bulk order for our office? like an actual sales person"], 1)
R(e, "indirect", "request-dm", ["can I DM someone on your team?"], 1)
R(e, "multi-turn", "request-later",
  ["how do I use a promo code", "it worked, thanks. one more thing, can you transfer me to an agent? it's about a gift message"], 2)
R(e, "repeated", "request-agent", ["agent agent agent"], 1)
R(e, "formal", "request-callback", ["I'd like a real person to contact me by phone regarding order A9902, please."], 1,
  orders=[O("A9902", 129.00, "USD", "shipped", 4, "Teak bench")])
R(e, "frustrated", "request-employee", ["is there a way to reach an actual employee? the bot keeps sending me links"], 1)
R(e, "past-contact", "request-again",
  ["I already spoke to someone on Tuesday about order A5512 and nothing happened. I want that person again or their supervisor."], 1,
  orders=[O("A5512", 64.00, "USD", "shipped", 10, "Lantern", "Hammock straps")],
  contacts=[(2, "Asked about delayed order A5512; told it would ship next day.")])
R(e, "multi-turn", "request-after-failure",
  ["when will my order arrive", "you didn't answer my question", "forget it. human please"], 3,
  orders=[O("A8231", 55.00, "USD", "processing", 2, "Wool throw")])
R(e, "polite", "request-human", ["Sorry to be a pain, but would it be possible to speak to a human?"], 1)
R(e, "question", "request-someone", ["Is anybody available to chat? Like, a person?"], 1)
R(e, "phonetic", "request-human", ["hooman plz"], 1)
R(e, "multi-turn", "request-manager",
  ["my order A7012 came without the cushions", "I want the manager"], 2,
  orders=[O("A7012", 91.40, "USD", "delivered", 5, "Patio chair set", "Patio cushions")])
R(e, "typos", "request-rep", ["can i get a reprensentative"], 1)
R(e, "indirect", "request-whatsapp", ["do you have whatsapp or a phone line where someone picks up?"], 1)
R(e, "elderly", "request-person",
  ["Hello dear, I am 78 and not very good with these computers. Could a nice person from the shop ring me about my order please"], 1)
R(e, "rambling", "request-buried",
  ["ok so long story, my sister ordered a wool throw for me as a gift but it went to my old flat, and the new tenants are lovely but away until next week, I'd like to talk to somebody from your team about it if possible, no rush honestly, and is the throw machine washable because the dog sleeps on everything"], 1)

# ---------------------------------------------------------------- Spanish requests (20)
s = "es"
R(s, "plain", "request-person", ["quiero hablar con una persona"], 1)
R(s, "terse", "request-human", ["humano!!"], 1)
R(s, "latam-slang", "request-agent", ["pasame con un agente porfa"], 1)
R(s, "texting", "request-someone", ["q alguien me atienda x favor, el bot no entiende nada"], 1)
R(s, "spain", "request-staff", ["Buenas, ¿me podéis pasar con alguien de atención al cliente? Es por el pedido C2281"], 1,
  orders=[O("C2281", 45.90, "EUR", "shipped", 6, "Manta de lana")])
R(s, "plain", "request-advisor", ["necesito hablar con un asesor"], 1)
R(s, "shouting", "request-manager", ["QUIERO HABLAR CON UN ENCARGADO YA"], 1)
R(s, "no-accents", "request-phone", ["tienen algun telefono al q pueda llamar?"], 1)
R(s, "phonetic", "request-someone", ["ola kiero ablar kon alguien de verdad"], 1)
R(s, "chile", "request-agent", ["Me comunica con un ejecutivo por favor"], 1)
R(s, "multi-turn", "request-after-failure",
  ["dónde está mi pedido C4410", "esto no sirve pa nada, ¿con quién puedo hablar?"], 2,
  orders=[O("C4410", 72.00, "USD", "shipped", 8, "Hamaca")])
R(s, "rambling", "request-buried",
  ["Hola, mira, te cuento, compré la mesita de roble para el cumple de mi suegra y la dirección la puse mal, la del trabajo, y encima el lunes es festivo aquí, así que me gustaría hablar con alguien de vuestro equipo para ver cómo lo arreglamos, y ya de paso, ¿la mesita viene montada o hay que montarla?"], 1)
R(s, "formal", "request-staff",
  ["Estimados señores: les agradecería que una persona de su equipo se pusiera en contacto conmigo. Saludos cordiales, Fernando Ruiz"], 1)
R(s, "emoji", "request-human", ["oye, hay alguien real ahí o solo máquinas? quiero un humano 🙄"], 1)
R(s, "indirect", "request-callback", ["¿Me pueden llamar? Prefiero hablarlo por teléfono"], 1)
R(s, "spain-slang", "request-manager", ["pásame con tu jefe, tío"], 1)
R(s, "latam", "request-operator", ["operadora por favor"], 1)
R(s, "plain", "request-staff", ["¿Puedo chatear con alguien del personal?"], 1)
R(s, "button", "request-button", ["¿hacen envíos a México?", BTN], 2)
R(s, "mexico-slang", "request-someone", ["wey ya neta, pásame con alguien que sí sepa"], 1)

# ---------------------------------------------------------------- French requests (20)
f = "fr"
R(f, "plain", "request-human", ["je veux parler à un humain"], 1)
R(f, "texting", "request-advisor", ["un conseiller svp"], 1)
R(f, "formal", "request-advisor", ["Bonjour, pourriez-vous me mettre en relation avec un conseiller ? Cordialement, Hélène Martin"], 1)
R(f, "texting", "request-someone", ["passe moi qqn stp"], 1)
R(f, "shouting", "request-person", ["JE VEUX PARLER A UNE VRAIE PERSONNE"], 1)
R(f, "indirect", "request-phone", ["vous avez un numéro de téléphone ?"], 1)
R(f, "emoji", "request-human", ["chuis pas un robot moi, je veux un humain en face 😤"], 1)
R(f, "familiar", "request-someone", ["Est-ce que je peux causer avec quelqu'un de chez vous ?"], 1)
R(f, "belgian", "request-someone",
  ["Bonjour, je voudrais parler avec quelqu'un, c'est pour ma commande D1204 de nonante euros qui n'est toujours pas là"], 1,
  orders=[O("D1204", 90.00, "EUR", "shipped", 11, "Plaid en laine")])
R(f, "swiss", "request-phone",
  ["Salut, est-ce que je peux avoir quelqu'un au natel ? C'est pour la commande D3350 de huitante francs"], 1,
  orders=[O("D3350", 80.00, "CHF", "processing", 2, "Lanterne")])
R(f, "formal", "request-manager", ["Je souhaiterais m'entretenir avec un responsable."], 1)
R(f, "terse", "request-supervisor", ["un superviseur, maintenant."], 1)
R(f, "multi-turn", "request-after-failure",
  ["où est mon colis D5512", "ça sert à rien ton truc, je peux contacter qui pour de vrai ?"], 2,
  orders=[O("D5512", 54.00, "EUR", "shipped", 7, "Housse de couette en lin")])
R(f, "phonetic", "request-someone", ["jveu parlé a kelk1"], 1)
R(f, "rambling", "request-buried",
  ["Alors voilà, j'ai commandé la tente pour les vacances en Bretagne, on part dans dix jours, et je ne sais pas si elle tiendra avec le vent là-bas, j'aimerais bien en discuter avec une vraie personne de chez vous si c'est possible, et aussi est-ce que les sardines sont fournies ou il faut les acheter à part ?"], 1)
R(f, "texting", "request-transfer", ["tu peux me transférer à un agent stp merci"], 1)
R(f, "indirect", "request-callback", ["y a moyen d'être rappelé ?"], 1)
R(f, "quebecois", "request-someone", ["Allô, chu tanné de parler à une machine, passe-moi quelqu'un"], 1)
R(f, "button", "request-button", ["bonjour", "je cherche une housse de couette en lin", BTN], 3)
R(f, "polite", "request-human", ["Je préférerais avoir affaire à un être humain, si c'est possible."], 1)

# ---------------------------------------------------------------- German requests (20)
d = "de"
R(d, "terse", "request-human", ["mensch bitte"], 1)
R(d, "plain", "request-staff", ["Ich möchte mit einem Mitarbeiter sprechen."], 1)
R(d, "plain", "request-person", ["Kann ich bitte mit einem echten Menschen reden?"], 1)
R(d, "shouting", "request-staff", ["SACHBEARBEITER BITTE!!!"], 1)
R(d, "indirect", "request-phone", ["Gibt's eine Telefonnummer, wo ich anrufen kann?"], 1)
R(d, "swiss-german", "request-staff", ["Grüezi, chönd Sie mich mit öpperem vom Kundedienscht verbinde?"], 1)
R(d, "austrian", "request-person", ["Servus, kann i bitte mit wem Echten reden? Der Bot versteht mi ned"], 1)
R(d, "pleading", "request-human", ["bitte bitte einen menschen, danke"], 1)
R(d, "formal", "request-supervisor", ["Verbinden Sie mich bitte mit einem Vorgesetzten."], 1)
R(d, "indirect", "request-in-charge", ["Wer ist bei euch zuständig? Den will ich sprechen."], 1)
R(d, "colloquial", "request-human", ["ich will nen menschen sprechen, keinen bot"], 1)
R(d, "no-umlauts", "request-callback", ["koennen sie mich zurueckrufen?"], 1)
R(d, "multi-turn", "request-after-failure",
  ["Wo ist meine Bestellung E2207?", "Das hilft mir null. Mit wem kann ich hier eigentlich reden?"], 2,
  orders=[O("E2207", 68.00, "EUR", "shipped", 9, "Gusseisenpfanne")])
R(d, "rambling", "request-buried",
  ["Hallo, also ich hab letzte Woche die Hängematte bestellt, eigentlich als Geschenk für meinen Bruder, aber jetzt zieht er um und ich weiß nicht ob die Lieferadresse noch stimmt, ich würde das gern mit jemandem von Ihrem Team besprechen, und kann man die Hängematte eigentlich auch drinnen aufhängen oder ist die nur für draußen?"], 1)
R(d, "formal", "request-staff",
  ["Sehr geehrte Damen und Herren, ich bitte um Kontaktaufnahme durch einen Ihrer Mitarbeiter bezüglich Bestellung E4471. Mit freundlichen Grüßen"], 1,
  orders=[O("E4471", 129.90, "EUR", "processing", 2, "Teakbank")])
R(d, "terse", "request-contact-person", ["menschlicher ansprechpartner?"], 1)
R(d, "emoji", "request-phone", ["hätt gern jemanden vom support am apparat 📞"], 1)
R(d, "plain", "request-manager", ["Kann ich mit der Chefin oder dem Chef reden?"], 1)
R(d, "button", "request-button", ["Versand nach Österreich?", BTN], 2)
R(d, "non-native", "request-person", ["isch moechte mit mensch sprechen bitte, kundenservise"], 1)

# ---------------------------------------------------------------- Portuguese requests (20)
p = "pt"
R(p, "brazilian", "request-agent", ["quero falar com um atendente"], 1)
R(p, "texting", "request-human", ["atendente humano pfv"], 1)
R(p, "european", "request-operator", ["Queria falar com um operador, se faz favor"], 1)
R(p, "texting", "request-phone", ["vcs tem telefone? quero ligar"], 1)
R(p, "shouting", "request-person", ["QUERO FALAR COM UMA PESSOA DE VERDADE"], 1)
R(p, "european", "request-staff", ["Bom dia, podem passar-me a um colaborador? É sobre a encomenda F2280."], 1,
  orders=[O("F2280", 39.90, "EUR", "shipped", 5, "Conjunto de canecas")])
R(p, "brazilian-slang", "request-someone", ["mano, me passa pra alguém de verdade aí"], 1)
R(p, "phonetic", "request-someone", ["kero falar cum alguem"], 1)
R(p, "plain", "request-manager", ["gostaria de falar com o gerente"], 1)
R(p, "indirect", "request-in-charge", ["Quem é o responsável aí? Quero falar com ele."], 1)
R(p, "multi-turn", "request-after-failure",
  ["cadê meu pedido F3391?", "isso não ajuda em nada, com quem eu falo de verdade?"], 2,
  orders=[O("F3391", 58.00, "USD", "shipped", 10, "Lanterna de camping")])
R(p, "rambling", "request-buried",
  ["Oi, tudo bem? então, eu comprei a manta de lã pra minha mãe, mas ela mora em outra cidade e eu coloquei o endereço errado, acho que o número do prédio, queria muito falar com alguém da equipe de vocês pra resolver isso, e aproveitando, a manta pode ir na máquina de lavar?"], 1)
R(p, "formal", "request-staff",
  ["Exmos. Senhores, solicito que um elemento da vossa equipa me contacte relativamente à encomenda F4402. Com os melhores cumprimentos"], 1,
  orders=[O("F4402", 84.50, "EUR", "processing", 3, "Capa de edredão em linho")])
R(p, "emoji", "request-transfer", ["pode me transferir pra um humano? 🙏"], 1)
R(p, "indirect", "request-callback", ["dá pra alguém me ligar?"], 1)
R(p, "brazilian", "request-staff", ["tem como falar com algum funcionário?"], 1)
R(p, "european", "request-someone", ["Preciso de falar com alguém da loja, pode ser?"], 1)
R(p, "button", "request-button", ["vocês entregam em Portugal?", BTN], 2)
R(p, "angry", "request-agent", ["robô não, pessoa sim. me passa pra um atendente q saco"], 1)
R(p, "european", "request-someone", ["Estou farto do assistente automático, ponha-me em contacto com alguém, por favor."], 1)

# ---------------------------------------------------------------- Italian requests (20)
i = "it"
R(i, "plain", "request-operator", ["voglio parlare con un operatore"], 1)
R(i, "terse", "request-operator", ["operatore!!"], 1)
R(i, "plain", "request-person", ["posso parlare con una persona vera?"], 1)
R(i, "texting", "request-someone", ["mi passi qualcuno x favore"], 1)
R(i, "shouting", "request-operator", ["PASSATEMI UN OPERATORE UMANO"], 1)
R(i, "indirect", "request-phone", ["avete un numero di telefono?"], 1)
R(i, "plain", "request-manager", ["vorrei parlare con il responsabile"], 1)
R(i, "formal", "request-staff",
  ["Buongiorno, sarebbe possibile essere messi in contatto con un addetto del servizio clienti? Cordiali saluti"], 1)
R(i, "texting", "request-human", ["nn capisci niente, voglio un umano"], 1)
R(i, "idiom", "request-person", ["c'è qualcuno in carne e ossa con cui parlare?"], 1)
R(i, "multi-turn", "request-after-failure",
  ["dov'è il mio ordine G2210?", "inutile. con chi posso parlare davvero?"], 2,
  orders=[O("G2210", 49.00, "EUR", "shipped", 8, "Tagliere in legno")])
R(i, "rambling", "request-buried",
  ["Allora, ho ordinato la panca in teak per il terrazzo, ma il condominio ha delle regole strane sugli arredi esterni e devo capire le misure precise, vorrei parlarne con qualcuno del vostro staff se si può, e poi la panca va trattata con l'olio ogni anno o no? grazie mille"], 1)
R(i, "indirect", "request-callback", ["mi potete richiamare?"], 1)
R(i, "roman-dialect", "request-someone", ["vojo parlà co' quarcuno"], 1)
R(i, "colloquial", "request-manager", ["passami il tuo capo"], 1)
R(i, "emoji", "request-assistant-human", ["un assistente umano, grazie 🙂"], 1)
R(i, "formal", "request-transfer", ["chiedo di essere trasferito a un operatore"], 1)
R(i, "button", "request-button", ["quanto ci mette la spedizione in Italia?", BTN], 2)
R(i, "polite", "request-person", ["Scusate, preferirei parlare con una persona anziché con il chatbot."], 1)
R(i, "ticino", "request-staff", ["Buongiorno, posso parlare con un collaboratore? È per l'ordinazione G5521"], 1,
  orders=[O("G5521", 112.00, "CHF", "processing", 2, "Lanterna")])

# ---------------------------------------------------------------- Dutch requests (20)
n = "nl"
R(n, "terse", "request-staff", ["medewerker aub"], 1)
R(n, "plain", "request-human", ["ik wil een mens spreken"], 1)
R(n, "plain", "request-staff", ["Kan ik met iemand van de klantenservice praten?"], 1)
R(n, "shouting", "request-human", ["MENS. NU."], 1)
R(n, "indirect", "request-phone", ["hebben jullie een telefoonnummer?"], 1)
R(n, "flemish", "request-someone", ["Allee, kan ik ne keer iemand aan de lijn krijgen? Ge verstaat mij toch niet"], 1)
R(n, "plain", "request-manager", ["mag ik de manager spreken"], 1)
R(n, "formal", "request-callback",
  ["Geachte heer/mevrouw, graag word ik teruggebeld door een van uw medewerkers inzake bestelling H4410. Met vriendelijke groet"], 1,
  orders=[O("H4410", 76.00, "EUR", "shipped", 6, "Wollen plaid")])
R(n, "texting", "request-person", ["kun je me doorverbinden met een echte persoon pls"], 1)
R(n, "texting", "request-staff", ["ik wil ff met iemand van jullie team chatten"], 1)
R(n, "multi-turn", "request-after-failure",
  ["waar blijft mijn pakket H2201?", "hier heb ik niks aan. met wie kan ik echt praten?"], 2,
  orders=[O("H2201", 33.50, "EUR", "shipped", 9, "Lantaarn")])
R(n, "rambling", "request-buried",
  ["Hoi, ik heb de hangmat besteld voor de verjaardag van mijn vriend maar ik twijfel nu over de kleur en hij is pas over drie weken jarig, dus ik zou graag even met iemand van jullie overleggen wat handig is, en weet je toevallig hoeveel kilo die hangmat kan hebben?"], 1)
R(n, "indirect", "request-in-charge", ["wie is hier de baas? die wil ik spreken"], 1)
R(n, "phonetic", "request-human", ["ik wil un mens spreeke"], 1)
R(n, "indirect", "request-callback", ["kunnen jullie mij bellen?"], 1)
R(n, "emoji", "request-someone", ["echt iemand aub 🙏🙏"], 1)
R(n, "flemish", "request-staff", ["Goeiendag, zou ik ne medewerker kunnen spreken aub? 't Is voor mijn bestelling H3340"], 1,
  orders=[O("H3340", 58.00, "EUR", "processing", 1, "Gietijzeren pan")])
R(n, "button", "request-button", ["verzenden jullie naar België?", BTN], 2)
R(n, "colloquial", "request-human", ["doe mij maar een mens in plaats van deze bot"], 1)
R(n, "formal", "request-supervisor", ["Ik zou graag een leidinggevende spreken over mijn bestelling H5501."], 1,
  orders=[O("H5501", 94.00, "EUR", "delivered", 8, "Tuinkussens")])

# ---------------------------------------------------------------- English false friends (40)
F(e, "curious", "ff-hand-packed", ["Just curious, do actual people hand-pack the ceramic mugs? Mine came wrapped so nicely"], True)
F(e, "plain", "ff-delivery-person",
  ["The delivery person left my parcel with the neighbour at no. 12, is that normal? Order A2231 shows delivered"], True,
  orders=[O("A2231", 38.00, "USD", "delivered", 4, "Cutting board")])
F(e, "grateful", "ff-packer-thanks", ["Please thank the person who packed order A3310, the handwritten note was a lovely touch!"], True,
  orders=[O("A3310", 52.00, "USD", "delivered", 3, "Wool throw")])
F(e, "plain", "ff-my-agent", ["My shipping agent in Lagos will collect the parcel, do you ship to Nigeria?"], True)
F(e, "plain", "ff-review-human", ["Does a real person check product reviews before they go up? I wrote one for the hammock three days ago and it still isn't showing"], False)
F(e, "curious", "ff-humans-emails", ["do humans answer emails sent to the support address, or is that automated too?"], False)
F(e, "terse", "ff-stores-staffed", ["are your stores staffed on sunday?"], True)
F(e, "past-contact", "ff-talked-yesterday",
  ["I already talked to someone yesterday and they said my order A4471 would ship today. Has it gone out?"], True,
  orders=[O("A4471", 67.00, "USD", "processing", 3, "Linen duvet cover")],
  contacts=[(1, "Asked when order A4471 would ship.")])
F(e, "negation", "ff-no-agent", ["No need for an agent, just tell me how long express shipping takes"], True)
F(e, "plain", "ff-human-hair", ["Do you sell human hair extensions? Looking for 18 inch ones"], True)
F(e, "terse", "ff-agent-provocateur", ["Do you carry Agent Provocateur?"], True)
F(e, "plain", "ff-mr-manager", ["Is the Mr. Manager desk organizer back in stock?"], True)
F(e, "plain", "ff-personal-shopper", ["I'm a personal shopper buying for a client, can the delivery address be different from the billing one?"], True)
F(e, "plain", "ff-flatmate",
  ["My flatmate will be home when the courier comes, does order A5120 need a signature?"], True,
  orders=[O("A5120", 104.00, "USD", "shipped", 3, "Teak bench")])
F(e, "plain", "ff-courier-guy", ["The courier guy said he'd come back tomorrow, will the tracking update after that?"], True,
  orders=[O("A5203", 28.00, "USD", "shipped", 6, "Ceramic mug set")])
F(e, "plain", "ff-tent-height", ["How tall is the 6-person cabin tent inside? My husband is 6'4\""], True)
F(e, "negation", "ff-dont-want-anyone", ["I don't want to talk to anyone, I just need the tracking link for A6612"], True,
  orders=[O("A6612", 44.00, "USD", "shipped", 4, "Planter")])
F(e, "plain", "ff-cs-hours", ["what time does customer service close tonight?"], True)
F(e, "curious", "ff-are-you-human", ["Is your support team real people or AI? Just wondering, no problem either way"], False)
F(e, "gift", "ff-gift-manager", ["Buying a gift for my manager, does the leather notebook come in a gift box?"], True)
F(e, "plain", "ff-hammock-two-people", ["Does the hammock hold two people?"], True)
F(e, "plain", "ff-third-party-order",
  ["My mum (she's the one who placed order A7781) wants to know when it'll arrive"], True,
  orders=[O("A7781", 83.00, "USD", "shipped", 5, "Jute rug 5x8")])
F(e, "past-contact", "ff-agent-helped",
  ["The agent who helped me last week sorted everything, I just want to know how long the refund takes to show on my card"], True,
  contacts=[(6, "Return of order A6120 accepted; refund approved.")],
  orders=[O("A6120", 42.00, "USD", "delivered", 20, "Linen pillowcases")])
F(e, "texting", "ff-no-human-needed", ["no human needed lol, just the return window pls"], True)
F(e, "plain", "ff-person-sized-pillow", ["Do you sell the long body pillow, the person-sized one?"], True)
F(e, "curious", "ff-checked-by-person", ["Are orders quality-checked by a person before dispatch? Buying the oak side table as a gift and want it perfect"], True)
F(e, "curious", "ff-craftsperson", ["Who made the teak bench, is it handmade by a craftsperson?"], True)
F(e, "plain", "ff-travel-agent", ["I'm a travel agent organising a group trip, do you do bulk orders of the camping lanterns?"], False)
F(e, "plain", "ff-post-office-man",
  ["The man at the post office said my last parcel from another shop had customs fees. Do you charge duties for UK orders at checkout?"], True)
F(e, "joking", "ff-real-human-here", ["hi! real human here haha, just checking if you ship to Japan"], True)
F(e, "negation", "ff-dont-transfer", ["Don't transfer me anywhere, just answer: do you ship on weekends?"], True)
F(e, "plain", "ff-talk-to-partner", ["I'll talk to my partner and decide. What sizes does the wool throw come in?"], True)
F(e, "plain", "ff-speak-spanish", ["Can I speak Spanish here? No? ok, what's the delivery time to Texas"], True)
F(e, "past-contact", "ff-chat-person-code",
  ["The chat person told me to use code WELCOME10, where do I enter it?"], True,
  contacts=[(2, "Asked about first-order discount.")])
F(e, "plain", "ff-operator-error",
  ["Operator error on my side, I picked the wrong size in order A8810. Can I still change it?"], False,
  orders=[O("A8810", 59.00, "USD", "processing", 0, "Wool throw")])
F(e, "plain", "ff-personal-assistant-planner", ["Is the Personal Assistant planner (2025 edition) available in A5?"], True)
F(e, "plain", "ff-handed-to-agent",
  ["What does 'handed to agent' mean in my tracking for A9902?"], True,
  orders=[O("A9902", 71.00, "USD", "shipped", 6, "Cast iron skillet")])
F(e, "multi-turn", "ff-delivery-guy-door",
  ["hey there", "where is my order A1290", "ok cool, the delivery guy can just leave it at the door then"], True,
  orders=[O("A1290", 36.00, "USD", "shipped", 3, "Lantern")])
F(e, "multi-turn", "ff-colleague-said",
  ["I spoke to your colleague Sam on Monday", "he said the lantern takes AA batteries, is that right? need to buy some"], True,
  contacts=[(3, "Product question about the camping lantern.")])
F(e, "multi-turn", "ff-human-readable",
  ["is there a size guide for the linen shirts", "and is it in cm? a human-readable one would be nice, the last shop's chart was a nightmare"], True)

# ---------------------------------------------------------------- Spanish false friends (10)
F(s, "plain", "ff-human-hair", ["¿Venden extensiones de cabello humano?"], False)
F(s, "latam", "ff-delivery-person", ["El repartidor dejó el paquete en la portería, ¿es normal? Pedido C5510"], False,
  orders=[O("C5510", 27.00, "USD", "delivered", 4, "Tabla de cortar")])
F(s, "past-contact", "ff-talked-yesterday",
  ["Ya hablé ayer con una chica de ustedes y me dijo que el pedido C6620 salía hoy, ¿ya salió?"], False,
  orders=[O("C6620", 61.00, "EUR", "processing", 3, "Funda nórdica de lino")],
  contacts=[(1, "Preguntó cuándo sale el pedido C6620.")])
F(s, "negation", "ff-no-transfer", ["no hace falta que me pases con nadie, solo dime cuánto tarda el envío a Valencia"], False)
F(s, "plain", "ff-stores-staffed", ["¿Las tiendas abren los domingos? ¿hay gente atendiendo?"], False)
F(s, "emoji", "ff-packer-thanks", ["Dale las gracias a la persona que empacó mi pedido, venía todo perfecto 😊"], False)
F(s, "plain", "ff-my-agent", ["Mi agente de aduanas en Colombia recibe el paquete, ¿envían a Bogotá?"], False)
F(s, "plain", "ff-hammock-two-people", ["¿La hamaca aguanta a dos personas?"], False)
F(s, "curious", "ff-review-human", ["¿Un humano revisa las reseñas antes de publicarlas?"], False)
F(s, "multi-turn", "ff-gift-boss", ["hola", "es para regalarle a mi jefe, ¿el cuaderno de cuero viene en caja de regalo?"], False)

# ---------------------------------------------------------------- French false friends (10)
F(f, "plain", "ff-human-hair", ["Vous vendez des perruques en cheveux humains ?"], False)
F(f, "plain", "ff-delivery-person", ["Le livreur a laissé le colis chez la voisine, c'est normal ? Commande D6610"], False,
  orders=[O("D6610", 46.00, "EUR", "delivered", 5, "Lanterne")])
F(f, "past-contact", "ff-talked-yesterday",
  ["J'ai déjà eu quelqu'un au téléphone hier qui m'a dit que le remboursement prenait 10 jours, c'est bien ça ?"], False,
  contacts=[(1, "Retour de la commande D6701 reçu.")],
  orders=[O("D6701", 35.00, "EUR", "delivered", 25, "Mug en céramique")])
F(f, "negation", "ff-no-advisor", ["pas besoin d'un conseiller, dites-moi juste si vous livrez en Suisse"], False)
F(f, "curious", "ff-humans-emails", ["Est-ce que des vraies personnes répondent aux mails ou c'est automatique ?"], False)
F(f, "terse", "ff-agent-provocateur", ["Vous avez du Agent Provocateur ?"], False)
F(f, "emoji", "ff-packer-thanks", ["merci à la personne qui a emballé ma commande, nickel 👌"], False)
F(f, "curious", "ff-craftsperson", ["Le plaid en laine, il est fait main par un artisan ?"], False)
F(f, "plain", "ff-my-agent", ["mon transitaire à Dakar récupère le colis, vous livrez au Sénégal ?"], False)
F(f, "multi-turn", "ff-talk-to-nobody",
  ["salut", "je ne veux parler à personne, juste savoir où en est ma commande D7720"], False,
  orders=[O("D7720", 63.00, "EUR", "shipped", 4, "Tapis en jute")])

# ---------------------------------------------------------------- German false friends (10)
F(d, "plain", "ff-human-hair", ["Verkauft ihr Echthaar-Extensions?"], False)
F(d, "plain", "ff-delivery-person", ["Der Paketbote hat das Paket beim Nachbarn abgegeben, Bestellung E6610, passt das so?"], False,
  orders=[O("E6610", 42.00, "EUR", "delivered", 4, "Schneidebrett")])
F(d, "past-contact", "ff-talked-yesterday",
  ["Ich hab gestern schon mit einer Kollegin von Ihnen telefoniert, sie meinte die Bestellung E7710 geht heute raus. Stimmt das?"], False,
  orders=[O("E7710", 89.00, "EUR", "processing", 3, "Leinen-Bettbezug")],
  contacts=[(1, "Frage zum Versand von E7710.")])
F(d, "negation", "ff-no-staff", ["Brauch keinen Mitarbeiter, sag mir einfach wie lang der Versand nach Wien dauert"], False)
F(d, "plain", "ff-stores-staffed", ["Sind Ihre Filialen sonntags besetzt?"], False)
F(d, "curious", "ff-hand-packed", ["Packt bei euch ein Mensch die Pakete oder eine Maschine?"], False)
F(d, "plain", "ff-mr-manager", ["Ist der Schreibtisch-Organizer „Mr. Manager“ wieder lieferbar?"], False)
F(d, "swiss", "ff-my-agent", ["Mein Spediteur in Zürich nimmt die Sendung an, liefert ihr in die Schweiz?"], False)
F(d, "plain", "ff-hammock-two-people", ["Die Hängematte, hält die zwei Personen aus?"], False)
F(d, "plain", "ff-talk-to-partner", ["Ich muss erst mit meinem Mann reden. Wie groß ist der Jute-Teppich genau?"], False)

# ---------------------------------------------------------------- Portuguese false friends (10)
F(p, "brazilian", "ff-human-hair", ["Vocês vendem aplique de cabelo humano?"], False)
F(p, "european", "ff-delivery-person", ["O estafeta deixou a encomenda na vizinha, é normal? Encomenda F6610"], False,
  orders=[O("F6610", 31.00, "EUR", "delivered", 3, "Tábua de corte")])
F(p, "past-contact", "ff-talked-yesterday",
  ["Já falei ontem com uma atendente e ela disse que o pedido F7710 saía hoje, já saiu?"], False,
  orders=[O("F7710", 77.00, "USD", "processing", 2, "Rede de descanso")],
  contacts=[(1, "Perguntou quando o pedido F7710 seria enviado.")])
F(p, "negation", "ff-no-transfer", ["não precisa me passar pra ninguém, só quero saber o prazo de entrega pra Curitiba"], False)
F(p, "curious", "ff-review-human", ["Uma pessoa de verdade lê as avaliações antes de publicar?"], False)
F(p, "emoji", "ff-packer-thanks", ["agradeça a quem embalou meu pedido, veio impecável 🥰"], False)
F(p, "european", "ff-my-agent", ["O meu despachante em Luanda recebe a encomenda, enviam para Angola?"], False)
F(p, "european", "ff-hammock-two-people", ["A rede aguenta duas pessoas?"], False)
F(p, "brazilian", "ff-stores-staffed", ["Vocês têm loja física com funcionários no domingo?"], False)
F(p, "brazilian", "ff-gift-boss", ["é presente pro meu chefe, o caderno de couro vem embrulhado?"], False)

# ---------------------------------------------------------------- Italian false friends (10)
F(i, "plain", "ff-human-hair", ["Vendete extension di capelli umani?"], False)
F(i, "plain", "ff-delivery-person", ["Il corriere ha lasciato il pacco al portiere, è normale? Ordine G6610"], False,
  orders=[O("G6610", 55.00, "EUR", "delivered", 4, "Coperta di lana")])
F(i, "past-contact", "ff-talked-yesterday",
  ["Ho già parlato ieri con un vostro operatore e mi ha detto che l'ordine G7710 partiva oggi, è partito?"], False,
  orders=[O("G7710", 98.00, "EUR", "processing", 3, "Panca in teak")],
  contacts=[(1, "Domanda sulla spedizione dell'ordine G7710.")])
F(i, "negation", "ff-no-operator", ["Non mi serve un operatore, ditemi solo quanto costa la spedizione"], False)
F(i, "plain", "ff-stores-staffed", ["I negozi sono aperti la domenica con il personale?"], False)
F(i, "emoji", "ff-packer-thanks", ["grazie a chi ha impacchettato il mio ordine, bellissimo 😍"], False)
F(i, "ticino", "ff-my-agent", ["Il mio spedizioniere a Lugano ritira il pacco, spedite in Svizzera?"], False)
F(i, "plain", "ff-hammock-two-people", ["L'amaca regge due persone?"], False)
F(i, "curious", "ff-review-human", ["Le recensioni le controlla una persona vera?"], False)
F(i, "plain", "ff-mr-manager", ["Avete l'organizer da scrivania Mr. Manager?"], False)

# ---------------------------------------------------------------- Dutch false friends (10)
F(n, "plain", "ff-human-hair", ["Verkopen jullie extensions van echt mensenhaar?"], False)
F(n, "plain", "ff-delivery-person", ["De bezorger heeft het pakje bij de buren afgegeven, bestelling H6610, klopt dat?"], False,
  orders=[O("H6610", 29.00, "EUR", "delivered", 3, "Keramische mokken")])
F(n, "past-contact", "ff-talked-yesterday",
  ["Ik heb gisteren al met iemand van jullie gebeld en die zei dat bestelling H7710 vandaag verzonden wordt. Klopt dat?"], False,
  orders=[O("H7710", 66.00, "EUR", "processing", 2, "Linnen dekbedovertrek")],
  contacts=[(1, "Vraag over verzending van H7710.")])
F(n, "negation", "ff-no-staff", ["Ik hoef geen medewerker, zeg gewoon hoe lang verzending naar Gent duurt"], False)
F(n, "flemish", "ff-stores-staffed", ["Zijn jullie winkels op zondag bemand?"], False)
F(n, "curious", "ff-hand-packed", ["Wordt mijn pakket door een mens ingepakt of door een robot?"], False)
F(n, "grateful", "ff-packer-thanks", ["Bedankt aan wie mijn bestelling heeft ingepakt, super verzorgd!"], False)
F(n, "flemish", "ff-my-agent", ["Mijn expediteur in Antwerpen neemt het pakket in ontvangst, leveren jullie in België?"], False)
F(n, "plain", "ff-hammock-two-people", ["Kan de hangmat twee personen dragen?"], False)
F(n, "multi-turn", "ff-talk-to-nobody",
  ["hallo", "ik hoef niemand te spreken hoor, gewoon: waar is mijn pakket H8810?"], False,
  orders=[O("H8810", 48.00, "EUR", "shipped", 5, "Plantenbak")])

# ---------------------------------------------------------------- expansion
NAMES = {
    "en": ["Jordan Blake", "Priya Nair", "Tom Whitaker", "Grace Okafor", "Liam Doyle", "Mia Chen", "Sam Rivera", "Chloe Evans"],
    "es": ["Lucía Gómez", "Javier Morales", "Valentina Rojas", "Diego Herrera", "Carmen Navarro"],
    "fr": ["Camille Dubois", "Julien Lefèvre", "Chloé Lambert", "Marc Peeters", "Sophie Rochat"],
    "de": ["Lena Huber", "Jonas Becker", "Anna Meier", "Florian Gruber", "Katrin Schulz"],
    "pt": ["Ana Souza", "João Ferreira", "Mariana Costa", "Rui Pereira", "Beatriz Lima"],
    "it": ["Giulia Rossi", "Marco Bianchi", "Chiara Ferri", "Luca Galli", "Sara Conti"],
    "nl": ["Sanne de Vries", "Bram Janssens", "Lotte Visser", "Pieter Claes", "Eva Bakker"],
}
DEFAULT = {  # (currency, item) used when the text names no order
    "en": ("USD", ["Wool throw", "Camping lantern", "Cast iron skillet", "Linen duvet cover", "Planter"]),
    "es": ("EUR", ["Manta de lana", "Sartén de hierro fundido", "Farol de camping"]),
    "fr": ("EUR", ["Plaid en laine", "Poêle en fonte", "Lanterne"]),
    "de": ("EUR", ["Wolldecke", "Laterne", "Pflanzgefäß"]),
    "pt": ("EUR", ["Manta de lã", "Lanterna", "Frigideira de ferro fundido"]),
    "it": ("EUR", ["Coperta di lana", "Lanterna", "Padella in ghisa"]),
    "nl": ("EUR", ["Wollen plaid", "Lantaarn", "Gietijzeren pan"]),
}
PREFIX = {"en": "A", "es": "C", "fr": "D", "de": "E", "pt": "F", "it": "G", "nl": "H"}
SCHEMA_EXPECT = ["explicitTurn", "mustReachHuman", "needTurn", "informational", "triggers", "falseFriend"]

def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)

def build():
    out, seq = [], Counter()
    for ent in ENTRIES:
        lang, kind = ent["lang"], ent["kind"]
        seq[(lang, kind)] += 1
        n = seq[(lang, kind)]
        rid = f"{lang}-x{kind}-{ent['topic'].replace('request-', '').replace('ff-', '')}-{ent['style']}-{n:03d}"
        key = rid
        names = NAMES[lang]
        name = names[h(key) % len(names)]
        first = name.split()[0].lower().encode("ascii", "ignore").decode()
        cust = {"id": f"c-x{lang}-{kind}-{n:03d}", "name": name,
                "email": f"{first}.{n:03d}@example.{'com' if lang == 'en' else lang if lang != 'pt' else 'com.br'}",
                "tier": "standard", "verified": True}
        orders = ent["orders"]
        if orders is None:
            cur, items = DEFAULT[lang]
            oid = f"{PREFIX[lang]}{1000 + h(key + 'o') % 9000}"
            orders = [O(oid, round(20 + (h(key + 't') % 9000) / 100, 2), cur, "delivered",
                        15 + h(key + 'd') % 40, items[h(key + 'i') % len(items)])]
        ctx = {"customer": cust, "orders": orders}
        if ent["contacts"]:
            ctx["recentContacts"] = [{"daysAgo": dA, "text": t} for dA, t in ent["contacts"]]
        ctx["systems"] = {"orders": "ok", "billing": "ok", "account": "ok"}
        msgs = [{"role": "customer", "action": "request_human"} if m == BTN else {"role": "customer", "text": m}
                for m in ent["msgs"]]
        if kind == "req":
            exp = {"explicitTurn": ent["turn"], "mustReachHuman": True, "needTurn": ent["turn"],
                   "informational": False, "triggers": ["explicit_human_request"], "falseFriend": False}
            cat = "explicit_request"
        else:
            exp = {"explicitTurn": None, "mustReachHuman": False, "needTurn": None,
                   "informational": bool(ent["info"]), "triggers": [], "falseFriend": True}
            cat = "false_friend"
        out.append({"id": rid, "language": lang, "style": ent["style"], "category": cat,
                    "topic": ent["topic"], "context": ctx, "messages": msgs, "expect": exp})
    return out

def validate(recs):
    errs, texts, ids = [], Counter(), Counter()
    for r in recs:
        ids[r["id"]] += 1
        e = r["expect"]
        if list(e.keys()) != SCHEMA_EXPECT: errs.append(f"{r['id']}: expect keys")
        if r["language"] not in PREFIX: errs.append(f"{r['id']}: language")
        if not 1 <= len(r["messages"]) <= 3: errs.append(f"{r['id']}: turns {len(r['messages'])}")
        known_ids = {o["id"] for o in r["context"]["orders"]}
        for k, m in enumerate(r["messages"], 1):
            if m.get("role") != "customer": errs.append(f"{r['id']}: role")
            if "action" in m:
                if m["action"] != "request_human" or set(m) != {"role", "action"}: errs.append(f"{r['id']}: action")
                if e["explicitTurn"] is None or e["explicitTurn"] > k: errs.append(f"{r['id']}: button before explicitTurn")
                continue
            t = m["text"]
            if set(m) != {"role", "text"} or not t.strip(): errs.append(f"{r['id']}: message shape")
            if len(t) > 400: errs.append(f"{r['id']}: {len(t)} chars")
            texts[t.strip().lower()] += 1
            for oid in re.findall(r"\b[A-H]\d{4}\b", t):
                if oid not in known_ids: errs.append(f"{r['id']}: order {oid} not in context")
        if r["category"] == "explicit_request":
            t = e["explicitTurn"]
            if not (isinstance(t, int) and 1 <= t <= len(r["messages"])): errs.append(f"{r['id']}: explicitTurn")
            if not (e["mustReachHuman"] and e["needTurn"] == t and e["triggers"] == ["explicit_human_request"]
                    and not e["falseFriend"] and not e["informational"]): errs.append(f"{r['id']}: req labels")
        else:
            if not (e["explicitTurn"] is None and e["needTurn"] is None and not e["mustReachHuman"]
                    and e["triggers"] == [] and e["falseFriend"]): errs.append(f"{r['id']}: ff labels")
            if r["language"] != "en" and e["informational"]: errs.append(f"{r['id']}: non-English informational")
            if any("action" in m for m in r["messages"]): errs.append(f"{r['id']}: button in false friend")
        for o in r["context"]["orders"]:
            if not (isinstance(o["total"], (int, float)) and o["currency"] in {"USD", "EUR", "GBP", "AUD", "CHF", "CAD"}):
                errs.append(f"{r['id']}: order shape")
    errs += [f"duplicate id {k}" for k, v in ids.items() if v > 1]
    errs += [f"duplicate text {k!r}" for k, v in texts.items() if v > 1]
    return errs

def main():
    recs = build()
    errs = validate(recs)
    c = Counter((r["language"], r["category"]) for r in recs)
    langs = ["en", "es", "fr", "de", "pt", "it", "nl"]
    print("lang  explicit_request  false_friend  total")
    for l in langs:
        print(f"{l:4}  {c[(l, 'explicit_request')]:16}  {c[(l, 'false_friend')]:12}  {c[(l, 'explicit_request')] + c[(l, 'false_friend')]:5}")
    print("total", len(recs), "| button", sum(any('action' in m for m in r['messages']) for r in recs),
          "| explicit at turn>=2", sum((r['expect']['explicitTurn'] or 0) >= 2 for r in recs),
          "| multi-turn", sum(len(r['messages']) > 1 for r in recs),
          "| ff informational", sum(r['expect']['informational'] for r in recs))
    if errs:
        print("\n".join(errs)); sys.exit(1)
    if "--check" not in sys.argv:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "requests.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        with open(path, encoding="utf-8") as fh:
            back = [json.loads(line) for line in fh]
        assert len(back) == len(recs) and not validate(back)
        print("wrote", path)

if __name__ == "__main__":
    main()
