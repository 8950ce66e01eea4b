"""Hand-written signals: readable tags that explain a verdict and shape its draft.

They never decide the label (the embedding model reads the text for that), so each
pattern is deliberately narrow. Patterns cover English first and the commonest phrasings
in es, fr, de, pt, it and nl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reply_assistant.models import Incoming, ThreadTurn


class PhrasePattern:
    """A regex of phrase alternatives, run on lower-cased text.

    Python's regex engine tries every alternative at every position (a fraction of a
    microsecond per character for these patterns), so `extract_signals` runs a pattern
    only when a word of the message starts with one of its `triggers`: a word that every
    alternative's match contains, found by a dictionary lookup per word.
    """

    def __init__(self, pattern: str, triggers: str) -> None:
        self.regex = re.compile(pattern)
        self.triggers = frozenset(triggers.split())

    def matches(self, lowered: str) -> list[str]:
        """Matches in lower-cased text that start a word."""
        return [
            match.group(0)
            for match in self.regex.finditer(lowered)
            if match.start() == 0 or not lowered[match.start() - 1].isalnum()
        ]


# Phrase patterns are lower-case and compiled without re.IGNORECASE, which makes the
# engine several times slower; they run on the lower-cased text.
PLACEHOLDER = re.compile(
    r"%[A-Z_]{3,}%|\{\{?\s*[A-Za-z_]+\s*\}?\}|<<\s*\w+\s*>>|\$(?-i:[A-Z_]{5,})\b"
    r"|\[(?:first[ _]?name|name|company|your name|nombre|prénom|vorname|nome)\]",
    re.IGNORECASE,
)
LINK = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
BARE_LINK = re.compile(r"[\w-]+\.(?:com|io|ly|co|net|org|ai)/\S*", re.IGNORECASE)
# Selling: a product, a service, a demo. Asking for someone's time is not in here (see
# TIME_ASK): recruiters, mentees and event organisers ask for 20 minutes too.
PITCH = PhrasePattern(
    r"demo\b|démo\b|demostraci[oó]n|book a demo|schedule a demo|calendly"
    r"|our (?:platform|agency|solution|software|tool|services|team of)\b"
    r"|increase your (?:revenue|sales|leads|pipeline)|grow your (?:business|revenue|sales)"
    r"|pricing\b|free trial|discount|lead generation|appointment setting|roi\b"
    r"|i help (?:companies|founders|businesses|teams|agencies|brands)"
    r"|we help (?:companies|founders|businesses|teams|agencies|brands)"
    r"|nuestra (?:plataforma|agencia|soluci[oó]n)|llamada r[aá]pida"
    r"|notre (?:plateforme|agence|solution)|un appel\b"
    r"|unsere[nm]? (?:plattform|agentur|l[oö]sung)|kurze[sn]? (?:gespr[aä]ch|telefonat|call)"
    r"|nossa (?:plataforma|ag[eê]ncia|solu[cç][aã]o)|chamada r[aá]pida"
    r"|la nostra (?:piattaforma|agenzia|soluzione)|breve chiamata"
    r"|ons platform\b|onze (?:oplossing|dienst)"
    # What a seller says about the offer: a launch, a pilot, free access, a lower price.
    r"|(?:we(?:'ve| have)?|i(?:'ve| have)?) (?:just )?(?:built|launched)|just launched"
    r"|we(?:'re| are)? (?:now )?(?:helping|offering)|free pilots?|pilot (?:program|slot)"
    r"|design partner|early access|drop-in replacement|no-brainer|half the price"
    r"|free (?:\w+ )?(?:assessment|audit|consultation)|no fee\b|cheap price"
    r"|ayudamos a|estamos ayudando|prueba gratuita|on aide|nous aidons|essai gratuit"
    r"|wir helfen|kostenlose[nr]? test|ajudamos|teste gratuito|aiutiamo|prova gratuita"
    r"|we helpen|gratis proef",
    triggers=(
        "demo démo demostraci book schedule calendly our increase grow "
        "pricing free discount lead appointment roi help nuestra notre "
        "unsere nossa nostra ons onze built launched helping offering pilot design "
        "early drop-in no-brainer half fee cheap ayudamos estamos prueba aide aidons essai "
        "wir kostenlose kostenlosen kostenloser ajudamos teste aiutiamo prova helpen gratis"
    ),
)
TIME_ASK = PhrasePattern(
    r"book a (?:call|meeting|time)|schedule a (?:call|meeting)|hop on a (?:quick )?call"
    r"|quick (?:call|chat)|minutes of your time|llamada r[aá]pida|un appel\b"
    r"|kurze[sn]? (?:gespr[aä]ch|telefonat|call)|chamada r[aá]pida|breve chiamata"
    r"|kort (?:gesprek|belletje)",
    triggers="book schedule hop quick minutes llamada appel kurze kurzes kurzen chamada breve kort",
)
# Having met, or keeping a promise made when meeting: what follow-ups after an event say.
MET_BEFORE = PhrasePattern(
    r"(?:we|i) met (?:at|during|in)\b|met you (?:at|during|in)\b"
    r"|(?:great|nice|good|lovely) (?:meeting|to meet|seeing) you|as promised|like i promised"
    r"|fue un (?:gusto|placer) conocerte|como (?:te )?promet[ií]|encantad[oa] de conocerte"
    r"|comme (?:promis|convenu)|ravie? d'avoir (?:échangé|discuté|fait ta connaissance)"
    r"|wie versprochen|sch[oö]n,? (?:dich|sie) kennengelernt|danke f[uü]r das gespr[aä]ch"
    r"|foi (?:muito )?bom te conhecer|conforme combinamos|como prometido"
    r"|(?:è stato )?un piacere conoscerti|come promesso|zoals beloofd"
    r"|leuk (?:je|om je) (?:te )?(?:ontmoeten|spreken)",
    triggers=(
        "met meeting meet seeing promised conocerte promet promis convenu échangé discuté "
        "connaissance versprochen kennengelernt gespräch gesprach conhecer combinamos "
        "conoscerti promesso beloofd ontmoeten spreken"
    ),
)
SCAM = PhrasePattern(
    r"guaranteed (?:returns?|profits?|income)|crypto|bitcoin|btc\b|usdt\b|ethereum"
    r"|wallet\b|forex\b|binary options|investment opportunit|passive income"
    r"|double your (?:money|investment)|verify your (?:account|identity)"
    r"|account (?:will be )?(?:suspended|restricted|locked|disabled)"
    r"|click (?:here|the link|below) to (?:verify|confirm|restore|unlock)|urgent"
    r"|act now|wire transfer|gift cards?\b|inheritance|western union|seed phrase"
    r"|login (?:details|credentials)|whatsapp me|whats app me|telegram"
    r"|cripto|rendimientos garantizados|rendement garanti|garantierte rendite|krypto"
    r"|retorno garantido|rendimenti garantiti|gegarandeerd rendement"
    r"|verifi(?:que|ez|zieren|care|eer) (?:su|votre|ihr|il|uw|sua)\b",
    triggers=(
        "guaranteed crypto bitcoin btc usdt ethereum wallet forex binary investment "
        "passive double verify account click urgent act wire gift inheritance western "
        "seed login whatsapp whats telegram cripto rendimientos rendement garantierte "
        "krypto retorno rendimenti gegarandeerd verifi"
    ),
)
# Asking for a login, a code or "your details" under a deadline, or threatening the account:
# replying helps no one, so these get no reply whatever the label (reasons.choose_action).
PHISHING = PhrasePattern(
    r"confirm your (?:details|identity|account|password|login|information)"
    r"|(?:verify|update|re-?enter) your (?:details|password|login|payment|billing|information)"
    r"|(?:send|share|forward|give) (?:me |us )?(?:the |your )?(?:\d-digit |verification |security "
    r"|one-time |login |2fa |sms )?(?:code|password|otp|pin)\b|verification code"
    r"|one-time (?:code|password)|unusual (?:login|sign-in) activity"
    r"|account (?:will be |has been |may be )?(?:suspended|restricted|locked|disabled|deactivated"
    r"|closed|terminated)|(?:suspend|deactivat|terminat|clos)(?:e|ed|ing) your account"
    r"|within (?:24|48|12|72) hours|flagged for (?:unusual|suspicious)"
    r"|confirme (?:tus|sus) datos|confirmez vos (?:informations|coordonnées)"
    r"|bestätigen sie ihre (?:daten|identität)|confirme (?:seus|os seus) dados"
    r"|conferma i tuoi dati|bevestig uw (?:gegevens|account)",
    triggers=(
        "confirm verify update re-enter reenter send share forward give verification one-time "
        "unusual account suspend suspended deactivate deactivated terminate terminated close "
        "closed within flagged confirme confirmez bestätigen conferma bevestig"
    ),
)
# "a 20 min call", "15 Minuten", "10 minutos": run only when "min" occurs (it starts with \b).
DURATION = re.compile(r"\b\d{1,2}[- ]?min(?:ute[sn]?|utos?|uti|s)?\b")
# The class LinkedIn's sponsored-InMail editor leaves in a message's raw HTML.
SPONSORED_MARKUP = "spinmail"
FAMILIARITY_CLAIM = PhrasePattern(
    r"as we discussed|as (?:per|discussed in) our (?:last )?(?:conversation|call|chat)"
    r"|great (?:chatting|talking|connecting|speaking) (?:with you )?(?:last|yesterday|earlier)"
    r"|following up on our (?:conversation|chat|call|meeting)|per my last (?:message|email)"
    r"|remember me\b|we spoke (?:last|recently)|old friend",
    triggers=("discussed chatting talking connecting speaking following per remember spoke friend"),
)
FOLLOW_UP = PhrasePattern(
    r"just following up|following up on my|bumping (?:this|my)|circling back"
    r"|did you (?:get|see|have a chance to (?:read|see)) my (?:last|previous|earlier)"
    r"|haven'?t heard back|friendly reminder|checking in again|any (?:update|thoughts) on my"
    r"|hacer seguimiento|je me permets de (?:vous )?relancer|nachfassen|kurz nachhaken"
    r"|dar seguimento|ricontattar|even opvolgen",
    triggers=(
        "following bumping circling did haven friendly checking update thoughts "
        "seguimiento relancer nachfassen nachhaken seguimento ricontattar opvolgen"
    ),
)
WARM_INTRO = PhrasePattern(
    r"suggested (?:that )?i (?:reach out|contact|get in touch|connect|write)"
    r"|recommended (?:that )?i (?:reach out|contact|get in touch|connect|write)"
    r"|introduced (?:me|us)\b|referred (?:me|us)\b|mutual (?:friend|connection|contact)"
    r"|we both know|told (?:me )?(?:about )?you\b|mentioned (?:me )?(?:about )?you\b"
    r"|put us in touch|me (?:sugiri[oó]|recomend[oó]) (?:que )?(?:te |le )?"
    r"(?:escribiera|contactar)|nos present[oó]|m'a (?:suggéré|conseillé|recommandé) de"
    r"|hat mir empfohlen|hat vorgeschlagen, dass ich|sugeriu que eu|me indicou"
    r"|mi ha (?:suggerito|consigliato)|raadde (?:me )?aan|stelde voor dat ik",
    triggers=(
        "suggested recommended introduced referred mutual both told mentioned touch "
        "sugiri recomend present suggéré conseillé recommandé empfohlen vorgeschlagen "
        "sugeriu indicou suggerito consigliato raadde stelde"
    ),
)
CONGRATS = PhrasePattern(
    r"congrat|felicidades|enhorabuena|félicitations|glückwunsch|gratulier|parabéns"
    r"|congratulazioni|complimenti|gefeliciteerd|proficiat",
    triggers=(
        "congrat felicidades enhorabuena félicitations glückwunsch gratulier parabéns "
        "congratulazioni complimenti gefeliciteerd proficiat"
    ),
)
# A loss, the sender's or the owner's: its reason is not the "thank you" it may also hold.
LOSS = PhrasePattern(
    r"passed away|sorry for your loss|condolence|funeral|lost (?:my|our|his|her) (?:father|"
    r"mother|dad|mum|mom|husband|wife|son|daughter|brother|sister|grand\w+)|fallec|décéd|"
    r"verstorben|faleceu|falecimento|è mancat|overleden|condoléances|pésame|beileid|"
    r"condoglianze|gecondoleerd|deelneming",
    triggers=(
        "passed sorry condolence funeral lost fallec décéd verstorben faleceu falecimento "
        "mancat overleden condoléances pésame beileid condoglianze gecondoleerd deelneming"
    ),
)
THANKS = PhrasePattern(
    r"thanks\b|thank you\b|gracias\b|merci\b|danke\b|obrigad[oa]\b|grazie\b|bedankt\b"
    r"|dank je\b|dank u\b",
    triggers="thanks thank gracias merci danke obrigad grazie bedankt dank",
)
INJECTION = PhrasePattern(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?)"
    r"|classify (?:this|me|it) as|you are an? (?:ai|assistant|language model|llm)\b"
    r"|system prompt|disregard (?:the |all )?(?:previous|above|prior)",
    triggers="ignore classify ai assistant language llm system disregard",
)


PHRASE_PATTERNS = (
    PITCH,
    TIME_ASK,
    MET_BEFORE,
    SCAM,
    PHISHING,
    FAMILIARITY_CLAIM,
    FOLLOW_UP,
    WARM_INTRO,
    CONGRATS,
    LOSS,
    THANKS,
    INJECTION,
)
_TRIGGER_KEY = 3
_PUNCTUATION = "\"'()[]{}¿¡*-–—.,:;!?«»“”‘’/"
# Words of a message are looked up by their first three letters (or whole, if shorter).
_TRIGGER_INDEX: dict[str, list[tuple[str, PhrasePattern]]] = {}
for _pattern in PHRASE_PATTERNS:
    for _trigger in _pattern.triggers:
        _TRIGGER_INDEX.setdefault(_trigger[:_TRIGGER_KEY], []).append((_trigger, _pattern))


def _words(lowered: str) -> list[str]:
    """Whitespace-separated words without surrounding punctuation (str.split is far
    faster than a regex tokeniser)."""
    return [word for word in (raw.strip(_PUNCTUATION) for raw in lowered.split()) if word]


def _triggered(words: set[str]) -> set[PhrasePattern]:
    """The phrase patterns worth running: those with a trigger that starts one of `words`."""
    found = set()
    for word in words:
        for trigger, pattern in _TRIGGER_INDEX.get(word[:_TRIGGER_KEY], ()):
            if word.startswith(trigger) and (len(trigger) >= _TRIGGER_KEY or word == trigger):
                found.add(pattern)
    return found


def _pitch_hits(lowered: str, triggered: set[PhrasePattern]) -> tuple[tuple[str, ...], ...]:
    """Sales phrases and asks for time found in lower-cased text, as two tuples."""
    sales = tuple(PITCH.matches(lowered)) if PITCH in triggered else ()
    time_asks = tuple(TIME_ASK.matches(lowered)) if TIME_ASK in triggered else ()
    if "min" in lowered:
        time_asks += tuple(DURATION.findall(lowered))
    return sales, time_asks


def reads_as_pitch(text: str) -> bool:
    """Whether `text` uses a sales phrase or asks for time (the phrase lists above)."""
    lowered = text.lower()
    return any(_pitch_hits(lowered, _triggered(set(_words(replace_links(lowered, " "))))))


def follows_unanswered_pitch(thread: tuple[ThreadTurn, ...]) -> bool:
    """Whether a message after the owner's last word in the thread was a pitch."""
    for turn in reversed(thread):
        if turn.from_owner:
            return False
        if reads_as_pitch(turn.text):
            return True
    return False


def mentions(pattern: PhrasePattern, text: str) -> bool:
    """Whether one of this module's phrase patterns occurs in `text` (any case)."""
    return bool(pattern.matches(text.lower()))


_LINK_ANCHORS = ("http", "www.", "HTTP", "WWW.")
_BARE_LINK_ANCHORS = tuple(f".{tld}/" for tld in ("com", "io", "ly", "co", "net", "org", "ai"))


def _may_have_bare_link(text: str) -> bool:
    return "/" in text and any(anchor in text.lower() for anchor in _BARE_LINK_ANCHORS)


def find_links(text: str) -> list[str]:
    links = LINK.findall(text) if any(anchor in text for anchor in _LINK_ANCHORS) else []
    if _may_have_bare_link(text):  # a bare domain with a path, e.g. acme.io/demo
        links += BARE_LINK.findall(LINK.sub(" ", text))
    return links


def replace_links(text: str, replacement: str) -> str:
    if any(anchor in text for anchor in _LINK_ANCHORS):
        text = LINK.sub(replacement, text)
    return BARE_LINK.sub(replacement, text) if _may_have_bare_link(text) else text


def has_placeholder(text: str) -> bool:
    return any(mark in text for mark in "%{<[$") and PLACEHOLDER.search(text) is not None


GREETINGS = frozenset(
    [
        "hi",
        "hello",
        "hey",
        "hiya",
        "yo",
        "hola",
        "bonjour",
        "salut",
        "hallo",
        "hoi",
        "olá",
        "oi",
        "ciao",
        "buongiorno",
        "good",
        "morning",
        "afternoon",
        "evening",
        "there",
        "dear",
        "buenos",
        "días",
    ]
)


@dataclass(frozen=True, slots=True)
class Signals:
    tags: tuple[str, ...]  # readable, strongest first, for Verdict.signals
    pitch_words: tuple[str, ...] = ()  # what matched, lower-cased, for the reason

    def has(self, tag: str) -> bool:
        return tag in self.tags


def extract_signals(item: Incoming) -> Signals:
    text = item.read_text
    lowered = text.lower()
    sender = item.sender
    links = find_links(text)
    words = _words(replace_links(lowered, " "))
    triggered = _triggered(set(words))

    def hits(pattern: PhrasePattern) -> list[str]:
        return pattern.matches(lowered) if pattern in triggered else []

    owner_replied = any(turn.from_owner for turn in item.thread)
    sales_hits, time_hits = _pitch_hits(lowered, triggered)
    pitch_hits = sales_hits + time_hits
    sponsored = sender.sponsored or SPONSORED_MARKUP in lowered

    placeholder = bool(sender.placeholders) or has_placeholder(text)
    link_only = bool(links) and len(words) <= 3
    scam = bool(hits(SCAM))
    phishing = bool(hits(PHISHING))
    fake_familiarity = bool(hits(FAMILIARITY_CLAIM)) and not owner_replied
    # Nagging is writing again after a pitch the owner never answered; a second friendly
    # note ("Thanks for connecting", then "Hope you are safe") is not. With no thread to
    # read (a single pasted message), the message's own "just following up" is the evidence.
    follow_up = follows_unanswered_pitch(item.thread) if item.thread else bool(hits(FOLLOW_UP))
    warm_intro = bool(hits(WARM_INTRO))
    congrats = bool(hits(CONGRATS))
    loss = bool(hits(LOSS))
    thanks = bool(hits(THANKS))
    greeting_only = 0 < len(words) <= 4 and words[0] in GREETINGS and not links
    injection = bool(hits(INJECTION))
    # Only a known non-connection is new to you: an unknown one may be an old friend.
    no_prior_contact = sender.first_degree is False and not owner_replied
    met_before = bool(hits(MET_BEFORE))

    # Strongest first: the reason sentence is built from the front of this list.
    flagged = (
        ("sponsored", sponsored),
        ("phishing", phishing),
        ("scam", scam),
        ("prompt injection", injection),
        ("placeholder", placeholder),
        ("pitch", bool(pitch_hits)),
        ("link only", link_only),
        ("link", bool(links)),
        ("fake familiarity", fake_familiarity),
        ("follow-up nag", follow_up),
        ("earlier pitches", sender.earlier_pitches > 0),
        ("warm intro", warm_intro),
        ("met before", met_before),
        ("loss", loss),
        ("congratulations", congrats),
        ("thanks", thanks),
        ("1st-degree", bool(sender.first_degree)),
        ("you replied before", owner_replied),
        ("greeting only", greeting_only),
        ("no prior contact", no_prior_contact),
    )
    return Signals(
        tags=tuple(tag for tag, present in flagged if present),
        pitch_words=pitch_hits,
    )
