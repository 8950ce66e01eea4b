"""What a relationship message is about, and the sender's own words for its specifics.

`read_occasion` names the occasion (a birthday, a loss, an invitation to speak, a
scheduling reply inside a thread...) and lifts the phrases a reply should echo: the event
("the Seattle platform summit"), the mutual contact, the role, the topic asked about.
Hand-written patterns in the seven template languages; the first occasion that matches, in
`_DETECTORS` order, wins, so the more particular ones come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from reply_assistant.models import Incoming

_I = re.IGNORECASE

BIRTHDAY = "birthday"
WORK_ANNIVERSARY = "work_anniversary"
CONDOLENCE = "condolence"  # sympathy sent to the owner
SENDER_LOSS = "sender_loss"  # the sender shares a loss of their own
CONGRATULATED = "congratulated"  # the owner is congratulated
FAMILY_NEWS = "family_news"  # the sender's baby or wedding
NEW_JOB = "new_job"  # the sender's new job or promotion
THANKS = "thanks"
INTRODUCTION = "introduction"  # names a mutual contact
EVENT_FOLLOW_UP = "event_follow_up"
INVITATION = "invitation"  # to speak, record a podcast, join an event
RECRUITER = "recruiter"  # a specific role
REFERRAL_OFFER = "referral_offer"
SCHEDULING = "scheduling"  # a short reply about a day or time inside a thread
CATCH_UP = "catch_up"
QUESTION = "question"
GENERAL = "general"

OCCASIONS = (
    BIRTHDAY, WORK_ANNIVERSARY, CONDOLENCE, SENDER_LOSS, CONGRATULATED, FAMILY_NEWS, NEW_JOB,
    THANKS, INTRODUCTION, EVENT_FOLLOW_UP, INVITATION, RECRUITER, REFERRAL_OFFER, SCHEDULING,
    CATCH_UP, QUESTION, GENERAL,
)  # fmt: skip
# Occasions where cheer would be wrong: the draft checks hold their openers to that.
SOMBRE = frozenset({CONDOLENCE, SENDER_LOSS})


@dataclass(frozen=True, slots=True)
class Reading:
    occasion: str
    # The sender's words for what the reply should name: event, contact, role, news,
    # thing (thanked for), day, topic, question (what the question is about). Only those
    # found.
    slots: dict[str, str] = field(default_factory=dict)
    asks_question: bool = False


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), _I)


_BIRTHDAY = _any(
    r"happy (?:belated )?b(?:irth)?day|\bhbd\b|birthday wishes|feliz cumpleaños|feliz aniversário",
    r"happy \d{2}(?:st|nd|rd|th)\b(?! (?:anniversary|year))|🎂|feliz cumple",
    r"joyeux anniversaire|bon anniversaire|alles gute zum geburtstag|herzlichen glückwunsch zum"
    r" geburtstag|buon compleanno|fijne verjaardag|gefeliciteerd met je verjaardag",
)
_WORK_ANNIVERSARY = _any(
    r"work anniversary|happy \d+ years? at|aniversario (?:laboral|en)",
    r"anniversaire (?:professionnel|chez)|jubiläum|dienstjubiläum|anniversario (?:di lavoro|in)",
    r"werkjubileum|aniversário (?:de empresa|na)",
)
_CONDOLENCE = _any(
    # "So sorry but can we move the shoot?" apologises: sympathy is "so sorry" about something
    # or on its own at a sentence's end ("I only just saw the post about your mum. So sorry.").
    r"condolence|sorry (?:to hear|for your loss|about your)|so sorry(?= (?:to|for your|about)\b|"
    r"\s*[.!]|\s*$)|thinking of you",
    r"my (?:deepest )?sympathy|pésame|lo siento mucho|condoléances|triste nouvelle|je pense (?:très"
    r" fort )?à toi|beileid|tut mir (?:so |sehr )?leid|ich denke an dich|pêsames|sinto muito",
    r"condoglianze|mi dispiace (?:tanto|molto)|gecondoleerd|deelneming|wat erg",
)
# The sender's own loss, rather than sympathy for the owner's.
_OWN_LOSS = _any(
    r"\bmy (?:father|mother|dad|mum|mom|wife|husband|partner|brother|sister|grandmother|"
    r"grandfather|son|daughter|friend)\b[^.!?]{0,40}(?:passed|died)",
    r"\bI lost my\b|mi (?:padre|madre) (?:falleció|murió)|mon (?:père|mari)|ma mère est décédée",
    r"mein (?:vater|mann)|meine mutter ist gestorben",
)
_CONGRATS = _any(
    r"congrat|felicidades|enhorabuena|félicitations|bravo pour|glückwunsch|gratulier|parabéns",
    r"congratulazioni|complimenti|gefeliciteerd|proficiat",
)
# The sender's own wedding, not any wedding: a wedding photographer's or caterer's clients
# write "the wedding" about the job ("11 weeks since the wedding and still no gallery").
_FAMILY = _any(
    r"\bbaby\b|newborn|new arrival|got married|our wedding|just married|engaged\b|bebé",
    r"nuestra boda|nos casamos|me caso|bébé|notre mariage|on se marie|nous nous marions|je me "
    r"marie|unsere hochzeit|wir heiraten|geheiratet|nosso casamento|vamos casar|bebê|il nostro "
    r"matrimonio|ci sposiamo|sposat|onze bruiloft|we gaan trouwen|getrouwd",
)
_SENDER_NEWS = _any(
    r"\bI(?:'ve| have)? (?:just )?(?:started|joined|landed|accepted|been promoted|got promoted|"
    r"got the job)|\bI got the (?:job|role|offer)|\b(?:my|I'm in a|I've got a) new (?:role|job|"
    r"position)\b",
    # "Happy to share the logs" is no news: the announcement is about the sender.
    r"(?:excited|thrilled|happy|proud) to (?:share|announce)(?: that)? (?:I|I'm|I've|my new)\b"
    r"|nuevo (?:puesto|trabajo)|nouveau "
    r"poste|neue[nr]? (?:job|stelle|position|rolle)|novo (?:cargo|emprego)|nuovo (?:lavoro|ruolo)"
    r"|nieuwe (?:baan|functie)",
)
_THANKS = _any(
    r"\bthanks?\b|thank you|gracias|merci|danke|obrigad[oa]|grazie|bedankt|dank je|dank u",
)
# "… how you chose the thresholds. Thanks!": a thank-you that closes an ask signs it off;
# it is not what the message is about.
_CLOSING_THANKS = _any(
    r"(?:^|\s)(?:many thanks|thanks?|thank you|gracias|merci|danke|obrigad[oa]|grazie|bedankt)"
    r"(?: (?:in advance|a lot|so much|again))?[\s.!🙏]*$",
)
# Thanks for connecting is a greeting, not the occasion: not thanks for help ("You're very
# welcome, I'm glad it helped" answers it wrongly), and "my invitation" invites no one.
_CONNECTION_THANKS = _any(
    r"(?:thanks?|thank you)(?: so much| a lot)? for (?:connecting|the connection"
    r"|accepting(?: my (?:invitation|invite|request|connection request))?"
    r"|the add|adding me|the connect)|gracias por (?:conectar|aceptar)"
    r"|merci (?:pour la connexion|d'avoir accepté)|danke (?:für die (?:vernetzung|annahme)"
    r"|fürs vernetzen)|obrigad[oa] (?:pela conexão|por aceitar)",
)
# An ask without a question mark.
_INDIRECT_QUESTION = _any(
    r"(?:would|'d) like to ask|wanted to ask|want to ask|i was wondering"
    r"|wondering (?:if|whether)",
)
_INTRODUCED_BY = re.compile(
    r"(?P<contact>[A-ZÀ-Ý][\w'-]+(?: (?:de |van |da )?[A-ZÀ-Ý][\w'-]+)?)"
    r"(?: \([^)]{1,40}\))?,? (?:suggested|recommended|mentioned|told me|introduced|said|"
    r"forwarded|thought|gave me|passed|and I|me (?:sugiri[oó]|recomend[oó]|habl[oó])|m'a|"
    r"hat mir|sugeriu|me indicou|mi ha|raadde|stelde voor|gaf me)"
)
_INTRO_CONTEXT = _any(
    r"suggested|recommended|introduc|get in touch|reach out|connect|mutual|gave me your|said you"
    r"|told me|mentioned you|sugiri|recomend|m'a (?:suggéré|conseillé|recommandé|parlé)",
    r"empfohlen|vorgeschlagen|sugeriu|indicou|suggerito|consigliato|raadde|gaf me je naam",
)
_EVENT = re.compile(
    r"(?:meet(?:ing)?|met|see(?:ing)?|chat(?:ting)?|talk(?:ing)?|conversation|spoke|gesproken"
    r"|hebben|conocimos|conocerte|rencontré|kennengelernt|conhecer|conosciuti|sat next to each"
    r" other)(?: you| each other| up| with you)?(?: \w+)? (?:at|during|from|in|en|à|au|lors de"
    r"|bei|auf|na|no|em|a|al|alla|op) (?P<event>(?:the |la |el |le |der |die |de |o |il )?"
    r"[^\s.,!?;:()]+(?: (?![Tt]oday|"
    r"[Yy]esterday|[Ll]ast|[Tt]his|[Nn]ext|and|y|et|und|e|en|in|yesterday|hier|gestern|ontem|"
    r"ieri|gisteren|ayer)[^\s.,!?;:()]+){0,4})"
)
_EVENT_WORDS = _any(
    r"summit|conference|con\b|meetup|dinner|panel|workshop|offsite|hackathon|days\b|party|"
    r"breakout|talk|session|flight|conferencia|conférence|konferenz|conferenza|congresso|evento",
)
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z]\w*")  # PlatformCon, DevOpsDays
_INVITATION = _any(
    r"podcast|episode|keynote|speaker|speak at|give a talk|as a (?:guest|speaker)|guest (?:on|"
    r"speaker)|panel(?:ist)?\b|book club|meetup|fireside|invite you|invit(?:ing|ation)",
    r"charla|ponencia|ponente|conférence|intervenir|épisode|vortrag|gastredner|palestra|"
    r"palestrante|intervento|relatore|spreker|einladen|convidar|invitarte|inviter",
)
_RECRUITER = _any(
    r"\bhiring (?:a|an|for)\b|recruit|\bthe (?:[\w-]+ ){0,4}role\b|head ?hunt|opening for|"
    r"position (?:of|as)|we(?:'re| are) looking for (?:a|an)\b|buscamos|nous recrutons|wir suchen"
    r"|procuramos|cerchiamo|zoeken (?:een|naar)",
)
_ROLE = re.compile(
    r"(?:hiring|looking for|recruiting for|suchen|buscamos|recrutons|cerchiamo|procuramos|"
    r"zoeken)(?: for)? (?:a |an |the |eine[n]? |un[ae]? |um[a]? |een )?"
    r"(?P<role>(?:[A-Z][\w/&-]*|of|de|for|at)(?: (?:[A-Z][\w/&-]*|of|de|for))*)"
    r"|the (?P<role2>(?:[A-Z][\w/&-]* ){1,5})role"
)
_REFERRAL_OFFER = _any(
    r"want me to (?:introduce|intro|connect|refer)|(?:happy|glad) to (?:introduce|intro|refer|"
    r"connect you)|I can (?:intro|introduce|refer|connect)|give yours|put you in touch|"
    r"(?:mettre|mettrai) en relation|vorstellen\?|apresentar você|presentarti|voorstellen\?",
)
_DAY_OR_TIME = re.compile(
    r"\b(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|afternoon|evening|"
    r"lunch|\d{1,2}(?:st|nd|rd|th)?))?|tomorrow|tonight|next week|lunes|martes|miércoles|jueves"
    r"|viernes|lundi|mardi|mercredi|jeudi|vendredi|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"segunda|terça|quarta|quinta|sexta|lunedì|martedì|mercoledì|giovedì|venerdì|maandag|dinsdag"
    r"|woensdag|donderdag|vrijdag|\d{1,2}\s?(?:am|pm|uhr|h)(?-i: [A-Z]{2,4})?)\b",
    _I,
)
_SCHEDULING_WORDS = _any(
    r"works (?:for me|better)|\bworks\b|it is\b|suits me|see you|count me in|me va bien|me viene"
    r"|ça me va|passt (?:mir)?|funciona|va bene|komt goed uit|past me|schikt",
)
_CATCH_UP = _any(
    r"how are you|how(?:'s| is) (?:things|life|it going)|long time|been (?:way too |too |a )?"
    r"(?:long|ages|a while|forever)|catch up|we haven't (?:properly )?(?:talked|spoken)|miss "
    r"(?:working|you)|lunch|coffee|drink|stranger|cómo estás|qué tal|ça fait|comment vas-tu|"
    r"wie geht'?s|lange (?:nicht|her)|como (?:vai|estás)|tudo bem|come stai|quanto tempo|hoe gaat"
    r" het|bijpraten|lang geleden",
)
# A straight apostrophe quotes only between non-letters: "they're ... I'd" is no quote.
_QUOTED = re.compile(
    r"(?:[‘\"“«„]|(?<!\w)')\s?(?P<quote>[^'\"“”‘’«»„\n]{3,60}?)\s?(?:[’\"”»“]|'(?!\w))"
)
_ABOUT = re.compile(
    r"\b(?:about(?! to\b)|on|regarding|sobre|sur|à propos de|über|zu|su|riguardo a|over)\s+"
    r"(?P<topic>(?:how |what |why |the |your |our |la |el |le |les |der |die |das |o |a |il "
    r"|de |het )?[^\s.,!?;:()—–]+(?: [^\s.,!?;:()—–]+){0,5})",
    _I,
)
_THANKED_FOR = re.compile(
    r"(?:thanks?|thank you|grateful)(?: (?:so|very) much| again| a lot)? for (?P<thing>(?:[^.,"
    r"!?;\n\s]|\s(?![-–—]))+)|(?:gracias|merci|danke|obrigad[oa]|grazie|bedankt)(?: \w+)? "
    r"(?:por|pour|für|pela|pelo|per|voor) (?P<thing2>[^.,!?;\n]{3,60})",
    _I,
)
_CONGRATULATED_ON = re.compile(
    r"(?:congrat\w*|felicidades|enhorabuena|félicitations|glückwunsch|gratulation|parabéns|"
    r"congratulazioni|complimenti|gefeliciteerd)(?: \w+)? (?:on|for|por|pour|pelo|pela|per|zu|"
    r"zum|zur|met|with) (?P<news>[^.,!?;\n]{3,60})",
    _I,
)
_SENTENCE_BREAK = re.compile(r"[.!?¡¿…:;\n]+|[\U0001f300-\U0001faff\u2600-\u27bf]|\s[-–—]\s")
_CAPITALISED = re.compile(r"[A-ZÀ-Ý][\w'’&-]+")  # "Tailspin", "SRE", "PlatformCon"
# A question from its sentence's start: anchored, so a long text without one is scanned once,
# not once from every position.
_QUESTION = re.compile(r"(?:^|(?<=[.!?¿¡\n]))[^.!?¿¡\n]+\?")
# Greetings and proposals to meet: questions, but not ones to "look into" by name.
_SOCIAL_QUESTION = _any(
    r"\b(?:call|coffee|lunch|dinner|drinks?|meet|catch up|chat)\b|how are (?:you|things)|"
    r"how(?:'s| is| have) (?:it going|things|life|you been)|what'?s up|"
    r"cómo estás|qué tal|comment (?:vas-tu|allez-vous|ça va)|ça va|wie geht'?s|como (?:vai|estás)"
    r"|tudo bem|come stai|hoe gaat het",
)
# Where a place name is where the sender is, not what they write about.
_PLACE_WORDS = frozenset(("in", "from", "en", "à", "aus", "em", "uit", "desde"))
# Words a cut-off phrase should not end on.
_TRAILING_WORDS = frozenset(
    ("the", "a", "an", "before", "after", "and", "or", "to", "of", "for", "with", "that", "in",
     "without", "from", "by", "on", "at", "into", "about", "as", "than", "but", "if", "when",
     # "the platform track would": the phrase ran into the sentence's verb.
     "would", "could", "will", "can", "should", "is", "are", "was", "were")
)  # fmt: skip
_ARTICLES = frozenset(
    ("the", "a", "an", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
     "la", "le", "les", "el", "los", "las", "il", "lo", "un", "une", "una", "uno", "o", "os",
     "as", "um", "uma", "het", "de", "een")
)  # fmt: skip
_PRONOUNS = frozenset(("it", "this", "that", "them", "ours", "yours", "mine", "you", "me", "us"))
_ENGLISH_DETERMINER = re.compile(r"(?:the|your|our|my)\s", _I)
_NAME_JOINERS = frozenset(("of", "de", "van", "the", "del", "da", "di", "von", "at"))
_VOCATIVE = re.compile(
    r"(?:^|[,;!?]\s*)(?:(?:hi|hey|hello|dear|hola|bonjour|salut|hallo|hoi|olá|oi|ciao|bom dia|"
    r"boa tarde|buongiorno|buenos días|buenas|guten tag|liebe|lieber|beste|goedemiddag|"
    r"goedemorgen|caro|cara|querida|querido|cher|chère)\s+)?"
    r"(?P<name>[A-ZÀ-Ý][\w-]+)(?:-san)?\s*(?=[,!.?:]|\s[-–—]|$)",
    re.IGNORECASE | re.MULTILINE,
)
_NOUN_PHRASE = re.compile(
    r"\b(?:the|your|our|my|la|el|le|les|der|die|das|il|het|o|a)\s+(?P<phrase>[a-zà-ÿ][\w'-]+"
    r"(?:\s(?!(?:for|of|to|with|and|at|in|on|from|by|that|which|is|was|para|pour|für|per|voor)\b)"
    r"[\w'-]+){0,2})"
)
# Not "jan": a name as often as January.
_SHORT_DAYS_AND_MONTHS = (
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip
_MONTHS_AND_DAYS = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", *_SHORT_DAYS_AND_MONTHS
    )
)  # fmt: skip
# Before a name, they make it the person addressed or spoken of ("Mrs Adeyemi").
_HONORIFICS = (
    "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "madam", "ma", "prof", "prof.",
    "frau", "herr", "fr.", "hr.", "meneer", "mevrouw", "mevr.", "dhr.", "don", "doña", "señor",
    "señora", "sr.", "sra.", "monsieur", "madame", "mme", "signor", "signora", "sig.", "dott.",
    "senhor", "senhora", "dona", "profe", "ing.", "lic.",
)  # fmt: skip
_HONORIFIC_WORDS = frozenset(_HONORIFICS)
# Read from the owner's side, the owner as the subject of the sender's sentence: "can you
# check" -> "can me check", "the invoice you sent" -> "the invoice me sent". Echoed, it
# would read as broken English; "me" as an object ("inviting me to speak") is fine.
_YOU_DOING = re.compile(
    r"\b(?:can|could|would|will|did|do|does|should|shall|have|are|were|may|might) me\b|"
    r"\bme (?!(?:to|for|with|about|at|in|into|on|from|and|or|back|again|too|all|both|so|the|a|"
    r"an|up|out|over|as|if|when|this|that|here|there)\b)[a-z]|\bme$",
    _I,
)
# A date: "Tues", "Dec 12", "June 14" (capitalised, so "I sat down" is no Saturday).
_DATE = re.compile(
    rf"\b(?:{'|'.join(word.capitalize() for word in _SHORT_DAYS_AND_MONTHS)})\b|\b(?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December|Jan) \d"
)
# Phrases that name nothing a reply could thank for: "on my way" -> "your way".
_NAMES_NOTHING = frozenset(
    ("your way", "my way", "the way", "the moment", "the time", "a lot", "a bit", "a while",
     "a minute", "a second", "a sec", "the last one", "the last time", "the one")
)  # fmt: skip
_NOT_TOPICS = frozenset(
    (
        "i", "i'm", "i've", "i'd", "i'll", "we", "you", "your", "my", "our", "it", "this", "that",
        "the", "a", "an", "hi", "hey", "hello", "dear", "thanks", "thank", "congrats", "hope",
        "quick", "just", "also", "and", "but", "so", "anyway", "ps", "god", *_HONORIFICS,
        # The rest of a greeting: "Guten Tag Herr Becker", "Grüß Gott", "Bom dia Renata".
        "tag", "gott", "morgen", "abend", "dia", "días", "tardes", "noches", "giorno",
        # Currencies ("800 EUR", "IDR 12.5m"), languages and nationalities ("a Spanish>English
        # job", "I'm an American living in..."), degrees and titles: said in passing, never
        # what the message is about.
        "eur", "usd", "gbp", "inr", "idr", "ngn", "kes", "brl", "pln", "jpy", "chf", "cad",
        "aud", "zar", "mxn", "sek", "nok", "dkk", "czk", "try", "aed", "sgd", "hkd", "cny",
        "english", "spanish", "french", "german", "portuguese", "italian", "dutch", "polish",
        "turkish", "japanese", "chinese", "american", "british", "canadian", "australian",
        "indian", "brazilian", "mexican", "nigerian", "kenyan", "swedish", "arabic", "hindi",
        "thai", "korean", "vietnamese", "greek", "russian", "irish", "european", "asian",
        "phd", "mba", "msc", "ceo", "cto", "cfo", "coo", "vp"
    )
)  # fmt: skip
_FIRST_PERSON = {
    "your": "my", "our": "your", "you": "me", "yours": "mine", "you're": "I'm", "my": "your",
    "me": "you",
    "tu": "mi", "tus": "mis", "ton": "mon", "ta": "ma", "tes": "mes", "votre": "ma",
    "dein": "mein", "deine": "meine", "deinen": "meinen", "deiner": "meiner", "seu": "meu",
    "sua": "minha", "tuo": "mio", "tua": "mia", "je": "mijn", "jouw": "mijn",
}  # fmt: skip


def read_occasion(item: Incoming, owner_first_name: str = "") -> Reading:
    """The occasion of `item` and the sender's words for its specifics."""
    text = item.read_text
    about = _CONNECTION_THANKS.sub("", text)
    slots = _specifics(about, item, owner_first_name)
    asks = asks_question(text)
    in_thread = any(turn.from_owner for turn in item.thread) or len(item.thread) > 0
    occasion = next(
        (name for name, matches in _DETECTORS if matches(about, in_thread)),
        QUESTION if asks else GENERAL,
    )
    if occasion == INVITATION and any(turn.from_owner for turn in item.thread):
        # The owner has answered the invitation already ("¡Qué bien! Entonces te guardo el
        # hueco…"): thanking for it again and promising to think it over would take back a yes.
        occasion = QUESTION if asks else GENERAL
    return Reading(occasion=occasion, slots=slots, asks_question=asks)


def asks_question(text: str) -> bool:
    """A real question, not only a rhetorical tag ("Interested?" ends pitches too), or an
    ask put without a question mark ("I would like to ask how …")."""
    return "?" in text or "¿" in text or bool(_INDIRECT_QUESTION.search(text))


def _scheduling(text: str, in_thread: bool) -> bool:
    short = len(text.split()) <= 14
    return (
        short
        and bool(_DAY_OR_TIME.search(text))
        and (in_thread or bool(_SCHEDULING_WORDS.search(text)))
    )


_DETECTORS = (
    (BIRTHDAY, lambda text, _: bool(_BIRTHDAY.search(text))),
    (WORK_ANNIVERSARY, lambda text, _: bool(_WORK_ANNIVERSARY.search(text))),
    (SENDER_LOSS, lambda text, _: bool(_OWN_LOSS.search(text))),
    (CONDOLENCE, lambda text, _: bool(_CONDOLENCE.search(text)) and not _CONGRATS.search(text)),
    (SCHEDULING, _scheduling),
    # "Congrats on the baby!" is news of the owner's; "We had a baby!" the sender's own.
    (CONGRATULATED, lambda text, _: bool(_CONGRATS.search(text)) and not _SENDER_NEWS.search(text)),
    (FAMILY_NEWS, lambda text, _: bool(_FAMILY.search(text)) and not _INVITATION.search(text)),
    (NEW_JOB, lambda text, _: bool(_SENDER_NEWS.search(text))),
    (REFERRAL_OFFER, lambda text, _: bool(_REFERRAL_OFFER.search(text))),
    (INVITATION, lambda text, _: bool(_INVITATION.search(text))),
    (RECRUITER, lambda text, _: bool(_RECRUITER.search(text))),
    (
        INTRODUCTION,
        lambda text, _: bool(_INTRODUCED_BY.search(text)) and bool(_INTRO_CONTEXT.search(text)),
    ),
    (EVENT_FOLLOW_UP, lambda text, _: _event(text) is not None),
    (THANKS, lambda text, _: bool(_THANKS.search(_CLOSING_THANKS.sub("", text)[:120]))),
    (CATCH_UP, lambda text, _: bool(_CATCH_UP.search(text)) and not asks_question(text[-80:])),
)


def _specifics(text: str, item: Incoming, owner_first_name: str) -> dict[str, str]:
    skip = {owner_first_name.casefold(), item.first_name.casefold(), ""}
    found: dict[str, str] = {}
    event = _event(text)
    if event:
        found["event"] = event
    introducer = _INTRODUCED_BY.search(text)
    if introducer and introducer.group("contact").split()[0].casefold() not in skip | _NOT_TOPICS:
        found["contact"] = introducer.group("contact")
    role = _ROLE.search(text)
    if role:
        words = (role.group("role") or role.group("role2") or "").strip().split()
        while words and words[-1] in ("of", "de", "for", "at"):
            words.pop()
        if words:
            found["role"] = " ".join(words)
    thanked = _THANKED_FOR.search(text)
    if thanked:
        found["thing"] = _as_owner_would_say(thanked.group("thing") or thanked.group("thing2"))
    congratulated = _CONGRATULATED_ON.search(text)
    if congratulated:
        found["news"] = _as_owner_would_say(congratulated.group("news"))
    day = _DAY_OR_TIME.search(text)
    if day:
        found["day"] = day.group("day")
    topic = _topic(text, skip)
    if topic:
        found["topic"] = topic
    question = _question_topic(text, skip)
    if question:
        found["question"] = question
    return found


def _event(text: str) -> str | None:
    for match in _EVENT.finditer(text):
        event = match.group("event").strip()
        if event.split()[0].casefold() in _MONTHS_AND_DAYS:
            continue
        named = event[:1].isupper() or event.split()[0] == "the"
        if _EVENT_WORDS.search(event) or _CAMEL_CASE.search(event) or (named and " " in event):
            return event
    return None


def _topic(text: str, skip: set[str], in_question: bool = False) -> str | None:
    """The most specific thing the message names: a quoted phrase, a proper name (not the
    first word of a sentence, not the person greeted), a question short enough to echo, or
    a noun phrase. A proposed day or time is never the topic: naming it could read as
    agreeing to it."""
    topics = _topics(text, skip, in_question)
    return next((topic for topic in topics if _echoable(topic)), None)


def _echoable(topic: str) -> bool:
    """Not a day or time, not words of the sender's sentence turned round ("can you check"
    would come out "can me check"), not a phrase that names nothing ("on my way")."""
    return not (
        _DAY_OR_TIME.search(topic)
        or _DATE.search(topic)
        or _YOU_DOING.search(topic)
        or topic.casefold() in _NAMES_NOTHING
    )


def _question_topic(text: str, skip: set[str]) -> str | None:
    """What the first real question is about, read from the question alone: "your question
    about Rotterdam" would name where the sender works, not what they asked. "How are
    you?" and "Call over the holidays?" are not questions to look into."""
    questions = (q for q in _QUESTION.findall(text) if not _SOCIAL_QUESTION.search(q))
    question = next(questions, None)
    return _topic(question, skip, in_question=True) if question else None


def _topics(text: str, skip: set[str], in_question: bool = False) -> Iterator[str]:
    """Candidate topics, most specific first; never the sender's question itself, which read
    from the owner's side comes out garbled. Inside a question (named after "your question
    about"), a capitalised word after an article is a noun
    (German capitalises them all: "die Stelle"), and noun phrases are read in English only,
    where the determiner list cannot run into a verb."""
    yield from _names(text, skip, in_question)
    for about in _ABOUT.finditer(text):
        if about.group("topic").casefold() not in _PRONOUNS:
            yield _trimmed(about.group("topic"))
    # "the runner image" names a thing; "our builds took" may run into a verb.
    phrases = sorted(
        _NOUN_PHRASE.finditer(text), key=lambda match: not match.group(0).startswith("the ")
    )
    for phrase in phrases:
        if not in_question or _ENGLISH_DETERMINER.match(phrase.group(0)):
            yield _trimmed(phrase.group(0))


def _names(text: str, skip: set[str], in_question: bool = False) -> Iterator[str]:
    """What the message names: a short quoted phrase, then proper names (not the first word
    of a sentence, not the person greeted, not a place the sender is in)."""
    quoted = _QUOTED.search(text)
    if quoted and len(quoted.group("quote").split()) <= 8:
        yield quoted.group("quote").strip()
    skip = skip | {match.group("name").casefold() for match in _VOCATIVE.finditer(text)}
    not_after = _PLACE_WORDS | _HONORIFIC_WORDS | (_ARTICLES if in_question else frozenset())
    for sentence in _SENTENCE_BREAK.split(text):
        name = _proper_name(sentence.split()[1:], skip, not_after)
        if name:
            yield name


def _trimmed(phrase: str) -> str:
    """The phrase from the owner's side, without the function words a cut-off phrase ends
    on: "the cleanup before the" -> "the cleanup", "a prep course or" -> "a prep course"."""
    words = phrase.split()
    while len(words) > 1 and words[-1].casefold() in _TRAILING_WORDS:
        words.pop()
    return _as_owner_would_say(" ".join(words))


def _proper_name(words: list[str], skip: set[str], not_after: frozenset[str]) -> str | None:
    """The first run of capitalised words in `words` that is not a skipped name, nor one
    right after a word in `not_after` (a place the sender is in or from: "a logistics
    company in Rotterdam")."""
    run: list[str] = []
    passed_over = False  # "in Methodist Primary School": the whole capitalised run
    for previous, word in zip(["", *words], [*words, ""], strict=True):
        bare = word.strip(",()\"'’“”«»")
        capitalised = bool(_CAPITALISED.fullmatch(bare))
        # After an amount it is a currency or a unit ("800 EUR", "20 Mbps").
        after_amount = any(character.isdigit() for character in previous)
        passed_over = capitalised and (
            previous.casefold() in not_after or after_amount or passed_over
        )
        starts = bare.casefold() not in skip | _NOT_TOPICS and not passed_over
        if capitalised and (run or starts):
            if bare.casefold() in _MONTHS_AND_DAYS and not run:
                continue
            run.append(bare)
            if bare != word.rstrip(",()\"'’“”«»") or word.endswith(","):
                break
        elif run and bare in _NAME_JOINERS:
            run.append(bare)
        elif run:
            break
    while run and run[-1] in _NAME_JOINERS:
        run.pop()
    return " ".join(run) if run and len(run[0]) >= 3 else None


def _as_owner_would_say(phrase: str) -> str:
    """The sender's phrase from the owner's side: "your talk" -> "my talk"."""
    words = phrase.strip().split()
    return " ".join(_FIRST_PERSON.get(word.casefold(), word) for word in words)
