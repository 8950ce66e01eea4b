"""A small stopword-based language detector: no network, no model, microseconds a message.

Good enough to pick the language of a reply among the ones we have templates for; short
or mixed messages come back as "und" (undetermined) and the caller falls back.
"""

from __future__ import annotations

import re

UNDETERMINED = "und"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent function words and greetings. Words shared by several languages ("de", "a",
# "que") are listed in each, so they add evenly and the distinctive words decide.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """the and to of you your i my me we our is are was be have has it this that for
        with on in at not but just would could will can do what how thanks thank hi hello
        hey there dear best regards looking forward great good morning about from
        they them an as if so am im i'm you're it's let know"""
    ),
    "es": _words(
        """el la los las de del que y en un una por para con es son su sus tu tus te mi
        me muy pero como más mas hola gracias saludos estoy está estás quería quisiera
        buenos días nos nuestra nuestro sobre también cuando porque usted ustedes"""
    ),
    "fr": _words(
        """le la les de des du que et en un une pour avec est sont vous votre vos je
        mon ma mes nous notre nos sur pas mais très bonjour salut merci cordialement
        suis être avoir au aux ce cette qui il elle bien aussi"""
    ),
    "de": _words(
        """der die das den dem des und ist sind ich du sie wir ihr ihre ihnen mit für
        auf nicht aber sehr ein eine einen einem zu von hallo danke grüße gruß viele
        liebe lieber guten tag habe haben bin wie auch noch über mich mir dich dir"""
    ),
    "pt": _words(
        """o a os as de do da dos das que e em um uma para com é são você vocês seu sua
        meu minha não mas muito olá oi obrigado obrigada abraço abraços tudo bem
        estou está nós nossa nosso sobre também quando porque"""
    ),
    "it": _words(
        """il lo la i gli le di del della che e in un una per con è sono tu tuo tua
        mio mia non ma molto ciao grazie saluti sto sta noi nostra nostro sul anche
        quando perché buongiorno cordiali come"""
    ),
    "nl": _words(
        """de het een en van in is zijn ik je jij u uw jouw wij we ons onze met voor
        op niet maar heel erg hallo hoi dank bedankt groeten groet graag dat die
        ook nog over mij mijn wat hoe goed dag"""
    ),
}

SUPPORTED = tuple(_STOPWORDS)  # order breaks ties
# Each stopword with the languages listing it: one dictionary lookup per word of a message
# instead of one per word and language.
_LANGUAGES_OF_WORD: dict[str, tuple[str, ...]] = {}
for _code, _stopwords in _STOPWORDS.items():
    for _stopword in _stopwords:
        _LANGUAGES_OF_WORD[_stopword] = (*_LANGUAGES_OF_WORD.get(_stopword, ()), _code)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
# Letters one language uses and the others (almost) never do.
_MARKS = {"es": "ñ¿¡", "de": "ßäöü", "pt": "ãõç", "fr": "çœèêà", "it": "ìò"}


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text` among SUPPORTED, or "und" when there is too little to go on."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    if not words:
        return UNDETERMINED
    scores = dict.fromkeys(SUPPORTED, 0.0)
    languages_of_word = _LANGUAGES_OF_WORD
    for word in words:
        for code in languages_of_word.get(word, ()):
            scores[code] += 1.0
    if not lowered.isascii():  # every mark is a non-ASCII letter
        for code, marks in _MARKS.items():
            if any(mark in lowered for mark in marks):
                scores[code] += 1.5
    best = max(SUPPORTED, key=lambda code: scores[code])
    return best if scores[best] >= 1.0 else UNDETERMINED
