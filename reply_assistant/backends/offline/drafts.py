"""Template drafts in the language of the incoming message.

Relationship replies pick an opening from what the sender wrote (they congratulated you,
shared news, thanked you, were introduced by someone, met you at an event) and close with
a sentence that keeps the door open without committing the user to a meeting, money or an
introduction. Declines accept nothing and ask nothing; clarifications ask exactly one
question. A no_reply verdict gets a note for the user, in parentheses, instead of a reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reply_assistant.backends.offline.language import UNDETERMINED, detect_language
from reply_assistant.backends.offline.signals import CONGRATS, WARM_INTRO, mentions
from reply_assistant.models import Action, Incoming, VerdictOutput


@dataclass(frozen=True, slots=True)
class Phrases:
    greet: str  # with {name}
    greet_anonymous: str
    sign: str
    decline: str
    clarify: str  # exactly one question
    thank_for_congrats: str
    congratulate: str
    welcome: str  # answer to a thank-you
    intro: str  # with {intro}
    event: str  # with {event}
    generic: str
    forward: str  # warm, commits to nothing
    answer_later: str  # closes a reply to a question without answering it for the user
    no_reply_scam: str
    no_reply_sponsored: str


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        greet="Hi {name},",
        greet_anonymous="Hi,",
        sign="Best,",
        decline="Thank you for thinking of me, but I'm not interested, so I'll pass. All the best.",
        clarify="Thanks for your message. Could you tell me a bit more about what you "
        "have in mind?",
        thank_for_congrats="Thank you so much for the kind words, that means a lot.",
        congratulate="Congratulations, that is wonderful news and well deserved.",
        welcome="You're very welcome, I'm glad it was useful.",
        intro="Lovely to hear from you, and thanks to {intro} for connecting us.",
        event="It was great to meet you at {event}.",
        generic="Great to hear from you, and thanks for getting in touch.",
        forward="I'd be glad to hear more about what you're working on.",
        answer_later="Let me look into your question and come back to you properly.",
        no_reply_scam="(No reply suggested: this looks like a scam or phishing attempt. "
        "Report or archive it.)",
        no_reply_sponsored="(No reply suggested: this is a sponsored message. Archive it.)",
    ),
    "es": Phrases(
        greet="Hola {name},",
        greet_anonymous="Hola,",
        sign="Saludos,",
        decline="Gracias por pensar en mí, pero no me interesa. Te deseo mucho éxito.",
        clarify="Gracias por tu mensaje. ¿Podrías contarme un poco más sobre lo que "
        "tienes en mente?",
        thank_for_congrats="Muchas gracias por tus palabras, significan mucho para mí.",
        congratulate="¡Enhorabuena, es una noticia estupenda y muy merecida!",
        welcome="De nada, me alegra que te haya sido útil.",
        intro="Qué gusto saber de ti, y gracias a {intro} por ponernos en contacto.",
        event="Fue un placer conocerte en {event}.",
        generic="Qué gusto saber de ti, y gracias por escribirme.",
        forward="Me encantaría saber más sobre lo que estás haciendo.",
        answer_later="Déjame ver tu pregunta con calma y te respondo.",
        no_reply_scam="(Sin respuesta sugerida: parece una estafa o un intento de phishing. "
        "Denúncialo o archívalo.)",
        no_reply_sponsored="(Sin respuesta sugerida: es un mensaje patrocinado. Archívalo.)",
    ),
    "fr": Phrases(
        greet="Bonjour {name},",
        greet_anonymous="Bonjour,",
        sign="Cordialement,",
        decline="Merci d'avoir pensé à moi, mais cela ne m'intéresse pas. "
        "Je vous souhaite une bonne continuation.",
        clarify="Merci pour votre message. Pourriez-vous m'en dire un peu plus sur ce que "
        "vous avez en tête ?",
        thank_for_congrats="Merci beaucoup pour ces gentils mots, cela me touche.",
        congratulate="Félicitations, c'est une excellente nouvelle et bien méritée.",
        welcome="Avec plaisir, tant mieux si cela vous a été utile.",
        intro="Merci pour le message, et merci à {intro} pour la mise en relation.",
        event="C'était un plaisir de faire connaissance à {event}.",
        generic="Merci pour le message, cela fait plaisir d'avoir des nouvelles.",
        forward="Au plaisir d'en apprendre davantage.",
        answer_later="Laissez-moi regarder votre question et je vous réponds dès que possible.",
        no_reply_scam="(Aucune réponse suggérée : cela ressemble à une arnaque ou à du "
        "hameçonnage. Signalez-le ou archivez-le.)",
        no_reply_sponsored="(Aucune réponse suggérée : c'est un message sponsorisé. Archivez-le.)",
    ),
    "de": Phrases(
        greet="Hallo {name},",
        greet_anonymous="Hallo,",
        sign="Viele Grüße",
        decline="Danke, dass Sie an mich gedacht haben, aber ich habe kein Interesse. "
        "Alles Gute weiterhin.",
        clarify="Danke für Ihre Nachricht. Könnten Sie mir etwas genauer sagen, worum es "
        "Ihnen geht?",
        thank_for_congrats="Vielen Dank für die netten Worte, das freut mich sehr.",
        congratulate="Herzlichen Glückwunsch, das sind großartige Neuigkeiten und wohlverdient.",
        welcome="Sehr gern, schön, dass es hilfreich war.",
        intro="Danke für die Nachricht, und danke an {intro} für die Vermittlung.",
        event="Schön, dass wir uns bei {event} kennengelernt haben.",
        generic="Danke für die Nachricht, das freut mich sehr.",
        forward="Ich freue mich, bald mehr zu hören.",
        answer_later="Ich schaue mir Ihre Frage in Ruhe an und melde mich dann bei Ihnen.",
        no_reply_scam="(Keine Antwort empfohlen: Das sieht nach Betrug oder Phishing aus. "
        "Melden oder archivieren Sie die Nachricht.)",
        no_reply_sponsored="(Keine Antwort empfohlen: Das ist eine gesponserte Nachricht. "
        "Archivieren Sie sie.)",
    ),
    "pt": Phrases(
        greet="Olá {name},",
        greet_anonymous="Olá,",
        sign="Abraço,",
        decline="Agradeço o contato, mas não tenho interesse. Desejo muito sucesso.",
        clarify="Agradeço a mensagem. Pode me contar um pouco mais sobre o que você tem em mente?",
        thank_for_congrats="Agradeço muito as palavras gentis, significam muito para mim.",
        congratulate="Parabéns, é uma ótima notícia e muito merecida.",
        welcome="Por nada, fico feliz que tenha sido útil.",
        intro="Que bom ter notícias suas, e agradeço a {intro} por nos colocar em contato.",
        event="Foi um prazer conhecer você em {event}.",
        generic="Que bom ter notícias suas, e agradeço a mensagem.",
        forward="Gostaria muito de saber mais sobre o que você está fazendo.",
        answer_later="Vou ver sua pergunta com calma e depois te respondo.",
        no_reply_scam="(Nenhuma resposta sugerida: parece golpe ou phishing. Denuncie ou arquive.)",
        no_reply_sponsored="(Nenhuma resposta sugerida: é uma mensagem patrocinada. Arquive.)",
    ),
    "it": Phrases(
        greet="Ciao {name},",
        greet_anonymous="Buongiorno,",
        sign="Un saluto,",
        decline="Grazie per aver pensato a me, ma non mi interessa. Buon lavoro.",
        clarify="Grazie per il messaggio. Potresti dirmi qualcosa in più su ciò che hai in mente?",
        thank_for_congrats="Grazie mille per le belle parole, mi fa davvero piacere.",
        congratulate="Congratulazioni, è una notizia splendida e meritatissima.",
        welcome="Figurati, mi fa piacere che ti sia stato utile.",
        intro="Che piacere sentirti, e grazie a {intro} per averci messo in contatto.",
        event="È stato un piacere conoscerti a {event}.",
        generic="Che piacere sentirti, e grazie per avermi scritto.",
        forward="Mi farebbe piacere sapere di più su ciò a cui stai lavorando.",
        answer_later="Lascia che guardi con calma la tua domanda e ti rispondo.",
        no_reply_scam="(Nessuna risposta suggerita: sembra una truffa o un tentativo di "
        "phishing. Segnalalo o archivialo.)",
        no_reply_sponsored="(Nessuna risposta suggerita: è un messaggio sponsorizzato. "
        "Archivialo.)",
    ),
    "nl": Phrases(
        greet="Hoi {name},",
        greet_anonymous="Hallo,",
        sign="Groeten,",
        decline="Bedankt dat je aan mij dacht, maar ik heb geen interesse. Veel succes ermee.",
        clarify="Bedankt voor je bericht. Kun je iets meer vertellen over wat je in "
        "gedachten hebt?",
        thank_for_congrats="Heel erg bedankt voor je lieve woorden, dat waardeer ik enorm.",
        congratulate="Gefeliciteerd, wat een mooi nieuws en helemaal verdiend.",
        welcome="Graag gedaan, fijn dat het nuttig was.",
        intro="Leuk om van je te horen, en dank aan {intro} voor de introductie.",
        event="Het was leuk je te ontmoeten op {event}.",
        generic="Leuk om van je te horen, en bedankt voor je bericht.",
        forward="Ik hoor graag meer over waar je mee bezig bent.",
        answer_later="Ik kijk rustig naar je vraag en kom er dan op terug.",
        no_reply_scam="(Geen antwoord voorgesteld: dit lijkt op oplichting of phishing. "
        "Meld of archiveer het.)",
        no_reply_sponsored="(Geen antwoord voorgesteld: dit is een gesponsord bericht. "
        "Archiveer het.)",
    ),
}

_NAME = r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+)"
_INTRODUCER = re.compile(
    _NAME + r"(?: [A-ZÀ-Ý][a-zà-ÿ]+)?,? (?:suggested|recommended|mentioned|told me|"
    r"introduced|thought we|me (?:sugiri[oó]|recomend[oó])|m'a (?:suggéré|conseillé|"
    r"recommandé|parlé)|hat mir|sugeriu|me indicou|mi ha (?:suggerito|consigliato|parlato)|"
    r"raadde|stelde voor)"
)
_NOT_NAMES = frozenset(
    ("I", "We", "He", "She", "They", "My", "Our", "Your", "You", "It", "This", "That", "A", "The")
)
_EVENT = re.compile(
    r"(?:met|meeting|(?:great|nice|good|lovely) to meet|chatted|spoke|talked|conocimos|"
    r"conocí|rencontrés?|rencontrée?s?|"
    r"conhecemos|conosciuti|incontrati) (?:you |each other )?"
    r"(?:at|during|en|à|au|lors de|lors du|em|no|na|a|al|alla) (?:the |el |la |l')?"
    r"(?P<event>[A-Z0-9][\w'&-]*(?: [A-Z0-9][\w'&-]*){0,3})"
)
# A thank-you for help gets "you're welcome"; "thanks for connecting" does not.
_THANKS_FOR_HELP = re.compile(
    r"thank(?:s| you)(?: so much| a lot)? for (?:your |the |all your )?(?:help|advice|intro|"
    r"introduction|support|feedback|tips?|recommendation|referral)|gracias por (?:tu |la )?"
    r"(?:ayuda|consejo)|merci (?:pour|de) (?:votre |ton )?(?:aide|conseil)|danke für "
    r"(?:deine |Ihre |die )?(?:Hilfe|Unterstützung|Tipps?)|obrigad[oa] pela (?:ajuda|dica)|"
    r"grazie (?:per|dell') ?(?:il tuo )?(?:aiuto|consiglio)|bedankt voor (?:je |jouw |uw )?"
    r"(?:hulp|advies)",
    re.IGNORECASE,
)
_NEWS = re.compile(
    r"\bI(?:'ve| have)? (?:just )?(?:started|joined|launched|been promoted|got promoted|"
    r"published|graduated)|\bnew (?:role|job|position)\b|(?:excited|thrilled|happy|proud) "
    r"to (?:share|announce)|nuevo (?:puesto|trabajo)|nouveau poste|neue[nr]? (?:Job|Stelle|"
    r"Position|Rolle)|novo (?:cargo|emprego)|nuovo (?:lavoro|ruolo)|nieuwe (?:baan|functie)",
    re.IGNORECASE,
)


def reply_language(item: Incoming, fallback: str) -> str:
    """The incoming message's language; else the sender's earlier turns'; else `fallback`."""
    language = detect_language(item.text)
    if language == UNDETERMINED:
        earlier = " ".join(turn.text for turn in item.thread if not turn.from_owner)
        language = detect_language(earlier)
    if language == UNDETERMINED or language not in PHRASES:
        language = fallback if fallback in PHRASES else "en"
    return language


def compose_draft(
    item: Incoming, verdict: VerdictOutput, *, signature: str, fallback_language: str
) -> tuple[str, str]:
    """(text, language) of the draft the verdict's action calls for."""
    language = reply_language(item, fallback_language)
    phrases = PHRASES[language]
    if verdict.action is Action.NO_REPLY:
        note = phrases.no_reply_sponsored if item.sender.sponsored else phrases.no_reply_scam
        return note, language
    if verdict.action is Action.DECLINE:
        body = phrases.decline
    elif verdict.action is Action.ASK:
        body = phrases.clarify
    else:
        # A question deserves the user's own answer: the draft says one is coming rather
        # than inventing it, and does not ask to "hear more" about what was just asked.
        closing = phrases.answer_later if "?" in item.text else phrases.forward
        body = f"{_opening(item.text, phrases)} {closing}"
    parts = [_greeting(item, phrases), body]
    if signature:
        parts.append(f"{phrases.sign}\n{signature}")
    return "\n\n".join(parts), language


def _greeting(item: Incoming, phrases: Phrases) -> str:
    name = item.first_name
    # A name that is itself a mail-merge leftover would repeat the sender's mistake.
    if not name or any(mark in name for mark in "%{}[]<>"):
        return phrases.greet_anonymous
    return phrases.greet.format(name=name)


def _opening(text: str, phrases: Phrases) -> str:
    """The first sentence of a relationship reply, echoing what the sender wrote."""
    if mentions(CONGRATS, text):
        return phrases.thank_for_congrats
    if _NEWS.search(text):
        return phrases.congratulate
    if _THANKS_FOR_HELP.search(text):
        return phrases.welcome
    introducer = _INTRODUCER.search(text)
    if introducer and introducer.group("name") not in _NOT_NAMES and mentions(WARM_INTRO, text):
        return phrases.intro.format(intro=introducer.group("name"))
    event = _EVENT.search(text)
    if event:
        return phrases.event.format(event=event.group("event").strip())
    return phrases.generic


def chunk_words(text: str, words_per_chunk: int = 3) -> list[str]:
    """`text` split into chunks of a few words each; joined, they give `text` back."""
    pieces = re.findall(r"\s*\S+\s*", text) or [text]
    return [
        "".join(pieces[start : start + words_per_chunk])
        for start in range(0, len(pieces), words_per_chunk)
    ]
